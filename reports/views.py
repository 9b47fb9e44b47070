"""Report pages: thin views over reports.selectors, checked on the server for the right role."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from organisation.roles import SECURITY_MANAGER, has_role

from . import selectors


@login_required
def risk_heatmap(request):
    # The map shows every workplace's risks: security managers (and superusers) only.
    if not has_role(request.user, SECURITY_MANAGER):
        raise PermissionDenied
    return render(request, "reports/heatmap.html", {"heatmap": selectors.risk_heatmap()})
