"""App config for the automation of the PDCA cycle (the Act half): scheduled jobs and e-mails."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AutomationConfig(AppConfig):
    name = "automation"
    verbose_name = _("Automation")

    def ready(self):
        from . import personal_data

        personal_data.register()
