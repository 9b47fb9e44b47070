"""Registers the automation's admin screens and its dashboard panel."""

from wagtail import hooks

from .panels import LastRunsPanel
from .viewsets import AutomationGroup


@hooks.register("register_admin_viewset")
def register_automation():
    return AutomationGroup()


@hooks.register("construct_homepage_panels")
def add_last_runs_panel(request, panels):
    if request.user.has_perm("automation.view_jobrun"):
        panels.append(LastRunsPanel(request))
