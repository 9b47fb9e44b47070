"""Who may pass: employees get a plain 403 at the admin, staff must enrol a second factor first."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

# Staff are decided by a permission, never by a group name: every staff role can open the admin.
STAFF_PERMISSION = "wagtailadmin.access_admin"

# Pages a staff member without MFA may still open: allauth itself (enrolment, logout,
# reauthentication), the language switch and static files.
_MFA_EXEMPT_PREFIXES = ("/accounts/", "/i18n/", "/jsi18n/", "/static/", "/media/")


def is_staff_member(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm(STAFF_PERMISSION)


class AdminAccessMiddleware:
    """An employee at /admin/ sees why, instead of bouncing between the admin and the login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and request.path_info.startswith(reverse("wagtailadmin_home"))
            and not user.has_perm(STAFF_PERMISSION)
        ):
            return render(request, "organisation/admin_forbidden.html", status=403)
        return self.get_response(request)


class StaffMFAMiddleware:
    """With MFA_REQUIRED_FOR_STAFF, staff without a second factor are sent to enrol one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_STAFF
            and request.user.is_authenticated
            and not request.path_info.startswith(_MFA_EXEMPT_PREFIXES)
            and is_staff_member(request.user)
            and not is_mfa_enabled(request.user)
        ):
            messages.warning(
                request,
                _(
                    "Your role gives you access to other people's data: set up a second "
                    "factor (an authenticator app or a security key) before you continue."
                ),
            )
            return redirect("mfa_index")
        return self.get_response(request)
