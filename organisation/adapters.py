"""allauth adapter: accounts come from HR imports or SSO, so nobody signs up."""

import time
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def password_login_allowed(user) -> bool:
    """Passwords stay for everyone unless the office turned them off for employees (SSO only)."""
    if settings.PASSWORD_LOGIN_FOR_EMPLOYEES:
        return True
    return user.is_superuser or user.has_perm("organisation.use_password_login")


def site_identity() -> SimpleNamespace:
    """The product's name and address from settings, not the host a request came in on."""
    return SimpleNamespace(
        name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(settings.BASE_URL).netloc or ""
    )


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def send_password_reset_mail(self, user, email, context):
        # With password login off for employees a reset would hand them a password they cannot
        # use; the page still says "sent", so nobody learns who is an employee.
        if not password_login_allowed(user):
            return None
        return super().send_password_reset_mail(user, email, context)

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None and not password_login_allowed(user):
            raise ValidationError(
                _(
                    "Password login is switched off: sign in with your office account "
                    "using the button above."
                )
            )
        return user

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        # The first second factor, enrolled right after signing in (where staff are sent),
        # needs no second password prompt: SSO-only people have no password to give at all.
        # Adding or removing factors later still asks for reauthentication.
        request = context.request
        first_factor = (
            app == "allauth.mfa"
            and request is not None
            and request.user.is_authenticated
            and not is_mfa_enabled(request.user)
        )
        if first_factor:
            records = get_authentication_records(request, request.user)
            age = time.time() - records[-1]["at"] if records else None
            if age is not None and age < account_settings.REAUTHENTICATION_TIMEOUT:
                return False
        return True

    def format_email_subject(self, subject) -> str:
        # allauth prefixes "[<host>]"; the e-mail is from the product, so its name.
        return f"[{settings.WAGTAIL_SITE_NAME}] {subject}"

    def send_mail(self, template_prefix, email, context):
        # "Hello from 127.0.0.1:8103!" otherwise: allauth names the request's host.
        context = {**context, "current_site": site_identity()}
        return super().send_mail(template_prefix, email, context)
