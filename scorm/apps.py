"""App config for SCORM lessons: packages, the player and the learners' CMI data."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScormConfig(AppConfig):
    name = "scorm"
    verbose_name = _("SCORM")

    def ready(self):
        # Registers the SCORM lesson step provider (see courses/completion.py).
        from . import selectors  # noqa: F401
