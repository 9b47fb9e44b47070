"""Registers the quiz admin screens and the quiz actions of the audit log."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .audit import ESSAY_GRADE_ACTION, EXTRA_ATTEMPTS_ACTION
from .viewsets import QuizzesViewSetGroup


@hooks.register("register_admin_viewset")
def register_quizzes():
    return QuizzesViewSetGroup()


class ExtraAttemptsFormatter(LogFormatter):
    label = _("Grant extra quiz attempts")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("%(employee)s: %(count)s extra attempt(s) at “%(course)s”") % {
            "employee": data.get("employee", ""),
            "count": data.get("count", ""),
            "course": data.get("course", ""),
        }


class EssayGradeFormatter(LogFormatter):
    label = _("Grade an essay")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Essay of %(employee)s in “%(course)s” graded: %(points)s") % {
            "employee": data.get("employee", ""),
            "course": data.get("course", ""),
            "points": data.get("points", ""),
        }


@hooks.register("register_log_actions")
def register_quiz_actions(actions):
    actions.register_action(EXTRA_ATTEMPTS_ACTION)(ExtraAttemptsFormatter)
    actions.register_action(ESSAY_GRADE_ACTION)(EssayGradeFormatter)
