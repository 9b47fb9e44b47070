"""URLs of the recipient's side: tracked link, pixel, landing page, lesson, reporting."""

from django.urls import path

from . import views

app_name = "phishing"

urlpatterns = [
    path("o/<str:token>.gif", views.opened, name="opened"),
    path("c/<str:token>/", views.click, name="click"),
    path("s/<str:token>/", views.submit, name="submit"),
    path("l/<str:token>/", views.lesson, name="lesson"),
    path("r/<str:token>/", views.report, name="report"),
    path("report/", views.report_generic, name="report_generic"),
    path("preview/<str:token>/", views.preview, name="preview"),
]
