"""App config of phishing simulation: campaigns, tracking, teachable moments, remedial training."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhishingConfig(AppConfig):
    name = "phishing"
    verbose_name = _("Phishing simulation")

    def ready(self):
        from . import measures, personal_data  # noqa: F401 - measures registers with risk reviews

        personal_data.register()
