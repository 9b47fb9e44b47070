"""A security key (WebAuthn) in a real browser: Chromium's virtual authenticator enrols a key
through allauth.mfa under the CSP, and the next login asks for it and accepts it."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.conftest import snapshot

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def person(transactional_db, django_db_serialized_rollback, settings):
    # http://localhost is a secure context for the browser; allauth checks the origin itself.
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
    from elearning.site_setup import site_setup

    site_setup()
    return factories.UserFactory(email="sarka@example.cz", first_name="Šárka", last_name="Žáková")


def _login(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail").fill("sarka@example.cz")
    page.get_by_label("Heslo").fill("heslo-123")
    page.get_by_role("button", name="Přihlásit se").click()


def test_an_employee_enrols_a_security_key_and_logs_in_with_it(page, live_server, person):
    from allauth.mfa.models import Authenticator

    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    violations = []
    page.on("console", lambda m: "Content-Security-Policy" in m.text and violations.append(m.text))

    _login(page, live_server)
    page.wait_for_url(f"{live_server.url}/my-training/")
    page.goto(f"{live_server.url}/accounts/2fa/webauthn/add/")
    snapshot(page, "webauthn-00-add")
    page.locator("input[name=name]").fill("Služební klíč")
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_load_state("networkidle")
    snapshot(page, "webauthn-01-added")
    assert Authenticator.objects.filter(user=person, type=Authenticator.Type.WEBAUTHN).exists()

    page.context.clear_cookies()
    _login(page, live_server)
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.locator("#mfa_webauthn_authenticate").click()
    page.wait_for_url(f"{live_server.url}/my-training/")
    expect(page.get_by_role("heading", name="Moje školení", level=1)).to_be_visible()
    assert violations == []
