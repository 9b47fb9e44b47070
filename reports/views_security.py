"""The security manager's dashboard: heat map, effectiveness, missed questions, PDCA by month."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.audit import export_log
from organisation.roles import SECURITY_MANAGER, has_role

from . import charts, exports
from . import selectors_security as security
from .scope import scope_for
from .selectors import risk_heatmap
from .tables import security_tables
from .views_hr import filter_form


def require_everyone(request):
    """HR and the security manager: these numbers are about the whole organisation."""
    scope = scope_for(request.user)
    if scope is None or not scope.everyone:
        raise PermissionDenied
    return scope


def heat_map_context(request) -> dict:
    """The plan's risk heat map (reports.selectors, issue 4), for security managers only.

    Its own page is for security managers alone, so HR sees the dashboard without it.
    """
    if not has_role(request.user, SECURITY_MANAGER):
        return {}
    return {"heatmap": risk_heatmap()}


@require_safe
@login_required
def security_dashboard(request):
    scope = require_everyone(request)
    form = filter_form(request, scope)
    dashboard = security.security_dashboard(scope=scope, filters=form.filters())
    context = {
        "form": form,
        "scope": scope,
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
def security_export(request, table: str, export_format: str):
    scope = require_everyone(request)
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
