"""Registers the certificates admin screens and the audit-log actions they write."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .services import EXPORT_ACTION, ISSUE_ACTION, ISSUED_BY_SYSTEM, REVOKE_ACTION
from .viewsets import certificate_viewset


@hooks.register("register_admin_viewset")
def register_certificates():
    return certificate_viewset


class RevokeFormatter(LogFormatter):
    label = _("Revoke certificate")

    def format_message(self, log_entry):
        return _("Certificate revoked: %(reason)s") % {
            "reason": (log_entry.data or {}).get("reason", "")
        }


class IssueFormatter(LogFormatter):
    label = _("Issue certificate")

    def format_message(self, log_entry):
        # Entries written before the issuer was recorded had no actor: the system issued them.
        if (log_entry.data or {}).get("issued_by", ISSUED_BY_SYSTEM) == ISSUED_BY_SYSTEM:
            return _("Certificate issued automatically by the system")
        return _("Certificate issued at the request of the user shown")


class ExportFormatter(LogFormatter):
    label = _("Export certificates (ZIP)")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("ZIP of certificates requested: %(workplace)s, %(date_from)s – %(date_to)s") % {
            "workplace": data.get("workplace", ""),
            "date_from": data.get("date_from", ""),
            "date_to": data.get("date_to", ""),
        }


@hooks.register("register_log_actions")
def register_certificate_actions(actions):
    actions.register_action(ISSUE_ACTION)(IssueFormatter)
    actions.register_action(REVOKE_ACTION)(RevokeFormatter)
    actions.register_action(EXPORT_ACTION)(ExportFormatter)
