"""Registers the admin's CSP helper script, the private-documents rule and its snippet,
shows date-times on the admin's inspect pages in the local time zone, and says "před 16
minutami" (not "před 16 minut") in the admin's "… ago"."""

from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import npgettext_lazy
from wagtail import hooks
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.fields import register_display_class
from wagtail.snippets.models import register_snippet

from elearning.documents import document_is_public
from elearning.models import PublicDocumentCollection


@hooks.register("insert_global_admin_js")
def admin_csp_js():
    # Runs Wagtail's admin initialisers without inline JS (elearning/csp.py).
    return format_html('<script src="{}"></script>', static("js/admin_csp.js"))


# Before Wagtail's own collection privacy check (order 0): documents are private by default.
@hooks.register("before_serve_document", order=-10)
def documents_need_login(document, request):
    if request.user.is_authenticated or document_is_public(document):
        return None
    return redirect_to_login(request.get_full_path())


register_snippet(PublicDocumentCollection)


class LocalDateTimeDisplay(Component):
    """A date-time field on an inspect page, in Europe/Prague (the user's time zone).

    Wagtail's inspect template formats the raw value with |localize, which skips the time-zone
    conversion a plain {{ value }} gets: every inspect page showed UTC.
    """

    def __init__(self, value):
        self.value = value

    def render_html(self, parent_context=None):
        if self.value is None:
            return "—"
        return date_format(timezone.localtime(self.value), "DATETIME_FORMAT")


register_display_class(models.DateTimeField, display_class=LocalDateTimeDisplay)


# Wagtail writes "%(time_period)s ago" around Django's timesince, whose units are in the
# nominative ("16 minut"); after "před" Czech needs the instrumental ("před 16 minutami"). The
# units below carry their own context, so Czech can decline them; English reads as before.
AGO_TIME_STRINGS = {
    "year": npgettext_lazy("time ago", "%(num)d year", "%(num)d years", "num"),
    "month": npgettext_lazy("time ago", "%(num)d month", "%(num)d months", "num"),
    "week": npgettext_lazy("time ago", "%(num)d week", "%(num)d weeks", "num"),
    "day": npgettext_lazy("time ago", "%(num)d day", "%(num)d days", "num"),
    "hour": npgettext_lazy("time ago", "%(num)d hour", "%(num)d hours", "num"),
    "minute": npgettext_lazy("time ago", "%(num)d minute", "%(num)d minutes", "num"),
}


def timesince_ago(d, now=None, *args, **kwargs):
    """Django's timesince in the units that follow "ago" (Wagtail's timesince_* tags call it)."""
    return timesince(d, now, *args, time_strings=AGO_TIME_STRINGS, **kwargs)


wagtailadmin_tags.timesince = timesince_ago
