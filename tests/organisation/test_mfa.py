"""MFA for staff: enrolment forced before any staff page, TOTP login, resetting a lost device."""

import base64
import hashlib
import hmac
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from wagtail.models import ModelLogEntry

from organisation import roles
from tests import factories

pytestmark = pytest.mark.django_db

STAFF_ROLES = [roles.HR, roles.SECURITY_MANAGER, roles.COURSE_EDITOR]
EXEMPT = ("/accounts/", "/i18n/", "/jsi18n/", "/static/", "/media/")


def totp_code(secret_base32: str, at: float | None = None) -> str:
    """RFC 6238 computed here, independently of allauth: 6 digits, 30 s steps, HMAC-SHA1."""
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def _plain_paths(patterns, prefix=""):
    """Every URL of the project that takes no argument, as a path."""
    for entry in patterns:
        pattern = entry.pattern
        if isinstance(pattern, RoutePattern):
            if pattern.converters:
                continue
            part = str(pattern)
        elif isinstance(pattern, RegexPattern):
            part = str(pattern).lstrip("^").rstrip("$")
            if any(c in part for c in "()[]?*+\\{"):
                continue
        else:
            continue
        if isinstance(entry, URLResolver):
            yield from _plain_paths(entry.url_patterns, prefix + part)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + part


def staff_paths() -> list[str]:
    paths = sorted(set(_plain_paths(get_resolver().url_patterns)))
    return [p for p in paths if not p.startswith(EXEMPT)]


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    return settings


def _password_login(client, email: str):
    return client.post("/accounts/login/", {"login": email, "password": "heslo-123"})


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_every_staff_url_sends_staff_without_mfa_to_enrolment(client, site, mfa_required, role):
    client.force_login(factories.UserFactory(roles=[role]))
    paths = staff_paths()
    assert "/admin/" in paths and "/reports/" in paths and len(paths) > 50
    not_sent = []
    for path in paths:
        response = client.get(path)
        if response.status_code != 302 or response["Location"] != "/accounts/2fa/":
            not_sent.append((path, response.status_code))
    assert not_sent == []
    page = client.get("/accounts/2fa/").content.decode()
    assert "nastavte si druhý faktor" in page


def test_superusers_are_staff_too(client, site, mfa_required):
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/admin/")["Location"] == "/accounts/2fa/"


def test_employees_are_not_forced_but_may_opt_in(client, site, mfa_required):
    client.force_login(factories.UserFactory())
    assert client.get("/my-training/").status_code == 200
    assert client.get("/accounts/2fa/").status_code == 200


def test_enrolment_with_a_real_totp_code_opens_the_admin(client, site, mfa_required):
    hr = factories.UserFactory(email="hr@example.cz", roles=[roles.HR])
    assert _password_login(client, "hr@example.cz").status_code == 302
    assert client.get("/admin/")["Location"] == "/accounts/2fa/"

    # Right after signing in, the first factor needs no second password prompt.
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    secret = response.context["form"].secret
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=hr, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200


def test_enrolment_in_a_session_without_a_recent_login_asks_to_reauthenticate(
    client, site, mfa_required
):
    client.force_login(factories.UserFactory(roles=[roles.HR]))
    response = client.get("/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_staff_login_asks_for_the_totp_code_and_accepts_a_real_one(client, site, mfa_required):
    from allauth.mfa.totp.internal.auth import TOTP

    editor = factories.UserFactory(email="editor@example.cz", roles=[roles.COURSE_EDITOR])
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    TOTP.activate(editor, secret)

    response = _password_login(client, "editor@example.cz")
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.get("/admin/").status_code == 200


def test_an_admin_resets_a_lost_device_and_the_audit_log_records_it(client, site):
    from allauth.mfa.totp.internal.auth import TOTP

    person = factories.UserFactory(first_name="Tomáš", last_name="Černý", roles=[roles.HR])
    TOTP.activate(person, "JBSWY3DPEHPK3PXP")
    admin = factories.UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)

    page = client.get(f"/admin/employees/{person.pk}/reset-mfa/")
    assert page.status_code == 200
    response = client.post(f"/admin/employees/{person.pk}/reset-mfa/")
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=person).exists()
    entry = ModelLogEntry.objects.get(action="organisation.mfa_reset")
    assert entry.object_id == str(person.pk) and entry.user_id == admin.pk
    assert entry.data["types"] == ["totp"]


def test_hr_may_not_reset_anyones_second_factor(client, site):
    from allauth.mfa.totp.internal.auth import TOTP

    person = factories.UserFactory(roles=[roles.SECURITY_MANAGER])
    TOTP.activate(person, "JBSWY3DPEHPK3PXP")
    client.force_login(factories.UserFactory(roles=[roles.HR]))
    # Wagtail turns the refusal into a redirect to the dashboard with its permission message.
    response = client.post(f"/admin/employees/{person.pk}/reset-mfa/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Authenticator.objects.filter(user=person).exists()
    assert not ModelLogEntry.objects.filter(action="organisation.mfa_reset").exists()


def test_a_recovery_code_logs_staff_in_once_when_the_device_is_lost(client, site, mfa_required):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    editor = factories.UserFactory(email="editor@example.cz", roles=[roles.COURSE_EDITOR])
    TOTP.activate(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    codes = RecoveryCodes.activate(editor).get_unused_codes()
    assert len(codes) >= 8

    _password_login(client, "editor@example.cz")
    response = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.get("/admin/").status_code == 200

    # The same code does not work a second time.
    client.post("/accounts/logout/")
    _password_login(client, "editor@example.cz")
    again = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert again.status_code == 200 and "_auth_user_id" not in client.session
