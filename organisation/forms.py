"""Wagtail admin user forms with the employee fields HR maintains."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm

from .models import User, Workplace
from .people_picker import PersonPicker


def _active_people(user):
    return User.objects.filter(is_active=True)


EMPLOYEE_FIELDS = (
    "personal_number",
    "workplace",
    "job_title",
    "manager",
    "is_management",
    "language",
)


class _EmployeeFieldsMixin(forms.Form):
    personal_number = forms.CharField(label=_("personal number"), required=False, max_length=30)
    workplace = forms.ModelChoiceField(
        label=_("workplace"), queryset=Workplace.objects.all(), required=False
    )
    job_title = forms.CharField(label=_("job title"), required=False, max_length=200)
    manager = forms.ModelChoiceField(
        label=_("manager"),
        queryset=User.objects.filter(is_active=True),
        required=False,
        widget=PersonPicker(
            source="organisation.manager",
            permissions=("organisation.add_user", "organisation.change_user"),
            people=_active_people,
        ),
    )
    is_management = forms.BooleanField(label=_("management"), required=False)
    language = forms.ChoiceField(label=_("language"), choices=User.Language.choices)


class UserCreationForm(_EmployeeFieldsMixin, WagtailUserCreationForm):
    class Meta(WagtailUserCreationForm.Meta):
        fields = WagtailUserCreationForm.Meta.fields | set(EMPLOYEE_FIELDS)


class UserEditForm(_EmployeeFieldsMixin, WagtailUserEditForm):
    class Meta(WagtailUserEditForm.Meta):
        fields = WagtailUserEditForm.Meta.fields | set(EMPLOYEE_FIELDS)
