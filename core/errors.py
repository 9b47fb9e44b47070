"""The error pages: a Czech 500, a 503 "maintenance" page while the database is away, health."""

import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

# How long browsers and proxies are asked to wait before trying again (seconds).
RETRY_AFTER = 60


def maintenance(request=None) -> HttpResponse:
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def server_error(request) -> HttpResponse:
    """handler500: the database unreachable or timing out is a 503, anything else a 500.

    Rendered without context processors or queries: the database may be what failed.
    """
    _type, exc, _tb = sys.exc_info()
    if isinstance(exc, (OperationalError, InterfaceError)):
        return maintenance(request)
    return HttpResponseServerError(loader.render_to_string("500.html"))


class MaintenanceModeMiddleware:
    """MAINTENANCE_MODE=1 (e.g. during a migration) answers every request with the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "MAINTENANCE_MODE", False):
            return maintenance(request)
        return self.get_response(request)


def health(request):
    """The load balancer's check: 200 "ok" when this process reaches the database, else 503.

    It writes nothing and renders no template, so it needs neither a session nor static files.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
