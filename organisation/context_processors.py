"""What the site header needs to know about the logged-in user's permissions."""

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

# Whether someone manages anyone is asked on every page for the header's link only (the
# reports check the permission and the reporting line themselves): remembered a minute.
MANAGES_SECONDS = 60


def _manages_anyone(user) -> bool:
    key = f"organisation:manages:{user.pk}"
    manages = cache.get(key)
    if manages is None:
        manages = user.reports.exists()
        cache.set(key, manages, MANAGES_SECONDS)
    return manages


def navigation(request):
    user = request.user

    def can_see_reports() -> bool:
        # HR and security managers see everyone; a manager sees their reporting line.
        if not user.is_authenticated:
            return False
        return user.has_perm("reports.view_all_training_records") or _manages_anyone(user)

    return {
        "nav_reports": SimpleLazyObject(can_see_reports),
        # The link opens the dashboard with the heat map: the security manager's entry point.
        "nav_security": SimpleLazyObject(lambda: user.has_perm("reports.view_risk_heatmap")),
        # The login page labels the password form as the emergency route when SSO is required.
        "password_login_for_employees": settings.PASSWORD_LOGIN_FOR_EMPLOYEES,
    }
