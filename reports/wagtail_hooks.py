"""Puts the reports in the admin menu for the roles that may see them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from organisation.roles import SECURITY_MANAGER, has_role


class _SecurityManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return has_role(request.user, SECURITY_MANAGER)


@hooks.register("register_admin_menu_item")
def register_heatmap_menu_item():
    return _SecurityManagerMenuItem(
        _("Risk heat map"), reverse("reports:heatmap"), icon_name="table", order=225
    )
