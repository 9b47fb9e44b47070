"""URLs of the profile page."""

from django.urls import path

from . import views

app_name = "organisation"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("language/", views.profile_language, name="profile_language"),
    path("form-of-address/", views.profile_form_of_address, name="profile_form_of_address"),
]
