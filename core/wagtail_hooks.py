"""Registers the audit-log screen (admins and security managers) and the export action."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from .audit import EXPORT_ACTION, VIEW_PERMISSION
from .views import AuditLogView


@hooks.register("register_admin_urls")
def register_audit_log_urls():
    return [
        path("audit-log/", AuditLogView.as_view(), name="core_audit_log"),
        path(
            "audit-log/results/",
            AuditLogView.as_view(results_only=True),
            name="core_audit_log_results",
        ),
    ]


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(
        _("Audit log"), reverse("core_audit_log"), name="audit-log", icon_name="history", order=990
    )


class ExportFormatter(LogFormatter):
    label = _("Export data")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Exported %(what)s (%(format)s)") % {
            "what": data.get("what", ""),
            "format": data.get("format", ""),
        }


@hooks.register("register_log_actions")
def register_core_actions(actions):
    actions.register_action(EXPORT_ACTION)(ExportFormatter)
