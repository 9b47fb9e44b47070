"""Issue 12 point 6: a failed attempt's result page does not hand out the key to the next one."""

import pytest

from quizzes import services
from quizzes.models import Attempt, AttemptQuestion, Quiz
from tests import factories
from tests.quizzes.conftest import right_answers, wrong_answers

pytestmark = pytest.mark.django_db

RIGHT_TAG = "správná odpověď"
SECRET = "TAJNÉ vysvětlení"
WITHHELD = 'data-answers="withheld"'


@pytest.fixture
def course(course_index):
    """Quiz before the lessons: secrecy is about the result page, not the course order."""
    return factories.make_course(
        course_index, title="Phishing a sociální inženýrství", lessons=3, lessons_first=False
    )


@pytest.fixture
def quiz(course):
    # A bank twice the attempt's size, so a retry can draw entirely other questions.
    return factories.make_quiz(course, questions=10, questions_per_attempt=5, max_attempts=3)


@pytest.fixture
def assignment(employee, course):
    return factories.AssignmentFactory(user=employee, course=course)


def fail(employee, quiz) -> Attempt:
    attempt = services.attempt_start(user=employee, quiz=quiz)
    services.attempt_submit(attempt_id=attempt.pk, user=employee, answers=wrong_answers(attempt))
    return attempt


def result_page(client, attempt) -> str:
    response = client.get(f"/quizzes/attempts/{attempt.pk}/result/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_default_is_after_a_pass_or_the_last_attempt(quiz):
    assert Quiz._meta.get_field("reveal_answers").default == "after_pass_or_last_attempt"
    assert quiz.reveal_answers == "after_pass_or_last_attempt"


def test_a_failed_attempt_with_attempts_left_shows_no_right_answer(
    quiz, assignment, employee, client
):
    client.force_login(employee)
    attempt = fail(employee, quiz)
    before = list(Attempt.objects.values_list("pk", "score", "passed"))

    page = result_page(client, attempt)

    assert "Vaše skóre: 0 %" in page
    assert RIGHT_TAG not in page and SECRET not in page
    assert 'class=" right"' not in page and "quiz-tag-right" not in page
    assert WITHHELD in page and "Správné odpovědi se nezobrazují" in page
    # Looking changed nothing.
    assert list(Attempt.objects.values_list("pk", "score", "passed")) == before


def test_the_last_attempt_reveals_the_answers_on_every_result_page(
    quiz, assignment, employee, client
):
    client.force_login(employee)
    first = fail(employee, quiz)
    fail(employee, quiz)
    assert RIGHT_TAG not in result_page(client, first)
    third = services.attempt_start(user=employee, quiz=quiz)
    # While the last attempt is open, an earlier result must not leak its key either.
    assert RIGHT_TAG not in result_page(client, first)
    services.attempt_submit(attempt_id=third.pk, user=employee, answers=wrong_answers(third))

    for attempt in (first, third):
        page = result_page(client, attempt)
        assert page.count(RIGHT_TAG) == 5
        assert SECRET in page and WITHHELD not in page


def test_a_pass_reveals_the_answers(quiz, assignment, employee, client):
    client.force_login(employee)
    first = fail(employee, quiz)
    second = services.attempt_start(user=employee, quiz=quiz)
    services.attempt_submit(attempt_id=second.pk, user=employee, answers=right_answers(second))

    assert result_page(client, second).count(RIGHT_TAG) == 5
    assert result_page(client, first).count(RIGHT_TAG) == 5


@pytest.mark.parametrize(
    ("policy", "after_pass", "after_last"),
    [
        ("never", False, False),
        ("after_pass", True, False),
        ("after_last_attempt", False, True),
        ("after_pass_or_last_attempt", True, True),
    ],
)
def test_each_policy(quiz, employee, course, client, policy, after_pass, after_last):
    quiz.reveal_answers = policy
    quiz.max_attempts = 1
    quiz.save()
    client.force_login(employee)
    factories.AssignmentFactory(user=employee, course=course)
    failed = fail(employee, quiz)  # the only attempt: the last one
    assert (RIGHT_TAG in result_page(client, failed)) is after_last

    quiz.max_attempts = 2
    quiz.save()
    other = factories.UserFactory()
    factories.AssignmentFactory(user=other, course=course)
    attempt = services.attempt_start(user=other, quiz=quiz)
    services.attempt_submit(attempt_id=attempt.pk, user=other, answers=right_answers(attempt))
    client.force_login(other)
    assert (RIGHT_TAG in result_page(client, attempt)) is after_pass


def test_the_next_attempt_draws_questions_not_seen_in_the_previous_one(quiz, assignment, employee):
    first = fail(employee, quiz)
    second = services.attempt_start(user=employee, quiz=quiz)

    seen = set(AttemptQuestion.objects.filter(attempt=first).values_list("question_id", flat=True))
    drawn = set(
        AttemptQuestion.objects.filter(attempt=second).values_list("question_id", flat=True)
    )
    assert len(seen) == len(drawn) == 5
    assert not seen & drawn


def test_a_small_bank_tops_up_with_seen_questions(course, assignment, employee):
    quiz = factories.make_quiz(course, questions=7, questions_per_attempt=5, max_attempts=3)
    first = fail(employee, quiz)
    second = services.attempt_start(user=employee, quiz=quiz)

    seen = set(AttemptQuestion.objects.filter(attempt=first).values_list("question_id", flat=True))
    drawn = set(
        AttemptQuestion.objects.filter(attempt=second).values_list("question_id", flat=True)
    )
    assert len(drawn) == 5
    # The two unseen questions are always in; only three are repeats.
    assert len(drawn - seen) == 2
