"""Registers the automation's admin screens, its dashboard panel and its audit-log actions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .panels import LastRunsPanel
from .services import REMIND_NOW_ACTION
from .viewsets import AutomationGroup


@hooks.register("register_admin_viewset")
def register_automation():
    return AutomationGroup()


@hooks.register("construct_homepage_panels")
def add_last_runs_panel(request, panels):
    if request.user.has_perm("automation.view_jobrun"):
        panels.append(LastRunsPanel(request))


class RemindNowFormatter(LogFormatter):
    label = _("Send a reminder now")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Reminder sent now to %(email)s: %(course)s") % {
            "email": data.get("email", ""),
            "course": data.get("course", ""),
        }


@hooks.register("register_log_actions")
def register_automation_actions(actions):
    actions.register_action(REMIND_NOW_ACTION)(RemindNowFormatter)
