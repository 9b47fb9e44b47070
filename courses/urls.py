"""URLs of the employee's own training."""

from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.my_training, name="my_training"),
    path("assignments/<int:assignment_id>/", views.assignment_detail, name="assignment_detail"),
    path(
        "assignments/<int:assignment_id>/lessons/<int:lesson_id>/done/",
        views.lesson_done,
        name="lesson_done",
    ),
    path("courses/<int:course_id>/enrol/", views.course_enrol, name="course_enrol"),
    path(
        "lessons/<int:lesson_id>/checks/<str:block_id>/",
        views.knowledge_check,
        name="knowledge_check",
    ),
]
