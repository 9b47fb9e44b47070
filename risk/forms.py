"""The risk review form of the admin: drafts only, each category rated once."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from organisation.models import User


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
        return cleaned
