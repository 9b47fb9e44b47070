"""Registers the assignment screens in the admin."""

from wagtail import hooks

from .viewsets import assignment_viewset


@hooks.register("register_admin_viewset")
def register_assignments():
    return assignment_viewset
