"""Issue 12, point 1: production passes the deploy check; no page allows inline script or framing.

An attacker who injects a <script> into a page, or frames a page to trick a click, is refused
by the browser because of these headers: the tests assert the headers on real responses, the
production settings in a real process, and that no template carries an inline script.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.views.decorators.clickjacking import xframe_options_sameorigin

from elearning.csp import ContentSecurityPolicyMiddleware

ROOT = Path(__file__).resolve().parents[2]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)


def _production_env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SECURE_", "DATABASE_URL", "CELERY_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="elearning.settings.production",
        SECRET_KEY="a-dummy-production-key-for-the-deploy-check-" + "x1y2z3" * 5,
        DATABASE_URL="sqlite://:memory:",
        CELERY_BROKER_URL="memory://",
        **extra,
    )
    return env


def test_production_settings_pass_the_deploy_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PRODUCTION_REQUESTS = """
from django.test import Client
c = Client()
plain = c.get("/jsi18n/")
print("plain", plain.status_code, plain.get("Location"))
tls = c.get("/jsi18n/", headers={"x-forwarded-proto": "https"})
print("tls", tls.status_code, tls.get("Strict-Transport-Security"))
print("xfo", tls.get("X-Frame-Options"))
print("csp", tls.get("Content-Security-Policy"))
"""


def test_production_redirects_to_https_and_sends_hsts_behind_the_proxy():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + PRODUCTION_REQUESTS],
        cwd=ROOT,
        env=_production_env(ALLOWED_HOSTS="testserver"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines["plain"] == "301 https://testserver/jsi18n/"
    assert lines["tls"] == "200 max-age=31536000; includeSubDomains"
    assert lines["xfo"] == "DENY"
    assert "frame-ancestors 'none'" in lines["csp"]


def test_a_forged_proxy_header_is_ignored_when_django_terminates_tls():
    """With SECURE_PROXY_SSL_HEADER empty, a client's X-Forwarded-Proto proves nothing."""
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + PRODUCTION_REQUESTS],
        cwd=ROOT,
        env=_production_env(ALLOWED_HOSTS="testserver", SECURE_PROXY_SSL_HEADER=""),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    # Still redirected to https, and no HSTS promise made over plain HTTP.
    assert lines["tls"] == "301 None"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/accounts/login/", "/my-training/", "/admin/login/"])
def test_every_page_forbids_inline_script_and_framing(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert script_src.split()[0] == "'self'"
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy and "base-uri 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_admin_allows_inline_styles_but_never_inline_scripts(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert re.search(r"style-src 'self' 'unsafe-inline'", policy)
    assert "'unsafe-inline'" not in re.search(r"script-src ([^;]*)", policy).group(1)


def _through_middleware(view):
    request = RequestFactory().get("/scorm/player/")
    middleware = ContentSecurityPolicyMiddleware(view)
    return middleware(request)


def test_a_view_framed_on_purpose_allows_its_own_origin_only():
    """What the SCORM player will use: Django's decorator opens framing to our origin only."""

    @xframe_options_sameorigin
    def player(request):
        return HttpResponse("player")

    policy = _through_middleware(player)["Content-Security-Policy"]
    assert re.search(r"frame-ancestors ([^;]*)", policy).group(1) == "'self'"

    plain = _through_middleware(lambda request: HttpResponse("page"))
    assert "frame-ancestors 'none'" in plain["Content-Security-Policy"]


def test_no_template_carries_an_inline_script():
    offenders = []
    for path in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        for match in INLINE_SCRIPT.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert offenders == []
