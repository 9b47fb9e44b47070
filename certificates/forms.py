"""Forms of certificates: the revocation reason and the bulk export request."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.widgets import IsoDateInput
from organisation.models import Workplace


class WorkplaceChoiceField(forms.ModelChoiceField):
    """Workplaces in tree order, indented by depth: one query, however deep the tree."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Workplace.objects.order_by("path"))
        super().__init__(**kwargs)

    def label_from_instance(self, obj: Workplace) -> str:
        return "\u2003" * (obj.depth - 1) + obj.name


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Recorded in the audit log. The public verification page shows that the "
            "certificate is revoked and since when, never the reason."
        ),
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for the revocation."))
        return reason


class CertificateExportForm(forms.Form):
    workplace = WorkplaceChoiceField(
        label=_("Workplace"), help_text=_("Its sub-workplaces are included.")
    )
    date_from = forms.DateField(label=_("Completed from"), widget=IsoDateInput())
    date_to = forms.DateField(label=_("Completed to"), widget=IsoDateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["date_from"].initial = today.replace(month=1, day=1)
        self.fields["date_to"].initial = today

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end of the period must not be before its start."))
        return cleaned
