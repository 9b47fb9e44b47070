"""URLs of certificates, under /certificates/."""

from django.urls import path, re_path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.my_certificates, name="mine"),
    # The PDF is reached by the certificate's unguessable code, never by a sequential id.
    path("pdf/<str:code>/", views.certificate_download, name="download"),
    path(
        "assignment/<int:assignment_id>/prepare/",
        views.certificate_prepare,
        name="prepare",
    ),
    path("verify/<str:code>/", views.verify, name="verify"),
    # Everything else below verify/ (slashes, no trailing slash, nothing at all) reaches the
    # same view, so odd input gets the same 404 page instead of the site's generic one.
    re_path(r"^verify/(?P<code>[\s\S]*)\Z", views.verify),
    path("exports/new/", views.export_create, name="export_create"),
    path("exports/<int:export_id>/", views.export_detail, name="export_detail"),
    path("exports/<int:export_id>/status/", views.export_status, name="export_status"),
    path("exports/<int:export_id>/download/", views.export_download, name="export_download"),
]
