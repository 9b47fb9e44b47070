"""Fixtures of the quiz tests: a course with a quiz, an employee's assignment, answer helpers."""

import pytest

from courses.models import Assignment
from quizzes.forms import choice_token
from quizzes.models import Attempt, Choice
from tests import factories


@pytest.fixture
def quiz(course):
    return factories.make_quiz(
        course,
        questions=10,
        questions_per_attempt=5,
        pass_mark=60,
        max_attempts=3,
        time_limit_minutes=20,
    )


@pytest.fixture
def assignment(employee, course):
    return factories.AssignmentFactory(user=employee, course=course)


def right_answers(attempt: Attempt) -> dict[int, list[int]]:
    """The selection that scores 100 %, read from the database as only the server can."""
    items = list(attempt.items.all())
    right = {
        (c.question_id, c.pk)
        for c in Choice.objects.filter(question_id__in=[i.question_id for i in items])
        if c.fraction > 0
    }
    return {
        i.question_id: [pk for pk in i.choice_order if (i.question_id, pk) in right] for i in items
    }


def wrong_answers(attempt: Attempt) -> dict[int, list[int]]:
    items = list(attempt.items.all())
    wrong = {
        c.pk
        for c in Choice.objects.filter(question_id__in=[i.question_id for i in items])
        if c.fraction <= 0
    }
    return {i.question_id: [next(pk for pk in i.choice_order if pk in wrong)] for i in items}


def snapshot(attempt: Attempt):
    """Everything a submission could change, to prove a refused one changed nothing."""
    fresh = Attempt.objects.get(pk=attempt.pk)
    items = list(
        attempt.items.order_by("order").values_list("question_id", "choice_order", "points")
    )
    responses = list(
        attempt.items.filter(response__isnull=False).values_list("response__selected", flat=True)
    )
    assignment = Assignment.objects.get(pk=fresh.assignment_id)
    return (
        fresh.submitted_at,
        fresh.score,
        fresh.passed,
        fresh.deadline,
        items,
        responses,
        assignment.status,
        assignment.score,
    )


def as_post(attempt: Attempt, answers: dict[int, list[int]]) -> dict[str, list[str]]:
    """The form the take page would send for `answers` (choice ids become the attempt's tokens)."""
    return {f"q-{qid}": [choice_token(attempt.pk, c) for c in ids] for qid, ids in answers.items()}


@pytest.fixture
def course(course_index):
    """A course whose quiz may be taken before the lessons, so quiz mechanics stand alone.

    The default order (lessons first) has its own tests in test_course_order.py.
    """
    return factories.make_course(
        course_index, title="Phishing a sociální inženýrství", lessons=3, lessons_first=False
    )
