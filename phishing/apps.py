"""App config of phishing simulation: campaigns, tracking, teachable moments, remedial training."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhishingConfig(AppConfig):
    name = "phishing"
    verbose_name = _("Phishing simulation")

    def ready(self):
        from . import measures  # noqa: F401 - registers the measured click rate with risk reviews
