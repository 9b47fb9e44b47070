"""Registers the quiz admin screens."""

from wagtail import hooks

from .viewsets import QuizzesViewSetGroup


@hooks.register("register_admin_viewset")
def register_quizzes():
    return QuizzesViewSetGroup()
