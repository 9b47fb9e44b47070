"""The risk review form of the admin: drafts only, each category rated once."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from organisation.models import User

from .measures import measures_for


class RiskReviewForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "reviewer" in self.fields:
            self.fields["reviewer"].queryset = User.objects.filter(is_active=True)
            if self.instance.pk is None and for_user is not None and not self.is_bound:
                self.initial.setdefault("reviewer", for_user.pk)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.instance.is_draft:
            # The edit view refuses approved reviews too; this stops a stale form as well.
            raise ValidationError(_("An approved review is locked. Start a new review instead."))
        formset = self.formsets.get("assessments")
        if formset is not None and formset.is_valid():
            seen = set()
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if not data or data.get("DELETE"):
                    continue
                category = data.get("category")
                if category is None:
                    continue
                if category.pk in seen:
                    form.add_error(
                        "category", _("This risk category is already rated in this review.")
                    )
                seen.add(category.pk)
                self._check_measured(form, data, category, cleaned.get("workplace"))
        return cleaned

    def _check_measured(self, form, data, category, workplace) -> None:
        """A rating that departs from the measured suggestion says why, in its note."""
        if not hasattr(self, "_measured"):
            if workplace is None and self.instance.workplace_id:
                workplace = self.instance.workplace
            self._measured = measures_for(workplace=workplace)
        for measure in self._measured.get(category.code, []):
            suggested = measure.suggested_likelihood
            if (
                suggested
                and data.get("likelihood") not in (None, suggested)
                and not (data.get("note") or "").strip()
            ):
                form.add_error(
                    "note",
                    _(
                        "The measured %(measure)s (%(value)s) suggests likelihood %(suggested)s. "
                        "Say in the note why you rate it otherwise."
                    )
                    % {"measure": measure.label, "value": measure.value, "suggested": suggested},
                )
