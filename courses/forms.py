"""The admin form for assigning a course by hand: to a person, a workplace or everyone."""

from django import forms
from django.db.models import QuerySet, TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from organisation.models import User, Workplace
from organisation.people_picker import PersonPicker

from .models import CoursePage


class WorkplaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Workplace) -> str:
        # Indented by depth: the full path would cost a query per workplace.
        return "\u2003" * (obj.depth - 1) + obj.name


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        name = obj.get_full_name() or obj.email
        return f"{name} ({obj.personal_number})" if obj.personal_number else name


class Target(TextChoices):
    PERSON = "person", _("One person")
    WORKPLACE = "workplace", _("A workplace (its own employees only)")
    SUBTREE = "subtree", _("A workplace with all its sub-workplaces")
    EVERYONE = "everyone", _("Everyone")


class ManualAssignmentForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=CoursePage.objects.live().order_by("title")
    )
    target = forms.ChoiceField(
        label=_("Assign to"), choices=Target.choices, widget=forms.RadioSelect
    )
    person = PersonChoiceField(
        label=_("Person"),
        queryset=User.objects.filter(is_active=True),
        required=False,
        widget=PersonPicker(
            source="courses.assignment",
            permissions=("courses.add_assignment",),
            people=lambda user: User.objects.filter(is_active=True),
        ),
    )
    workplace = WorkplaceChoiceField(
        label=_("Workplace"), queryset=Workplace.objects.order_by("path"), required=False
    )
    due_date = forms.DateField(label=_("Due date"), widget=AdminDateInput)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Shown to the employee as the answer to “Why am I doing this?”."),
    )

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("The due date cannot be in the past."))
        return due

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("target")
        if target == Target.PERSON and not cleaned.get("person"):
            self.add_error("person", _("Choose the person."))
        if target in (Target.WORKPLACE, Target.SUBTREE) and not cleaned.get("workplace"):
            self.add_error("workplace", _("Choose the workplace."))
        return cleaned

    def recipients(self) -> QuerySet:
        """The active people the chosen target means."""
        data = self.cleaned_data
        people = User.objects.filter(is_active=True)
        target = data["target"]
        if target == Target.PERSON:
            return people.filter(pk=data["person"].pk)
        if target == Target.WORKPLACE:
            return people.filter(workplace=data["workplace"])
        if target == Target.SUBTREE:
            return people.filter(workplace__path__startswith=data["workplace"].path)
        return people
