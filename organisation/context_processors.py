"""What the site header needs to know about the logged-in user's permissions."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def navigation(request):
    user = request.user

    def can_see_reports() -> bool:
        # HR and security managers see everyone; a manager sees their reporting line.
        if not user.is_authenticated:
            return False
        return user.has_perm("reports.view_all_training_records") or user.reports.exists()

    return {
        "nav_reports": SimpleLazyObject(can_see_reports),
        # The link opens the dashboard with the heat map: the security manager's entry point.
        "nav_security": SimpleLazyObject(lambda: user.has_perm("reports.view_risk_heatmap")),
        # The login page labels the password form as the emergency route when SSO is required.
        "password_login_for_employees": settings.PASSWORD_LOGIN_FOR_EMPLOYEES,
    }
