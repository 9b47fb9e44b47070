"""Registers the assignment screens in the admin, names the assignment in the audit log, and
adds the admin-wide accessibility script."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .models import Assignment
from .services import ASSIGN_ACTION, EXTEND_ACTION
from .viewsets import assignment_viewset


@hooks.register("register_admin_viewset")
def register_assignments():
    return assignment_viewset


class AssignFormatter(LogFormatter):
    label = _("Assign a course")

    def format_message(self, log_entry):
        source = (log_entry.data or {}).get("source", "")
        label = Assignment.Source(source).label if source in Assignment.Source.values else source
        return _("Course assigned: %(source)s") % {"source": label}


class ExtendFormatter(LogFormatter):
    label = _("Extend the due date")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Due date moved from %(old)s to %(new)s") % {
            "old": data.get("old_due_date", ""),
            "new": data.get("due_date", ""),
        }


@hooks.register("register_log_actions")
def register_course_actions(actions):
    actions.register_action(ASSIGN_ACTION)(AssignFormatter)
    actions.register_action(EXTEND_ACTION)(ExtendFormatter)


@hooks.register("insert_global_admin_js")
def field_labels_js():
    # Names Draftail's editable areas after their field labels (axe: aria-input-field-name).
    return format_html('<script src="{}" defer></script>', static("admin/field-labels.js"))
