"""The reports' GET filter form and the forms that request background exports.

The workplace choices come from the viewer's scope, so a manager can only pick workplaces of
their own people; anything else is an invalid choice, which the views answer with 404.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage

from .exports import CSV, XLSX
from .hr import selectors as hr
from .scope import Scope


class WorkplaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        # Indented by depth so the tree shows in a plain <select>.
        return "\u2003" * (obj.depth - 1) + obj.name


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class FilterForm(forms.Form):
    field_order = ["q"]  # the name search first, where the people lists show it
    workplace = WorkplaceChoiceField(
        label=_("Workplace"),
        queryset=None,
        required=False,
        empty_label=_("All my workplaces"),
        help_text=_("Includes its sub-workplaces."),
    )
    course = forms.ModelChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.order_by("title").only("id", "title"),
        required=False,
        empty_label=_("All courses"),
    )
    # What the period narrows depends on the page (due dates on HR's, quiz submissions on the
    # security manager's); each page says so in its introduction.
    date_from = forms.DateField(label=_("Period from"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Period to"), required=False, widget=DateInput())
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Any status")),
            (hr.STATUS_COMPLETED, _("Completed")),
            (hr.STATUS_OPEN, _("Open")),
            (hr.STATUS_OVERDUE, _("Overdue")),
        ],
    )
    q = forms.CharField(
        label=_("Name or e-mail"),
        required=False,
        max_length=100,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def __init__(self, data=None, *, scope: Scope, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["workplace"].queryset = scope.workplaces().only("id", "name", "path", "depth")
        if scope.everyone:
            self.fields["workplace"].empty_label = _("All workplaces")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period must not precede its start."))
        return cleaned

    @property
    def tampered(self) -> bool:
        """A workplace or course id that the form never offered: a hand-edited URL."""
        return any(
            error.code == "invalid_choice"
            for name in ("workplace", "course", "status")
            for error in self.errors.as_data().get(name, [])
        )

    def filters(self) -> hr.Filters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return hr.Filters(
            workplace=data.get("workplace"),
            course=data.get("course"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            status=data.get("status") or "",
            search=data.get("q") or "",
        )


class RecordsExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"), choices=[(CSV, "CSV"), (XLSX, "XLSX (Excel)")], initial=XLSX
    )


class EvidenceForm(forms.Form):
    date_from = forms.DateField(label=_("Period from"), widget=DateInput())
    date_to = forms.DateField(label=_("Period to"), widget=DateInput())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period must not precede its start."))
        return cleaned
