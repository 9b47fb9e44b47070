"""App config for quizzes: question banks, attempts and grading."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        # Registers the "Final quiz" step provider (see courses/completion.py).
        from . import personal_data, selectors  # noqa: F401

        personal_data.register()
