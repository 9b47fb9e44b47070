"""Registers the organisation's admin screens."""

from wagtail import hooks

from .viewsets import workplace_viewset


@hooks.register("register_admin_viewset")
def register_workplaces():
    return workplace_viewset
