"""Production's collectstatic (WhiteNoise's manifest storage) works on every static file.

The manifest storage rewrites references inside CSS and JS; one reference to a file we do not
ship (a source map of a vendored library) fails the whole deployment, so this runs in the
SQLite leg too, not only with the production server test.
"""

import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_collectstatic_with_the_production_settings_succeeds(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "STATIC_ROOT": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/unused.sqlite3",
    }
    command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "scorm/vendor/scorm-again.min.js" in manifest
    assert "js/person-picker.js" in manifest
