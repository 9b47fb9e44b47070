"""Wagtail's users app, pointed at our viewset so the admin edits the employee fields."""

from wagtail.users.apps import WagtailUsersAppConfig


class WagtailUsersConfig(WagtailUsersAppConfig):
    user_viewset = "organisation.viewsets.UserViewSet"
