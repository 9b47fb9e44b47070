"""External conformance cases: files no one here wrote, kept in ../shared/fixtures beside the clone.

`make conformance` runs this folder; it fails (never skips) when the folder is missing, so a CI
run without the cases cannot pass by testing nothing. `make test` never reads it.
"""

from pathlib import Path

import pytest

SHARED_FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"

if not SHARED_FIXTURES.is_dir():
    pytest.exit(
        f"The conformance cases are missing: {SHARED_FIXTURES} does not exist "
        "(they live beside the clone, in ../shared/fixtures).",
        returncode=4,
    )
