"""A deadline morning: submits in fixed queries, one grade per attempt, one certificate per pass."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from certificates.models import Certificate
from certificates.tasks import certificate_issue_task
from courses.models import Assignment, LessonProgress
from quizzes import services
from quizzes.models import Attempt, AttemptQuestion, Response
from tests import factories
from tests.quizzes.conftest import as_post, right_answers


def _ready_to_pass(course_index, employee, *, questions: int):
    """An employee with every lesson done and a started attempt of `questions` questions."""
    course = factories.make_course(course_index, title="Hesla a ověřování", lessons=2)
    assignment = factories.AssignmentFactory(user=employee, course=course)
    for lesson in factories.lessons_of(course):
        LessonProgress.objects.create(assignment=assignment, lesson=lesson)
    quiz = factories.make_quiz(course, questions=questions, questions_per_attempt=questions)
    attempt = services.attempt_start(user=employee, quiz=quiz)
    return assignment, attempt


def _submit(client, assignment, attempt, questions: int, queries) -> None:
    """Post the right answers inside `queries` (a context manager) and check what the pass did."""
    data = as_post(attempt, right_answers(attempt))
    with queries:
        response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)
    assert response.status_code == 302
    # Graded at once, and the pass completed the course in the same request.
    assert Attempt.objects.get(pk=attempt.pk).score == 100
    assert Assignment.objects.get(pk=assignment.pk).status == Assignment.Status.COMPLETED
    assert Response.objects.filter(item__attempt=attempt).count() == questions


def test_a_submit_costs_the_same_queries_for_5_and_30_questions(
    course_index, employee, client, django_assert_max_num_queries
):
    client.force_login(employee)
    # The first submit fills the per-process caches (site root paths, settings).
    warm = _ready_to_pass(course_index, employee, questions=5)
    _submit(client, *warm, 5, CaptureQueriesContext(connection))
    small = CaptureQueriesContext(connection)
    _submit(client, *_ready_to_pass(course_index, employee, questions=5), 5, small)
    large = _ready_to_pass(course_index, employee, questions=30)
    _submit(client, *large, 30, django_assert_max_num_queries(len(small)))
    assert len(small) <= 24, len(small)


def test_a_passing_result_says_the_certificate_is_being_prepared(course_index, employee, client):
    assignment, attempt = _ready_to_pass(course_index, employee, questions=3)
    client.force_login(employee)
    client.post(f"/quizzes/attempts/{attempt.pk}/submit/", as_post(attempt, right_answers(attempt)))

    page = client.get(f"/quizzes/attempts/{attempt.pk}/result/").content.decode()

    assert "Vaše skóre: 100" in page
    assert "Certifikát se připravuje" in page
    assert 'href="/certificates/"' in page


def test_a_certificate_task_run_twice_after_a_pass_issues_one_certificate(
    course_index, employee, client, django_capture_on_commit_callbacks
):
    assignment, attempt = _ready_to_pass(course_index, employee, questions=3)
    client.force_login(employee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/quizzes/attempts/{attempt.pk}/submit/", as_post(attempt, right_answers(attempt))
        )
    first = Certificate.objects.get(assignment=assignment)

    # The broker delivers it again (a worker died before acknowledging, the catch-up job).
    certificate_issue_task.apply(args=[assignment.pk])

    again = Certificate.objects.get(assignment=assignment)
    assert (again.pk, again.serial_number, again.pdf.name) == (
        first.pk,
        first.serial_number,
        first.pdf.name,
    )
    assert Certificate.objects.filter(assignment__user=employee).count() == 1
    page = client.get("/certificates/").content.decode()
    assert first.serial_number in page


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_attempt_submitted_from_four_tabs_at_once_is_graded_once(course_index):
    # Row locks between connections need PostgreSQL: the redis marker runs this in the
    # PostgreSQL + Redis leg of .ci/run, and anywhere else it fails rather than skips.
    assert connection.vendor == "postgresql", "run in .ci/run's PostgreSQL + Redis leg"
    employee = factories.UserFactory()
    assignment, attempt = _ready_to_pass(course_index, employee, questions=6)
    data = as_post(attempt, right_answers(attempt))
    barrier = threading.Barrier(4)
    statuses: list[int] = []

    def submit():
        try:
            client = Client()
            client.force_login(employee)
            barrier.wait(timeout=10)
            response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)
            statuses.append(response.status_code)
        finally:
            connections.close_all()  # each thread had its own connection

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    # One graded result; the others are told it was submitted already.
    assert sorted(statuses) == [302, 409, 409, 409]
    assert Response.objects.filter(item__attempt=attempt).count() == 6
    assert not AttemptQuestion.objects.filter(attempt=attempt, points__isnull=True).exists()
    assert Attempt.objects.get(pk=attempt.pk).score == 100
    assert Assignment.objects.get(pk=assignment.pk).status == Assignment.Status.COMPLETED
    assert Certificate.objects.filter(assignment=assignment).count() == 1
