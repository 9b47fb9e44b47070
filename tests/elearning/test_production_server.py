"""The README's production web server for real: gunicorn with deploy/gunicorn.conf.py.

Production settings, collected static files, the test database on PostgreSQL (so it runs in
.ci/run's second leg with the `redis` marker), behind a proxy that says the request was https.
"""

import os
import secrets
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.reliability.conftest import _port_free, database_url, wait_for

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.redis


def _get(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http://127.0.0.1 only)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310  # nosec B310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def _healthy(url: str) -> bool:
    try:
        return _get(url)[0] == 200
    except OSError:  # refused or timed out while the workers still boot
        return False


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _redis_cache_url() -> str:
    broker = urllib.parse.urlsplit(os.environ["CELERY_BROKER_URL"])
    assert broker.scheme == "redis", "this test runs in the Redis leg"
    return f"rediscache://{broker.netloc}/15"


@pytest.fixture
def gunicorn(db, tmp_path):
    # Not transactional: gunicorn reads only what migrations committed, and a flush here would
    # leave the next transactional test a database without its migration data.
    port = next(p for p in range(8190, 8200) if _port_free(p))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url(),
        "STATIC_ROOT": str(tmp_path / "static"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "WEB_BIND": f"127.0.0.1:{port}",
        "WEB_WORKERS": "2",
        "CELERY_BROKER_URL": "memory://",
        # Production's cache is Redis (README); this leg's Redis, a database of its own.
        "CACHE_URL": _redis_cache_url(),
    }
    collect = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    subprocess.run(collect, cwd=ROOT, env=env, check=True)  # noqa: S603
    log = (tmp_path / "gunicorn.log").open("wb")
    command = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "elearning.wsgi"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        up = wait_for(lambda: not _port_free(port) and _healthy(f"{base}/healthz"), 120)
        assert up, (tmp_path / "gunicorn.log").read_text()
        yield base, process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_gunicorn_serves_czech_pages_over_https_only_with_the_production_headers(gunicorn):
    base, process = gunicorn
    status, headers, body = _get(f"{base}/accounts/login/", **{"X-Forwarded-Proto": "https"})
    assert status == 200
    assert "Přihlásit" in body
    assert "script-src" in headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"].split("script-src")[1]
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Frame-Options"] == "DENY"
    # The two worker processes WEB_WORKERS asked for, under the arbiter.
    children = subprocess.run(
        ["pgrep", "-P", str(process.pid)], capture_output=True, text=True
    ).stdout.split()
    assert len(children) == 2

    # Plain http is sent to https, except the proxy's health check.
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        opener.open(f"{base}/accounts/login/", timeout=60)
        raise AssertionError("plain http was served")
    except urllib.error.HTTPError as error:
        assert error.code == 301
        assert error.headers["Location"].startswith("https://127.0.0.1")
    status, _headers, body = _get(f"{base}/healthz")
    assert (status, body) == (200, "ok")
