"""Top-level URLs: accounts, the employee's training, admin, then Wagtail's page tree."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.errors import health
from courses.routing import serve as serve_page

urlpatterns = [
    path("healthz", health, name="health"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("my-training/", include("courses.urls")),
    path("profile/", include("organisation.urls")),
    path("reports/", include("reports.urls")),
    path("quizzes/", include("quizzes.urls")),
    path("scorm/", include("scorm.urls")),
    path("certificates/", include("certificates.urls")),
    path("phishing/", include("phishing.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's URLs last, its page view replaced by courses.routing.serve: the same view, with the
# routes of course and lesson pages remembered instead of walked level by level.
urlpatterns += [
    *(p for p in wagtail_urls.urlpatterns if getattr(p, "name", None) != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
]

# A Czech 500 page, and the 503 maintenance page when the database is away (core/errors.py).
handler500 = "core.errors.server_error"
