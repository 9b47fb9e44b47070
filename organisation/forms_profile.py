"""What a person changes on their own profile: the language of pages and e-mails, and how
Czech messages address them (their grammatical gender)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import grammar
from .models import User


class LanguageForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["language"]
        labels = {"language": _("Language of pages, e-mails and certificates")}


class FormOfAddressForm(forms.ModelForm):
    """Until the person chooses, the choice offered is the one their first name suggests."""

    class Meta:
        model = User
        fields = ["form_of_address"]
        labels = {"form_of_address": _("Form of address")}
        widgets = {"form_of_address": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["form_of_address"]
        field.required = True
        field.choices = [c for c in field.choices if c[0]]
        if self.instance and not self.instance.form_of_address:
            self.initial["form_of_address"] = grammar.gender_of(self.instance)
