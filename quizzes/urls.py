"""URLs of the employee's quizzes, under /quizzes/."""

from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/", views.quiz_intro, name="intro"),
    path("<int:quiz_id>/start/", views.attempt_start, name="start"),
    path(
        "<int:quiz_id>/request-attempt/",
        views.extra_attempts_request,
        name="request_attempt",
    ),
    path("attempts/<int:attempt_id>/", views.attempt_take, name="take"),
    path("attempts/<int:attempt_id>/submit/", views.attempt_submit, name="submit"),
    path("attempts/<int:attempt_id>/result/", views.attempt_result, name="result"),
]
