"""Registers the assignment screens in the admin, and the admin-wide accessibility script."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .viewsets import assignment_viewset


@hooks.register("register_admin_viewset")
def register_assignments():
    return assignment_viewset


@hooks.register("insert_global_admin_js")
def field_labels_js():
    # Names Draftail's editable areas after their field labels (axe: aria-input-field-name).
    return format_html('<script src="{}" defer></script>', static("admin/field-labels.js"))
