"""The demo quizzes: one bank and quiz per demo course, idempotent, completed courses stay so."""

import io

import pytest
from django.core.management import call_command

from courses import completion
from courses.models import Assignment
from elearning.demo import content
from quizzes.models import Attempt, Choice, Question, QuestionBank, Quiz

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_quizzes_once_and_keeps_completed_assignments_complete(site):
    call_command("seed_demo", stdout=io.StringIO())
    counts = (QuestionBank.objects.count(), Question.objects.count(), Quiz.objects.count())
    completed = set(
        Assignment.objects.filter(status=Assignment.Status.COMPLETED).values_list("pk", flat=True)
    )
    attempts = Attempt.objects.count()

    call_command("seed_demo", stdout=io.StringIO())

    questions = sum(len(c["questions"]) for c in content.COURSES)
    assert counts == (len(content.COURSES), questions, len(content.COURSES))
    assert (QuestionBank.objects.count(), Question.objects.count(), Quiz.objects.count()) == counts
    assert Attempt.objects.count() == attempts > 0
    # The assignments marked "all lessons done" were completed before the quizzes existed.
    assert len(completed) >= 4
    still = Assignment.objects.filter(pk__in=completed, status=Assignment.Status.COMPLETED)
    assert still.count() == len(completed)
    for assignment in still.select_related("course"):
        steps = completion.steps_for([assignment])[assignment.pk]
        assert completion.summarize(steps).complete

    quiz = Quiz.objects.get(course__slug="phishing-a-socialni-inzenyrstvi")
    assert (quiz.pass_mark, quiz.questions_per_attempt, quiz.max_attempts) == (70, 6, 3)
    assert (quiz.wait_minutes, quiz.time_limit_minutes, quiz.reveal_answers) == (
        0,
        20,
        "after_pass_or_last_attempt",
    )
    # The demo employee's own quizzes are left for her to take.
    assert not Attempt.objects.filter(user__email="employee@example.cz").exists()
    # Every question can be answered fully right.
    for question in Question.objects.prefetch_related("choices"):
        right = sum(c.fraction for c in question.choices.all() if c.fraction > 0)
        assert abs(right - 1) < 0.000001, question.name
    assert Choice.objects.filter(text="<p>Pravda</p>").count() == sum(
        1 for c in content.COURSES for q in c["questions"] if q["type"] == "truefalse"
    )
