"""App config of the project package (home page, demo content, shared template tags)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElearningConfig(AppConfig):
    name = "elearning"
    verbose_name = _("E-learning")

    def ready(self):
        # Wagtail's choosers write inline JS, which the Content-Security-Policy blocks.
        from elearning.csp import patch_wagtail_choosers

        patch_wagtail_choosers()
