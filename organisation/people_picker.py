"""The person picker: a form widget with autocomplete and the JSON endpoint that feeds it.

A picker names a *source*: who may ask it (permissions, any one of them) and which people it
offers to the asking user. The widget registers its source when a form class is defined, so
the endpoint serves nobody a source no form declared. Forms keep their own queryset for
validation; give the source the same one, so the suggestions are exactly what the form accepts.
Suggestions come in Czech alphabetical order, at most LIMIT at a time, matching every word
of what was typed in the first name, last name or e-mail without regard to diacritics.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_safe

from core.collation import czech_order, person_search

from .models import User

LIMIT = 20
MAX_QUERY = 100


@dataclass(frozen=True)
class Source:
    permissions: tuple[str, ...]
    people: Callable[[User], QuerySet]


SOURCES: dict[str, Source] = {}


def register(name: str, *, permissions: tuple[str, ...], people: Callable[[User], QuerySet]):
    SOURCES[name] = Source(permissions=tuple(permissions), people=people)


def label(person: User) -> str:
    return person.get_full_name() or person.email


def detail(person: User) -> str:
    workplace = person.workplace.name if person.workplace_id else ""
    return " · ".join(part for part in (person.email, workplace) if part)


def suggestions(*, source: Source, user: User, term: str) -> tuple[list[dict], bool]:
    """Up to LIMIT people of the source matching `term`, and whether there were more."""
    people = person_search(source.people(user), term).select_related("workplace")
    people = people.order_by(czech_order("last_name"), czech_order("first_name"), "email")
    found = list(people[: LIMIT + 1])
    rows = [{"id": p.pk, "label": label(p), "detail": detail(p)} for p in found[:LIMIT]]
    return rows, len(found) > LIMIT


@require_safe
@login_required
def autocomplete(request):
    """GET ?source=…&q=… → {"results": [{id, label, detail}], "more": bool, "message": str}."""
    source = SOURCES.get(request.GET.get("source", ""))
    if source is None:
        raise Http404
    if not any(request.user.has_perm(p) for p in source.permissions):
        raise PermissionDenied
    term = request.GET.get("q", "").strip()[:MAX_QUERY]
    if not term:
        return JsonResponse({"results": [], "more": False, "message": ""})
    rows, more = suggestions(source=source, user=request.user, term=term)
    if not rows:
        message = gettext("Nobody matches “%(term)s”.") % {"term": term}
    elif more:
        message = ngettext(
            "The first %(count)d person; type more to narrow the list.",
            "The first %(count)d people; type more to narrow the list.",
            len(rows),
        ) % {"count": len(rows)}
    else:
        message = ngettext("%(count)d person found.", "%(count)d people found.", len(rows)) % {
            "count": len(rows)
        }
    response = JsonResponse({"results": rows, "more": more, "message": message})
    response["Cache-Control"] = "private, no-store"
    return response


class PersonPicker(forms.Widget):
    """A combobox (WAI-ARIA 1.2 pattern) suggesting people as one types; one or several.

    Submits the chosen ids under the field's name, like a <select>, so ModelChoiceField and
    ModelMultipleChoiceField validate them against their own queryset as usual.
    """

    template_name = "organisation/widgets/person_picker.html"

    class Media:
        js = ["js/person-picker.js"]
        css = {"all": ["css/person-picker.css"]}

    def __init__(
        self,
        *,
        source: str,
        permissions: tuple[str, ...],
        people: Callable[[User], QuerySet],
        multiple: bool = False,
        attrs=None,
    ):
        super().__init__(attrs)
        register(source, permissions=permissions, people=people)
        self.source = source
        self.multiple = multiple

    @property
    def allow_multiple_selected(self):
        return self.multiple

    def value_from_datadict(self, data, files, name):
        if self.multiple:
            getter = getattr(data, "getlist", None)
            return getter(name) if getter else data.get(name, [])
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        # An empty multiple choice submits nothing at all, which means "nobody".
        return False if self.multiple else name not in data

    def format_value(self, value):
        if value in (None, "", []):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(getattr(v, "pk", v)) for v in values if v not in (None, "")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        ids = [v for v in context["widget"]["value"] if v.isdigit()]
        # One query for the names of those already chosen, in the order they were given.
        people = {str(p.pk): p for p in User.objects.filter(pk__in=ids).select_related("workplace")}
        chosen = [{"id": i, "label": label(people[i])} for i in ids if i in people]
        context["widget"].update(
            {
                "chosen": chosen,
                "multiple": self.multiple,
                "source": self.source,
                "url": reverse("person_autocomplete"),
                "limit": LIMIT,
                # The script puts the name in; {% translate %} would not look up a "%(…)s".
                "remove_label": gettext("Remove %(name)s"),
            }
        )
        return context
