"""Registers the automation's admin screens, its dashboard panel, permission and audit actions."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .panels import LastRunsPanel
from .services import REMIND_NOW_ACTION, RUN_NOW_ACTION
from .viewsets import AutomationGroup, RunNowProgressView, RunNowView, job_label, run_now_status


@hooks.register("register_admin_viewset")
def register_automation():
    return AutomationGroup()


@hooks.register("construct_homepage_panels")
def add_last_runs_panel(request, panels):
    if request.user.has_perm("automation.view_jobrun"):
        panels.append(LastRunsPanel(request))


@hooks.register("register_admin_urls")
def register_run_now_urls():
    return [
        path("automation/run-now/", RunNowView.as_view(), name="automation_run_now"),
        path(
            "automation/run-now/<int:pk>/",
            RunNowProgressView.as_view(),
            name="automation_run_now_progress",
        ),
        path(
            "automation/run-now/<int:pk>/status/",
            run_now_status,
            name="automation_run_now_status",
        ),
    ]


@hooks.register("register_permissions")
def register_run_now_permission():
    # So that the group editor offers it: the job-run screens register no permissions.
    return Permission.objects.filter(content_type__app_label="automation", codename="run_job_now")


class RunNowFormatter(LogFormatter):
    label = _("Run a PDCA job now")

    def format_message(self, log_entry):
        return _("PDCA job started from the administration: %(job)s") % {
            "job": job_label((log_entry.data or {}).get("job", ""))
        }


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
    actions.register_action(RUN_NOW_ACTION)(RunNowFormatter)
    actions.register_action(REMIND_NOW_ACTION)(RemindNowFormatter)
