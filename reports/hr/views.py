"""HR's pages: completion dashboard, the people behind a number, the overdue, transcripts.

Thin: the scope comes from the logged-in user (reports.scope), the numbers from the
selectors. Someone with no one to report on gets 403 on a dashboard; a person or file outside
the viewer's scope is 404, so its existence is not confirmed.
"""

from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.audit import export_log

from .. import charts, exports, records
from ..filters import FilterForm, RecordsExportForm
from ..scope import can_see_person, scope_for
from ..tables import hr_tables
from . import bulk
from . import selectors as hr
from .transcript import TRANSCRIPT_COLUMNS, transcript, transcript_pdf

# Up to this many rows a list exports at once; more go through a background job, so a web
# worker never spends minutes writing one file.
SYNC_EXPORT_LIMIT = 5000


def require_scope(request):
    scope = scope_for(request.user)
    if scope is None:
        raise PermissionDenied
    return scope


def filter_form(request, scope) -> FilterForm:
    """The bound filter form; a choice it never offered (a hand-edited URL) is 404."""
    form = FilterForm(request.GET or None, scope=scope)
    if form.is_bound and not form.is_valid() and form.tampered:
        raise Http404
    return form


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


@require_safe
@login_required
def hr_dashboard(request):
    scope = require_scope(request)
    form = filter_form(request, scope)
    dashboard = hr.hr_dashboard(scope=scope, filters=form.filters())
    context = {
        "form": form,
        "scope": scope,
        "dashboard": dashboard,
        "charts": charts.hr_charts(dashboard),
        "query": dashboard.filters.query(),
        "section": "hr",
    }
    return render(request, "reports/hr_dashboard.html", context, status=_status(form))


@require_safe
@login_required
def hr_export(request, table: str, export_format: str):
    scope = require_scope(request)
    form = filter_form(request, scope)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(_("Invalid filters."))
    tables = hr_tables(hr.hr_dashboard(scope=scope, filters=form.filters()))
    if table not in tables:
        raise Http404
    export_log(
        user=request.user,
        instance=request.user,
        what=f"reports.hr.{table}",
        export_format=export_format,
        filters=dict(request.GET.lists()),
    )
    return exports.table_response(tables[table], export_format, stem=f"plneni-{table}")


def _people_page(request, *, overdue: bool):
    scope = require_scope(request)
    form = filter_form(request, scope)
    filters = form.filters()
    if overdue:
        filters = replace(filters, status=hr.STATUS_OVERDUE)
    listing = hr.people(
        scope=scope,
        filters=filters,
        page_number=request.GET.get("page"),
        overdue_first=overdue,
        # The neighbour's row that the "next"/"previous" links carry (keyset pagination).
        after=request.GET.get("after"),
        before=request.GET.get("before"),
    )
    context = {
        "form": form,
        "scope": scope,
        "listing": listing,
        "overdue": overdue,
        "query": filters.query(),
        "sync_export": listing.count <= SYNC_EXPORT_LIMIT,
        "export_form": RecordsExportForm(),
        "section": "overdue" if overdue else "people",
        # The ticked rows' actions (reports/hr/bulk.py) the viewer's permissions allow.
        "bulk_actions": bulk.actions_for(request.user),
    }
    return render(request, "reports/people.html", context, status=_status(form))


@require_safe
@login_required
def people(request):
    return _people_page(request, overdue=False)


@require_safe
@login_required
def overdue(request):
    return _people_page(request, overdue=True)


@require_safe
@login_required
def people_export(request, export_format: str):
    scope = require_scope(request)
    form = filter_form(request, scope)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(_("Invalid filters."))
    filters = form.filters()
    if request.GET.get("overdue"):
        filters = replace(filters, status=hr.STATUS_OVERDUE)
    queryset = hr.assignments(scope=scope, filters=filters).order_by(
        *hr.PERSON_ORDER, "course__title", "id"
    )
    if queryset.count() > SYNC_EXPORT_LIMIT:
        return HttpResponseBadRequest(_("Too many rows: please use the background export."))
    export_log(
        user=request.user,
        instance=request.user,
        what="reports.people",
        export_format=export_format,
        filters=dict(request.GET.lists()),
    )
    rows = (records.cells(r) for r in records.records(queryset))
    if export_format == exports.XLSX:
        return exports.xlsx_response(
            records.headings(), rows, stem="lide", title=_("Training records")
        )
    return exports.csv_response(records.headings(), rows, stem="lide")


def _transcript_or_404(request, user_id: int):
    scope = scope_for(request.user)
    if not can_see_person(scope, request.user, user_id):
        raise Http404
    data = transcript(person_id=user_id)
    if data is None:
        raise Http404
    return scope, data


@require_safe
@login_required
def my_transcript(request):
    return redirect("reports:transcript", user_id=request.user.pk)


@require_safe
@login_required
def person_transcript(request, user_id: int):
    scope, data = _transcript_or_404(request, user_id)
    return render(
        request,
        "reports/transcript.html",
        {
            "transcript": data,
            "scope": scope,
            "section": "transcript" if request.user.pk == user_id else "people",
        },
    )


def _organisation_name(request) -> str:
    from core.models import OrganisationSettings

    return OrganisationSettings.for_request(request).name


@require_safe
@login_required
def person_transcript_pdf(request, user_id: int):
    _scope, data = _transcript_or_404(request, user_id)
    content = transcript_pdf(data, organisation=_organisation_name(request))
    export_log(
        user=request.user, instance=data.person, what="reports.transcript", export_format="pdf"
    )
    response = HttpResponse(content, content_type="application/pdf")
    name = exports.safe_filename(f"vypis-skoleni-{data.person.personal_number or user_id}", "pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@login_required
def person_transcript_export(request, user_id: int, export_format: str):
    _scope, data = _transcript_or_404(request, user_id)
    columns = [(key, label) for key, label in records.COLUMNS if key in TRANSCRIPT_COLUMNS]
    table = exports.Table(
        key="transcript",
        title=_("Training transcript"),
        headings=records.headings(columns),
        rows=[records.cells(r, columns) for r in data.rows],
    )
    stem = f"vypis-skoleni-{data.person.personal_number or user_id}"
    export_log(
        user=request.user,
        instance=data.person,
        what="reports.transcript",
        export_format=export_format,
    )
    return exports.table_response(table, export_format, stem=stem)
