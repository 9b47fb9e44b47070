"""SSO configuration from the environment, and password login switched off for employees."""

import pytest
from allauth.socialaccount.models import SocialApp
from django.contrib.auth.models import Permission

from organisation import roles
from tests import factories

pytestmark = pytest.mark.django_db


def test_identity_providers_from_the_environment_appear_on_the_login_page(client, site, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "saml": {
            "APPS": [
                {
                    "name": "ADFS Magistrát",
                    "provider_id": "urn:office",
                    "client_id": "office",
                    "settings": {
                        "idp": {
                            "entity_id": "urn:adfs",
                            "sso_url": "https://adfs.example.cz/adfs/ls/",
                            "x509cert": "MIIB",
                        }
                    },
                }
            ]
        },
        "openid_connect": {
            "APPS": [
                {
                    "name": "Entra ID",
                    "provider_id": "office",
                    "client_id": "elearning",
                    "secret": "s",
                    "settings": {"server_url": "https://login.example.cz"},
                }
            ]
        },
    }
    page = client.get("/accounts/login/").content.decode()
    assert "Přihlášení účtem úřadu" in page
    assert "Přihlásit se přes ADFS Magistrát" in page
    assert 'action="/accounts/saml/office/login/' in page
    assert "Přihlásit se přes Entra ID" in page
    assert 'action="/accounts/oidc/office/login/' in page


def test_without_identity_providers_the_login_page_is_the_password_form(client, site):
    assert not SocialApp.objects.exists()
    page = client.get("/accounts/login/").content.decode()
    assert "Přihlášení účtem úřadu" not in page
    assert 'name="password"' in page


def test_password_login_off_refuses_employees_with_a_czech_message(client, site, settings):
    settings.PASSWORD_LOGIN_FOR_EMPLOYEES = False
    factories.UserFactory(email="jana@example.cz")
    response = client.post(
        "/accounts/login/", {"login": "jana@example.cz", "password": "heslo-123"}
    )
    assert response.status_code == 200
    assert "Přihlašování heslem je vypnuté" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_login_off_keeps_break_glass_accounts(client, site, settings):
    settings.PASSWORD_LOGIN_FOR_EMPLOYEES = False
    breakglass = factories.UserFactory(email="nouze@example.cz", roles=[roles.HR])
    breakglass.user_permissions.add(Permission.objects.get(codename="use_password_login"))
    factories.UserFactory(email="admin@example.cz", is_superuser=True, is_staff=True)
    for email in ("nouze@example.cz", "admin@example.cz"):
        client.cookies.clear()
        response = client.post("/accounts/login/", {"login": email, "password": "heslo-123"})
        assert response.status_code == 302, email


def test_password_login_off_sends_employees_no_reset_link_but_break_glass_one(
    client, site, settings, mailoutbox
):
    settings.PASSWORD_LOGIN_FOR_EMPLOYEES = False
    factories.UserFactory(email="jana@example.cz")
    factories.UserFactory(email="admin@example.cz", is_superuser=True, is_staff=True)
    for email in ("jana@example.cz", "admin@example.cz"):
        response = client.post("/accounts/password/reset/", {"email": email})
        assert response.status_code == 302  # the same "sent" page for both: no enumeration
    assert [m.to for m in mailoutbox] == [["admin@example.cz"]]


def test_a_wrong_password_still_says_wrong_password_when_passwords_are_off(client, site, settings):
    # The switch must not tell an attacker which e-mail addresses exist.
    settings.PASSWORD_LOGIN_FOR_EMPLOYEES = False
    factories.UserFactory(email="jana@example.cz")
    response = client.post("/accounts/login/", {"login": "jana@example.cz", "password": "x"})
    assert "Zadaný e-mail nebo heslo není správné." in response.content.decode()


def test_a_superuser_configures_an_identity_provider_in_the_admin(client, site):
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        "/admin/identity_providers/new/",
        {
            "provider": "openid_connect",
            "provider_id": "office",
            "name": "Entra ID",
            "client_id": "elearning",
            "secret": "tajne",
            "key": "",
            "settings": '{"server_url": "https://login.example.cz"}',
        },
    )
    assert response.status_code == 302
    app = SocialApp.objects.get()
    assert app.settings == {"server_url": "https://login.example.cz"}
    client.logout()
    assert "Přihlásit se přes Entra ID" in client.get("/accounts/login/").content.decode()


def test_hr_cannot_touch_identity_providers(client, site):
    client.force_login(factories.UserFactory(roles=[roles.HR]))
    # Wagtail's refusal: back to the dashboard with its permission message.
    assert client.get("/admin/identity_providers/")["Location"] == "/admin/"
    assert client.get("/admin/identity_providers/new/")["Location"] == "/admin/"
