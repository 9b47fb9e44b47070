"""allauth adapter: accounts come from HR imports or SSO, so nobody signs up."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def password_login_allowed(user) -> bool:
    """Passwords stay for everyone unless the office turned them off for employees (SSO only)."""
    if settings.PASSWORD_LOGIN_FOR_EMPLOYEES:
        return True
    return user.is_superuser or user.has_perm("organisation.use_password_login")


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

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
