"""Registers the organisation's admin screens."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from .erasure import ERASE_ACTION
from .erasure_views import PersonEraseView
from .services import IMPORT_ACTION, ROLE_ACTION
from .viewsets import EmployeeImportView, workplace_viewset


@hooks.register("register_admin_viewset")
def register_workplaces():
    return workplace_viewset


@hooks.register("register_admin_urls")
def register_employee_import_url():
    return [
        path("employees/import/", EmployeeImportView.as_view(), name="employee_import"),
        path("people/<int:user_id>/erase/", PersonEraseView.as_view(), name="organisation_erase"),
    ]


class _HRMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(["organisation.add_user", "organisation.change_user"])


@hooks.register("register_admin_menu_item")
def register_employee_import_menu_item():
    return _HRMenuItem(
        _("Import employees"), reverse("employee_import"), icon_name="upload", order=215
    )


class ImportFormatter(LogFormatter):
    label = _("Import employees")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        messages = {
            "created": _("Created by the employee import"),
            "updated": _("Updated by the employee import: %(fields)s"),
            "deactivated": _("Deactivated by the employee import"),
        }
        message = messages.get(data.get("change"), messages["updated"])
        return message % {"fields": ", ".join(data.get("fields", []))}


class RoleFormatter(LogFormatter):
    label = _("Change roles")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if data.get("added"):
            return _("Roles added: %(roles)s") % {"roles": ", ".join(data["added"])}
        return _("Roles removed: %(roles)s") % {"roles": ", ".join(data.get("removed", []))}


@hooks.register("register_log_actions")
def register_organisation_actions(actions):
    actions.register_action(IMPORT_ACTION)(ImportFormatter)
    actions.register_action(ROLE_ACTION)(RoleFormatter)
    actions.register_action(
        ERASE_ACTION, _("Erase personal data"), _("Personal data erased (pseudonymised)")
    )
