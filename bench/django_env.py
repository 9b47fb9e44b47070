"""Sets up Django for a standalone benchmark on a throw-away database (or DATABASE_URL)."""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.test")
    if "DATABASE_URL" not in os.environ:
        folder = tempfile.mkdtemp(prefix="elearning-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def best_of(function, rounds: int = 5) -> tuple[float, object]:
    """The fastest of `rounds` runs (seconds) and the last result."""
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result
