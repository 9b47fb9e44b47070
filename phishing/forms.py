"""Admin forms of the simulation: templates are sanitised and their placeholders checked."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.sanitize import clean_html

from . import placeholders


class PhishingTemplateForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        for name in ("body_html", "landing_html"):
            if cleaned.get(name):
                cleaned[name] = clean_html(cleaned[name])
        unknown = placeholders.unknown(
            " ".join(cleaned.get(n) or "" for n in ("subject", "body_html"))
        )
        if unknown:
            self.add_error(
                "body_html",
                _("Unknown placeholders: %(names)s.") % {"names": ", ".join(unknown)},
            )
        if cleaned.get("body_html") and not _has_link(cleaned["body_html"]):
            self.add_error("body_html", _("The body must contain the {{ link }} placeholder."))
        return cleaned


def _has_link(text: str) -> bool:
    return "link" in placeholders.used(text)


class CampaignForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must come after the start."))
        if not cleaned.get("workplaces") and not cleaned.get("people"):
            raise ValidationError(_("Choose at least one workplace or person."))
        return cleaned
