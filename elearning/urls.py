"""Top-level URLs: accounts, the employee's training, admin, then Wagtail's page tree."""

from django.conf import settings
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.errors import health

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

urlpatterns.append(path("", include(wagtail_urls)))

# A Czech 500 page, and the 503 maintenance page when the database is away (core/errors.py).
handler500 = "core.errors.server_error"
