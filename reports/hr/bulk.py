"""Chasing the overdue from HR's lists: a reminder now, due dates extended, a course assigned.

Each action is a POST from the people or overdue list with the ticked assignments' ids. The
first POST shows what will happen to whom (a confirmation page, nothing changed); the second,
with `confirm`, does it through the owning app's service and goes back to the list with the
counts. The viewer needs the action's Django permission, and every id must be an assignment
in their scope: one that is not (a hand-edited form) makes the whole request 404, so nothing
changes and its existence is not confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from automation.services import reminders_send_now
from courses.models import Assignment, CoursePage
from courses.services import assignments_assign_manually, assignments_extend_due_date
from organisation.models import User

from ..permissions import SEND_REMINDERS
from ..scope import Scope, scope_for

# A page holds 50 rows; a larger selection is a forged request, not a user's.
MAX_SELECTED = 500
REMIND, EXTEND, ASSIGN = "remind", "extend", "assign"


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class ExtendForm(forms.Form):
    due_date = forms.DateField(label=gettext_lazy("New due date"), widget=_DateInput())

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due <= timezone.localdate():
            raise forms.ValidationError(_("The new due date must be in the future."))
        return due


class AssignForm(forms.Form):
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"), queryset=CoursePage.objects.live().order_by("title")
    )
    due_date = forms.DateField(label=gettext_lazy("Due date"), widget=_DateInput())
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=gettext_lazy("Shown to the employee as the answer to “Why am I doing this?”."),
    )

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("The due date cannot be in the past."))
        return due


@dataclass(frozen=True)
class Action:
    permission: str
    title: object  # lazy text
    explanation: object
    submit: object
    form: type[forms.Form] | None = None


ACTIONS = {
    REMIND: Action(
        permission=SEND_REMINDERS,
        title=gettext_lazy("Send a reminder now"),
        explanation=gettext_lazy(
            "Each selected person gets an e-mail reminder of the selected training now. "
            "Nobody gets a second reminder of the same training on the same day."
        ),
        submit=gettext_lazy("Send the reminders"),
    ),
    EXTEND: Action(
        permission="courses.change_assignment",
        title=gettext_lazy("Extend the due date"),
        explanation=gettext_lazy(
            "Open training due earlier than the new date gets the new date. Completed "
            "training, training without a due date and training already due later stay as "
            "they are."
        ),
        submit=gettext_lazy("Extend the due date"),
        form=ExtendForm,
    ),
    ASSIGN: Action(
        permission="courses.add_assignment",
        title=gettext_lazy("Assign a course"),
        explanation=gettext_lazy(
            "Each selected person gets the course with this due date. Whoever has it open "
            "already keeps it, with the earlier due date."
        ),
        submit=gettext_lazy("Assign the course"),
        form=AssignForm,
    ),
}


def actions_for(user) -> list[tuple[str, Action]]:
    """The bulk actions the viewer's permissions allow, for the list's toolbar."""
    return [(key, action) for key, action in ACTIONS.items() if user.has_perm(action.permission)]


class BadSelection(Exception):
    """Ids that are not numbers, or too many of them: 400."""


def _require_scope(request) -> Scope:
    scope = scope_for(request.user)
    if scope is None:
        raise PermissionDenied
    return scope


def selected(scope: Scope, raw_ids: list[str]) -> QuerySet:
    """The ticked assignments, all in the viewer's scope, or Http404 if any is not."""
    try:
        ids = {int(value) for value in raw_ids}
    except (TypeError, ValueError) as exc:
        raise BadSelection from exc
    if len(ids) > MAX_SELECTED:
        raise BadSelection
    queryset = scope.restrict(Assignment.objects.filter(pk__in=ids))
    if set(queryset.values_list("pk", flat=True)) != ids:
        raise Http404
    return Assignment.objects.filter(pk__in=ids)


def back_url(request) -> str:
    """Where the action returns: the list it came from (only a local reports page)."""
    target = request.POST.get("next", "")
    if target.startswith(reverse("reports:hr")) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("reports:overdue")


def _counted(singular: str, plural: str, count: int) -> str:
    return ngettext(singular, plural, count) % {"count": count}


def reminder_message(counts: dict[str, int]) -> str:
    parts = [
        _counted("%(count)d reminder sent.", "%(count)d reminders sent.", counts["sent"]),
    ]
    if counts["already"]:
        parts.append(
            _counted(
                "%(count)d reminder skipped: already sent today.",
                "%(count)d reminders skipped: already sent today.",
                counts["already"],
            )
        )
    if counts["closed"]:
        parts.append(
            _counted(
                "%(count)d not sent: the training is completed or no longer required.",
                "%(count)d not sent: the training is completed or no longer required.",
                counts["closed"],
            )
        )
    return " ".join(parts)


def _remind(request, queryset: QuerySet) -> None:
    counts = reminders_send_now(assignments=queryset, by=request.user)
    messages.success(request, reminder_message(counts))


def _extend(request, queryset: QuerySet, data: dict) -> None:
    result = assignments_extend_due_date(
        assignments=queryset, due_date=data["due_date"], extended_by=request.user
    )
    text = ngettext(
        "%(count)d assignment is now due on %(date)s.",
        "%(count)d assignments are now due on %(date)s.",
        result.extended,
    ) % {"count": result.extended, "date": date_format(data["due_date"], "j. n. Y")}
    if result.unchanged:
        text += " " + _counted(
            "%(count)d left unchanged (completed, without a due date or already due later).",
            "%(count)d left unchanged (completed, without a due date or already due later).",
            result.unchanged,
        )
    messages.success(request, text)


def _assign(request, queryset: QuerySet, data: dict) -> None:
    course = data["course"]
    people = User.objects.filter(pk__in=queryset.values("user_id"))
    result = assignments_assign_manually(
        course=course,
        users=people,
        due_date=data["due_date"],
        reason=data["reason"],
        assigned_by=request.user,
    )
    text = ngettext(
        "“%(course)s” assigned to %(count)d person.",
        "“%(course)s” assigned to %(count)d people.",
        result.created,
    ) % {"course": course.title, "count": result.created}
    if result.already_assigned:
        text += " " + _counted(
            "%(count)d already had it open and keeps it.",
            "%(count)d already had it open and keep it.",
            result.already_assigned,
        )
    messages.success(request, text)


def _confirmation(request, key: str, action: Action, queryset: QuerySet, form, *, status=200):
    rows = list(
        queryset.select_related("user", "course").order_by(
            "user__last_name", "user__first_name", "course__title", "pk"
        )
    )
    people = len({a.user_id for a in rows})
    summary = _("Selected: %(people)s, %(assignments)s.") % {
        "people": _counted("%(count)d person", "%(count)d people", people),
        "assignments": _counted("%(count)d assignment", "%(count)d assignments", len(rows)),
    }
    back = back_url(request)
    context = {
        "action_key": key,
        "action": action,
        "rows": rows,
        "people_count": people,
        "summary": summary,
        "form": form,
        "next": back,
        "scope": scope_for(request.user),
        "section": "people" if back.startswith(reverse("reports:people")) else "overdue",
    }
    return render(request, "reports/hr_bulk_confirm.html", context, status=status)


@require_POST
@login_required
def bulk_action(request):
    """Step 1 (no `confirm`): what will happen. Step 2: do it and go back to the list."""
    scope = _require_scope(request)
    key = request.POST.get("action", "")
    if key not in ACTIONS:
        return HttpResponseBadRequest(_("Unknown action."))
    action = ACTIONS[key]
    if not request.user.has_perm(action.permission):
        raise PermissionDenied
    raw_ids = request.POST.getlist("ids")
    if not raw_ids:
        messages.error(request, _("Select at least one person in the list first."))
        return redirect(back_url(request))
    try:
        queryset = selected(scope, raw_ids)
    except BadSelection:
        return HttpResponseBadRequest(_("Invalid selection."))
    if "confirm" not in request.POST:
        form = action.form() if action.form else None
        return _confirmation(request, key, action, queryset, form)
    if action.form is None:
        _remind(request, queryset)
        return redirect(back_url(request))
    form = action.form(request.POST)
    if not form.is_valid():
        return _confirmation(request, key, action, queryset, form, status=400)
    if key == EXTEND:
        _extend(request, queryset, form.cleaned_data)
    else:
        _assign(request, queryset, form.cleaned_data)
    return redirect(back_url(request))


@require_POST
@login_required
def remind_one(request, assignment_id: int):
    """The row's own button: one reminder now, no confirmation (a second one today is refused)."""
    scope = _require_scope(request)
    if not request.user.has_perm(SEND_REMINDERS):
        raise PermissionDenied
    _remind(request, selected(scope, [str(assignment_id)]))
    return redirect(back_url(request))
