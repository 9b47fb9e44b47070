"""Registers the certificates admin screens and the audit-log actions they write."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .services import ISSUE_ACTION, REVOKE_ACTION
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


@hooks.register("register_log_actions")
def register_certificate_actions(actions):
    actions.register_action(ISSUE_ACTION, _("Issue certificate"), _("Certificate issued"))
    actions.register_action(REVOKE_ACTION)(RevokeFormatter)
