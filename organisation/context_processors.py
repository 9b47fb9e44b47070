"""What the site header needs to know about the logged-in user's roles."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import roles


def navigation(request):
    user = request.user

    def can_see_reports() -> bool:
        # HR and security managers see everyone; a manager sees their reporting line.
        if not user.is_authenticated:
            return False
        return roles.has_role(user, roles.HR, roles.SECURITY_MANAGER) or user.reports.exists()

    return {
        "nav_reports": SimpleLazyObject(can_see_reports),
        "nav_security": SimpleLazyObject(lambda: roles.has_role(user, roles.SECURITY_MANAGER)),
        # The login page labels the password form as the emergency route when SSO is required.
        "password_login_for_employees": settings.PASSWORD_LOGIN_FOR_EMPLOYEES,
    }
