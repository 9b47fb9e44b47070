"""App config for courses, lessons, assignments and progress."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        # Registers the lesson step provider (see completion.py).
        from . import (
            personal_data,
            selectors,  # noqa: F401
            signal_handlers,
        )

        signal_handlers.connect()
        personal_data.register()

        # The approval page of risk reviews previews the plan with our own apply code.
        from risk import effects

        from .planning import plan_preview_review

        effects.register_preview_provider(plan_preview_review)
