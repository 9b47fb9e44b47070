"""Registers the organisation's admin screens."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .viewsets import EmployeeImportView, workplace_viewset


@hooks.register("register_admin_viewset")
def register_workplaces():
    return workplace_viewset


@hooks.register("register_admin_urls")
def register_employee_import_url():
    return [path("employees/import/", EmployeeImportView.as_view(), name="employee_import")]


class _HRMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(["organisation.add_user", "organisation.change_user"])


@hooks.register("register_admin_menu_item")
def register_employee_import_menu_item():
    return _HRMenuItem(
        _("Import employees"), reverse("employee_import"), icon_name="upload", order=215
    )
