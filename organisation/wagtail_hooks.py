"""Registers the organisation's admin screens."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from .directory_services import SYNC_ACTION
from .directory_views import DirectorySyncView
from .erasure import ERASE_ACTION
from .erasure_views import PersonEraseView
from .models import DirectorySync
from .people_picker import autocomplete
from .services import IMPORT_ACTION, IMPORT_CONFIRM_ACTION, IMPORT_FINISH_ACTION, ROLE_ACTION
from .viewsets import (
    EmployeeImportJobView,
    EmployeeImportStatusView,
    EmployeeImportView,
    workplace_viewset,
)


@hooks.register("register_admin_viewset")
def register_workplaces():
    return workplace_viewset


@hooks.register("register_admin_urls")
def register_employee_import_url():
    return [
        path("employees/import/", EmployeeImportView.as_view(), name="employee_import"),
        path(
            "employees/import/<int:job_id>/",
            EmployeeImportJobView.as_view(),
            name="employee_import_job",
        ),
        path(
            "employees/import/<int:job_id>/status/",
            EmployeeImportStatusView.as_view(),
            name="employee_import_status",
        ),
        path("people/<int:user_id>/erase/", PersonEraseView.as_view(), name="organisation_erase"),
        path("people/autocomplete/", autocomplete, name="person_autocomplete"),
    ]


class _HRMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(["organisation.add_user", "organisation.change_user"])


@hooks.register("register_admin_menu_item")
def register_employee_import_menu_item():
    return _HRMenuItem(
        _("Import employees"), reverse("employee_import"), icon_name="upload", order=215
    )


@hooks.register("register_admin_urls")
def register_directory_sync_url():
    return [path("directory-sync/", DirectorySyncView.as_view(), name="directory_sync")]


@hooks.register("register_admin_menu_item")
def register_directory_sync_menu_item():
    return _HRMenuItem(_("Directory sync"), reverse("directory_sync"), icon_name="group", order=216)


class DirectorySyncFormatter(LogFormatter):
    label = _("Directory sync")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        counts = data.get("counts", {})
        status = dict(DirectorySync.Status.choices).get(data.get("status"), data.get("status"))
        return _(
            "Directory sync: %(status)s (new: %(created)s, changed: %(updated)s, "
            "deactivated: %(deactivated)s)"
        ) % {
            "status": status,
            "created": counts.get("created", 0),
            "updated": counts.get("updated", 0),
            "deactivated": counts.get("deactivated", 0),
        }


@hooks.register("register_log_actions")
def register_directory_sync_action(actions):
    actions.register_action(SYNC_ACTION)(DirectorySyncFormatter)


@hooks.register("register_admin_urls")
def register_mfa_reset_url():
    from .identity_admin import MFAResetView

    return [path("employees/<int:pk>/reset-mfa/", MFAResetView.as_view(), name="mfa_reset")]


@hooks.register("register_log_actions")
def register_mfa_log_actions(actions):
    actions.register_action(
        "organisation.mfa_reset", _("Reset second factor"), _("Second factor reset")
    )


@hooks.register("register_user_listing_buttons")
def register_mfa_reset_button(user, request_user):
    from wagtail.admin.widgets import ListingButton

    from .identity_admin import RESET_MFA_PERMISSION

    if not request_user.has_perm(RESET_MFA_PERMISSION):
        return []
    return [
        ListingButton(_("Reset second factor"), reverse("mfa_reset", args=[user.pk]), priority=30)
    ]


@hooks.register("register_admin_viewset")
def register_identity_providers():
    from .identity_admin import social_app_viewset

    return social_app_viewset


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
        IMPORT_CONFIRM_ACTION, _("Confirm an employee import"), _("Employee import confirmed")
    )
    actions.register_action(
        IMPORT_FINISH_ACTION, _("Finish an employee import"), _("Employee import finished")
    )
    actions.register_action(
        ERASE_ACTION, _("Erase personal data"), _("Personal data erased (pseudonymised)")
    )
