"""Registers the risk screens in the admin and names the approval in the history log."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .services import APPROVE_ACTION
from .viewsets import risk_viewset_group


@hooks.register("register_admin_viewset")
def register_risk_viewsets():
    return risk_viewset_group


@hooks.register("register_log_actions")
def register_risk_log_actions(actions):
    actions.register_action(APPROVE_ACTION, _("Approve risk review"), _("Risk review approved"))
