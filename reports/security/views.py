"""The security manager's pages: heat map, effectiveness, missed questions, PDCA by month."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.audit import export_log

from .. import charts, exports
from ..hr.views import filter_form
from ..permissions import RISK_HEATMAP, SECURITY_DASHBOARD
from ..scope import EVERYONE, Scope, scope_for
from ..tables import security_tables
from . import selectors as security
from .heatmap import risk_heatmap as risk_heatmap_data


def organisation_scope(request) -> Scope:
    """These numbers are about the whole organisation, whoever the viewer manages."""
    return Scope(viewer_id=request.user.pk, kind=EVERYONE)


def heat_map_context(request) -> dict:
    """The plan's risk heat map (reports.security.heatmap, issue 4), for its permission only.

    Its own page is the security manager's alone, so HR sees the dashboard without it.
    """
    if not request.user.has_perm(RISK_HEATMAP):
        return {}
    return {"heatmap": risk_heatmap_data()}


@login_required
@permission_required(RISK_HEATMAP, raise_exception=True)
def risk_heatmap(request):
    # The map shows every workplace's risks: security managers (and superusers) only.
    return render(request, "reports/heatmap.html", {"heatmap": risk_heatmap_data()})


@require_safe
@login_required
@permission_required(SECURITY_DASHBOARD, raise_exception=True)
def security_dashboard(request):
    scope = organisation_scope(request)
    form = filter_form(request, scope)
    dashboard = security.security_dashboard(scope=scope, filters=form.filters())
    context = {
        "form": form,
        # The tabs show what the viewer may see of people; the numbers here are everyone's.
        "scope": scope_for(request.user),
        "dashboard": dashboard,
        "charts": charts.security_charts(dashboard),
        "query": dashboard.filters.query(),
        "section": "security",
        **heat_map_context(request),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "reports/security_dashboard.html", context, status=status)


@require_safe
@login_required
@permission_required(SECURITY_DASHBOARD, raise_exception=True)
def security_export(request, table: str, export_format: str):
    scope = organisation_scope(request)
    form = filter_form(request, scope)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(_("Invalid filters."))
    tables = security_tables(security.security_dashboard(scope=scope, filters=form.filters()))
    if table not in tables:
        raise Http404
    export_log(
        user=request.user,
        instance=request.user,
        what=f"reports.security.{table}",
        export_format=export_format,
        filters=dict(request.GET.lists()),
    )
    return exports.table_response(tables[table], export_format, stem=f"ucinnost-{table}")
