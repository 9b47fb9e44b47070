"""URLs of the SCORM player: package content, commits and one's saved attempts."""

from django.urls import path

from . import views

app_name = "scorm"

urlpatterns = [
    path("content/<int:package_id>/<path:path>", views.content, name="content"),
    path("commit/<int:lesson_id>/<int:sco_id>/", views.commit, name="commit"),
    path("attempts/<int:attempt_id>/", views.attempt_data, name="attempt"),
]
