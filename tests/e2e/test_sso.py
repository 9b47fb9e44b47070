"""Single sign-on in a real browser through real identity providers (saml-idp, oidc-provider)."""

import pytest
from playwright.sync_api import expect

from organisation.models import User
from tests import factories
from tests.e2e.conftest import axe_violations, snapshot
from tests.organisation.idps import oidc_app, require_idps, saml_app

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def base_url(live_server):
    # The OIDC client is a loopback client: its redirect URI must name 127.0.0.1, not localhost.
    require_idps()
    return live_server.url.replace("localhost", "127.0.0.1")


def test_saml_login_links_the_existing_employee_and_lands_on_my_training(page, base_url, demo):
    jana = factories.UserFactory(
        first_name="Jana",
        last_name="Nováková",
        email="jana.novakova@example.cz",
        personal_number="10042",
    )
    saml_app()
    people_before = User.objects.count()

    page.goto(f"{base_url}/accounts/login/")
    assert axe_violations(page) == []
    snapshot(page, "sso-01-login")
    page.get_by_role("button", name="Přihlásit se přes ADFS magistrátu").click()
    # The IdP's own page: it asks who is signing in and posts a signed assertion back.
    page.wait_for_url("http://127.0.0.1:7000/**")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"{base_url}/my-training/")
    expect(page.get_by_role("heading", name="Moje školení", level=1)).to_be_visible()
    expect(page.get_by_text("Přihlášena: Jana Nováková")).to_be_visible()
    snapshot(page, "sso-02-saml-my-training")
    # The profile shows the linked office account.
    page.get_by_role("link", name="Můj profil").click()
    expect(page.get_by_role("heading", name="Můj profil", level=1)).to_be_visible()
    expect(page.get_by_text("jana.novakova@example.cz").first).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "sso-05-profile")

    assert User.objects.count() == people_before
    assert jana.socialaccount_set.get().provider == "urn:elearning:test-idp"


def test_oidc_login_links_by_personal_number_and_lands_on_my_training(page, base_url, demo):
    # HR's record has an older e-mail address: the personal number from the IdP still matches.
    petr = factories.UserFactory(
        first_name="Petr",
        last_name="Svoboda",
        email="p.svoboda@example.cz",
        personal_number="10077",
    )
    oidc_app()
    people_before = User.objects.count()

    page.goto(f"{base_url}/accounts/login/")
    page.get_by_role("button", name="Přihlásit se přes Entra ID").click()
    page.wait_for_url("http://127.0.0.1:7001/**")
    page.locator("input[name=login]").fill("petr")
    page.locator("input[name=password]").fill("heslo-z-ad")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base_url}/my-training/")
    expect(page.get_by_role("heading", name="Moje školení", level=1)).to_be_visible()
    snapshot(page, "sso-03-oidc-my-training")

    assert User.objects.count() == people_before
    assert petr.socialaccount_set.get().provider == "office"


def test_oidc_login_of_an_unknown_person_is_refused_in_czech(page, base_url, demo):
    oidc_app()
    people_before = User.objects.count()

    page.goto(f"{base_url}/accounts/login/")
    page.get_by_role("button", name="Přihlásit se přes Entra ID").click()
    page.locator("input[name=login]").fill("neznamy")
    page.locator("input[name=password]").fill("cokoli")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Přihlášení odmítnuto", level=1)).to_be_visible()
    expect(page.get_by_text("není žádný záznam zaměstnance")).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "sso-04-refused")
    assert User.objects.count() == people_before


def test_oidc_auto_provisioning_creates_the_unknown_person_as_an_employee(
    page, base_url, demo, settings
):
    settings.SSO_AUTO_PROVISION = True
    oidc_app()

    page.goto(f"{base_url}/accounts/login/")
    page.get_by_role("button", name="Přihlásit se přes Entra ID").click()
    page.locator("input[name=login]").fill("neznamy")
    page.locator("input[name=password]").fill("cokoli")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base_url}/my-training/")
    expect(page.get_by_role("heading", name="Moje školení", level=1)).to_be_visible()
    person = User.objects.get(email="nikdo.neznamy@example.cz")
    assert person.get_full_name() == "Nikdo Neznámý"
    assert list(person.groups.values_list("name", flat=True)) == ["Employee"]
    assert not person.has_usable_password()
