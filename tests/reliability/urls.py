"""URLs for the error-page tests: the project's URLs plus views that fail on purpose."""

from django.db import OperationalError
from django.urls import path

from elearning.urls import handler500
from elearning.urls import urlpatterns as project_urlpatterns


def boom(request):
    raise RuntimeError("a bug")


def database_gone(request):
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [
    path("test-boom/", boom),
    path("test-database-gone/", database_gone),
    *project_urlpatterns,
]
__all__ = ["handler500", "urlpatterns"]
