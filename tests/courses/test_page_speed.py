"""Learner pages served from remembered routes, privacy answers and fragments: still correct.

The lesson page and My training take a fixed number of queries whatever the number of
courses; what is remembered (routes, which view restrictions apply, rendered cards) never lets
someone in who is refused, and changes as soon as the employee's progress does.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from courses import services
from tests import factories

pytestmark = pytest.mark.django_db

# What a logged-in lesson page costs once its route, course and lesson lists are remembered:
# the session and the user, the header's permissions, the page, the assignment, the progress
# and the quiz step (quiz, attempts, extra attempts). 26 before issue 17.
LESSON_QUERIES = 10
# My training: the same, with the optional courses and the site instead of page and course.
MY_TRAINING_QUERIES = 11


def _assign(user, course):
    assignment, _ = services.assignment_create(
        user=user,
        course=course,
        due_date=timezone.localdate() + datetime.timedelta(days=10),
        reason="Analýza rizik podatelny",
    )
    return assignment


def _queries(client, url) -> int:
    client.get(url)  # the first visit remembers the route and the lesson lists
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _courses(course_index, employee, n):
    courses = [factories.make_course(course_index, title=f"Kurz {i}") for i in range(n)]
    for course in courses:
        factories.make_quiz(course, questions=1)
        _assign(employee, course)
    return courses


@pytest.mark.parametrize("n", [1, 30])
def test_lesson_page_takes_the_same_few_queries_for_1_or_30_courses(
    employee_client, employee, course_index, n, django_assert_max_num_queries
):
    courses = _courses(course_index, employee, n)
    lesson = factories.lessons_of(courses[-1])[1]
    assert _queries(employee_client, lesson.url) == LESSON_QUERIES
    with django_assert_max_num_queries(LESSON_QUERIES):
        employee_client.get(lesson.url)


@pytest.mark.parametrize("n", [1, 30])
def test_my_training_takes_the_same_few_queries_for_1_or_30_courses(
    employee_client, employee, course_index, n, django_assert_max_num_queries
):
    courses = _courses(course_index, employee, n)
    # Some progress and some optional courses, so every part of the page is drawn.
    assignment = employee.assignments.get(course=courses[0])
    services.lesson_complete(assignment=assignment, lesson=factories.lessons_of(courses[0])[0])
    for i in range(n):
        factories.make_course(course_index, title=f"Nepovinný {i}")
    assert _queries(employee_client, "/my-training/") == MY_TRAINING_QUERIES
    with django_assert_max_num_queries(MY_TRAINING_QUERIES):
        page = employee_client.get("/my-training/").content.decode()
    assert page.count("course-card") >= 2 * n


def _restrict_to_group(page, name="Vedení"):
    group = Group.objects.create(name=name)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return group


def _refused(response) -> bool:
    # Wagtail sends a visitor who lacks the group to the login page, and shows nothing.
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_restricted_course_refuses_an_unassigned_employee_after_an_allowed_one_was_served(
    client, course, employee, other_employee
):
    group = _restrict_to_group(course)
    employee.groups.add(group)
    _assign(employee, course)
    lesson = factories.lessons_of(course)[0]

    client.force_login(employee)
    for _ in range(2):  # remembered route and restrictions on the second visit
        assert client.get(lesson.url).status_code == 200
        assert client.get(course.url).status_code == 200

    client.force_login(other_employee)
    for _ in range(2):
        for url in (lesson.url, course.url):
            response = client.get(url)
            assert _refused(response)
            assert "Obsah lekce 1" not in response.content.decode()


def test_a_restriction_added_after_the_page_was_remembered_applies_at_once(
    client, course, other_employee
):
    lesson = factories.lessons_of(course)[0]
    client.force_login(other_employee)
    assert client.get(lesson.url).status_code == 200
    assert client.get(lesson.url).status_code == 200  # served from the remembered answers

    _restrict_to_group(course)
    assert _refused(client.get(lesson.url))


def test_leaving_the_group_closes_a_restricted_course_at_once(client, course, employee):
    group = _restrict_to_group(course)
    employee.groups.add(group)
    lesson = factories.lessons_of(course)[0]
    client.force_login(employee)
    assert client.get(lesson.url).status_code == 200

    employee.groups.remove(group)
    assert _refused(client.get(lesson.url))


def test_a_password_protected_course_asks_for_the_password_every_time(client, course, employee):
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="tajne-heslo"
    )
    lesson = factories.lessons_of(course)[0]
    client.force_login(employee)
    for _ in range(2):
        response = client.get(lesson.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert 'name="password"' in content
        assert "Obsah lekce 1" not in content


def test_an_unpublished_lesson_is_not_served_from_its_remembered_route(employee_client, course):
    lesson = factories.lessons_of(course)[0]
    assert employee_client.get(lesson.url).status_code == 200
    lesson.unpublish()
    assert employee_client.get(lesson.url).status_code == 404


def test_a_moved_course_is_found_at_its_new_address_only(employee_client, course, course_index):
    lesson = factories.lessons_of(course)[0]
    old_url = lesson.url
    assert employee_client.get(old_url).status_code == 200
    course.slug = "novy-nazev"
    course.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.url != old_url
    assert employee_client.get(old_url).status_code == 404
    assert employee_client.get(lesson.url).status_code == 200


def test_the_cached_course_card_changes_when_progress_does(employee_client, employee, course):
    assignment = _assign(employee, course)
    lessons = factories.lessons_of(course)
    for _ in range(2):  # drawn, then served from the fragment cache
        assert "0 ze 3 kroků (0 %)" in employee_client.get("/my-training/").content.decode()

    employee_client.post(reverse("courses:lesson_done", args=(assignment.pk, lessons[0].pk)))
    page = employee_client.get("/my-training/").content.decode()
    assert "1 ze 3 kroků (33 %)" in page
    assert "0 ze 3 kroků" not in page


def test_the_cached_lesson_body_changes_when_a_new_revision_is_published(employee_client, course):
    lesson = factories.lessons_of(course)[0]
    assert "Obsah lekce 1" in employee_client.get(lesson.url).content.decode()
    lesson.body = [{"type": "rich_text", "value": "<p>Nový obsah lekce.</p>"}]
    lesson.save_revision().publish()
    content = employee_client.get(lesson.url).content.decode()
    assert "Nový obsah lekce." in content
    assert "Obsah lekce 1" not in content


def test_a_new_lesson_appears_in_the_course_at_once(employee_client, employee, course):
    from courses.models import LessonPage

    _assign(employee, course)
    assert "0 ze 3 kroků" in employee_client.get("/my-training/").content.decode()
    course.add_child(
        instance=LessonPage(
            title="Lekce 4", slug="lekce-4", body=[{"type": "rich_text", "value": "<p>4</p>"}]
        )
    )
    assert "0 ze 4 kroků" in employee_client.get("/my-training/").content.decode()
