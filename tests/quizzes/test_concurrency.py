"""Two simultaneous submissions of one attempt, each on its own database connection, grade once."""

import threading
import time

import pytest
from django.db import OperationalError, connection, connections

from quizzes import grading, services
from quizzes.models import Attempt, Response
from tests import factories
from tests.quizzes.conftest import right_answers, wrong_answers


def _submit_waiting_like_a_file_database(attempt_id, user, answers):
    """Submit; on the test suite's in-memory SQLite, wait for the other writer and retry.

    The tests' shared-cache in-memory SQLite answers a second writer with "table is locked" at
    once, where the file database of `make run` (WAL, BEGIN IMMEDIATE, 20 s timeout) and
    PostgreSQL (the row lock) make it wait. The retry stands in for that wait; the service then
    sees the attempt already submitted. PostgreSQL never takes this path.
    """
    for _ in range(200):
        try:
            return services.attempt_submit(attempt_id=attempt_id, user=user, answers=answers)
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            time.sleep(0.05)
    raise AssertionError("the other submission never finished")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_submissions_grade_the_attempt_once(monkeypatch, course_index):
    course = factories.make_course(
        course_index, title="Hesla a vícefaktorové ověření", lessons=1, lessons_first=False
    )
    employee = factories.UserFactory()
    factories.AssignmentFactory(user=employee, course=course)
    quiz = factories.make_quiz(course, questions=6, questions_per_attempt=4)
    attempt = services.attempt_start(user=employee, quiz=quiz)
    submissions = [right_answers(attempt), wrong_answers(attempt)]

    real_grade = grading.grade_attempt

    def slow_grade(*args, **kwargs):
        # Widen the window between reading the attempt and writing the grade, so the two
        # requests really overlap there.
        time.sleep(0.3)
        return real_grade(*args, **kwargs)

    monkeypatch.setattr(grading, "grade_attempt", slow_grade)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit(answers):
        try:
            barrier.wait(timeout=10)
            _submit_waiting_like_a_file_database(attempt.pk, employee, answers)
            outcomes.append("graded")
        except services.Conflict:
            outcomes.append("conflict")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes.append(repr(error))
        finally:
            connections.close_all()  # each thread had its own connection

    threads = [threading.Thread(target=submit, args=(a,)) for a in submissions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["conflict", "graded"]
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None
    assert attempt.score in (0, 100)
    assert Response.objects.filter(item__attempt=attempt).count() == 4
    assert Attempt.objects.filter(pk=attempt.pk, passed=attempt.score == 100).exists()
