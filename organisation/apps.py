"""App config for the organisation: people, workplaces and roles."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = _("Organisation")

    def ready(self):
        from . import directory_tasks, erasure, signal_handlers  # noqa: F401 - register the sync task and erasure providers

        signal_handlers.connect()
