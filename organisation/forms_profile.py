"""The one thing a person changes on their own profile: the language of pages and e-mails."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class LanguageForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["language"]
        labels = {"language": _("Language of pages, e-mails and certificates")}
