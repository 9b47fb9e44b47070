"""Lesson progress, completion, resuming, and that nobody touches another's progress."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import Assignment, LessonProgress
from courses.signals import assignment_completed
from tests import factories

pytestmark = pytest.mark.django_db


def _assign(user, course, days=10):
    assignment, _ = services.assignment_create(
        user=user,
        course=course,
        due_date=timezone.localdate() + datetime.timedelta(days=days),
        reason="Analýza rizik podatelny",
    )
    return assignment


def _done_url(assignment, lesson):
    return reverse("courses:lesson_done", args=(assignment.pk, lesson.pk))


def test_marking_lessons_done_moves_progress_and_completes_the_course(
    employee_client, employee, course, django_capture_on_commit_callbacks
):
    assignment = _assign(employee, course)
    lessons = factories.lessons_of(course)
    page = employee_client.get("/my-training/").content.decode()
    assert "0 ze 3 kroků (0 %)" in page

    response = employee_client.post(_done_url(assignment, lessons[0]))
    # "Mark as done and continue" goes on to the next lesson.
    assert response.status_code == 302
    assert response["Location"] == lessons[1].url
    page = employee_client.get("/my-training/").content.decode()
    assert "1 ze 3 kroků (33 %)" in page
    assert "Probíhá" in page

    received = []
    assignment_completed.connect(
        lambda **kw: received.append(kw["assignment"].pk), weak=False, dispatch_uid="test-progress"
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            employee_client.post(_done_url(assignment, lessons[1]))
            employee_client.post(_done_url(assignment, lessons[2]))
    finally:
        assignment_completed.disconnect(dispatch_uid="test-progress")
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.COMPLETED
    assert assignment.completed_version == course.version
    assert received == [assignment.pk]
    page = employee_client.get("/my-training/").content.decode()
    assert "Dokončená školení" in page
    assert "3 ze 3 kroků (100 %)" in page


def test_marking_the_same_lesson_twice_records_it_once(employee_client, employee, course):
    assignment = _assign(employee, course)
    lesson = factories.lessons_of(course)[0]
    employee_client.post(_done_url(assignment, lesson))
    employee_client.post(_done_url(assignment, lesson))
    assert LessonProgress.objects.filter(assignment=assignment).count() == 1


def test_employee_resumes_at_the_first_lesson_not_done(employee_client, employee, course):
    assignment = _assign(employee, course)
    lessons = factories.lessons_of(course)
    employee_client.post(_done_url(assignment, lessons[0]))
    course_page = employee_client.get(course.url).content.decode()
    assert "Pokračovat tam, kde jste skončili" in course_page
    assert f'href="{lessons[1].url}"' in course_page


def test_another_employees_progress_is_not_found(client, employee, other_employee, course):
    theirs = _assign(other_employee, course)
    lesson = factories.lessons_of(course)[0]
    client.force_login(employee)
    assert client.post(_done_url(theirs, lesson)).status_code == 404
    assert client.get(reverse("courses:assignment_detail", args=(theirs.pk,))).status_code == 404
    assert not LessonProgress.objects.exists()


def test_a_lesson_of_another_course_cannot_be_marked(
    employee_client, employee, course, course_index
):
    other_course = factories.make_course(course_index, title="Hesla", lessons=1)
    assignment = _assign(employee, course)
    foreign_lesson = factories.lessons_of(other_course)[0]
    assert employee_client.post(_done_url(assignment, foreign_lesson)).status_code == 404
    assert not LessonProgress.objects.exists()


def test_marking_done_needs_post_and_login(client, employee, course):
    assignment = _assign(employee, course)
    url = _done_url(assignment, factories.lessons_of(course)[0])
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(employee)
    assert client.get(url).status_code == 405
    assert not LessonProgress.objects.exists()


def test_optional_course_is_started_by_the_employee(employee_client, employee, course):
    page = employee_client.get("/my-training/").content.decode()
    assert "Volitelné kurzy" in page
    response = employee_client.post(reverse("courses:course_enrol", args=(course.pk,)))
    assert response.status_code == 302
    assignment = Assignment.objects.get(user=employee, course=course)
    assert assignment.source == Assignment.Source.SELF
    assert assignment.due_date is None


def test_assigned_courses_come_first_by_due_date_and_overdue_is_shown(
    employee_client, employee, course_index
):
    later = factories.make_course(course_index, title="Čistý stůl", lessons=1)
    sooner = factories.make_course(course_index, title="Ochrana osobních údajů", lessons=1)
    _assign(employee, later, days=30)
    _assign(employee, sooner, days=-4)
    page = employee_client.get("/my-training/").content.decode()
    assert page.index("Ochrana osobních údajů") < page.index("Čistý stůl")
    assert "Po termínu" in page
    assert "4 dny po termínu" in page


def test_reason_is_shown_to_the_employee(employee_client, employee, course):
    assignment = _assign(employee, course)
    page = employee_client.get(reverse("courses:assignment_detail", args=(assignment.pk,)))
    assert "Analýza rizik podatelny" in page.content.decode()


def _queries_for_my_training(client) -> int:
    client.get("/my-training/")  # warm the per-site caches (site root paths, settings)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/my-training/")
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_my_training_query_count_does_not_grow_with_assignments(client, course_index):
    small, large = factories.UserFactory(), factories.UserFactory()
    # Every kind of row on both pages (open with and without progress, overdue, completed,
    # optional), so a query per row of any kind would show as a difference. 16 courses keep
    # this cheap: an N+1 query shows from the second row, and `large` has 4 to 9 of each kind.
    courses = [factories.make_course(course_index, title=f"Kurz {i}", lessons=2) for i in range(16)]
    small_rows = [_assign(small, c) for c in courses[:3]]
    large_rows = [
        _assign(large, c, days=-3 if i % 3 == 0 else 10) for i, c in enumerate(courses[:13])
    ]
    for rows, completed in ((small_rows, 1), (large_rows, 4)):
        for assignment in rows[: completed + 2]:
            lessons = factories.lessons_of(assignment.course)
            for lesson in lessons if rows.index(assignment) < completed else lessons[:1]:
                services.lesson_complete(assignment=assignment, lesson=lesson)
    assert Assignment.objects.filter(user=large, status=Assignment.Status.COMPLETED).count() == 4
    assert Assignment.objects.filter(user=small, status=Assignment.Status.COMPLETED).count() == 1
    client.force_login(small)
    few = _queries_for_my_training(client)
    client.force_login(large)
    many = _queries_for_my_training(client)
    assert few == many
    # session, user, assignments, lessons, progress, quiz steps, optional courses, site,
    # settings, permissions, role names, reports link...: fixed, whatever the data.
    assert many <= 14
