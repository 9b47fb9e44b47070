"""Puts the reports in the admin menu for those whose permissions open them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import RISK_HEATMAP


class _HeatmapMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(RISK_HEATMAP)


@hooks.register("register_admin_menu_item")
def register_heatmap_menu_item():
    return _HeatmapMenuItem(
        _("Risk heat map"), reverse("reports:heatmap"), icon_name="table", order=225
    )
