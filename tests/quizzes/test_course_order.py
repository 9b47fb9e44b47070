"""Course order (issue 13 point 1): the final quiz opens once the lessons are done."""

import pytest

from courses.models import Assignment
from courses.services import lesson_complete
from quizzes import services
from tests import factories
from tests.quizzes.conftest import right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def ordered(course_index, employee):
    course = factories.make_course(course_index, title="Hesla", lessons=2)
    assert course.lessons_first  # the model's default: lessons come first
    quiz = factories.make_quiz(course, questions=4, questions_per_attempt=2)
    assignment = factories.AssignmentFactory(user=employee, course=course)
    return course, quiz, assignment


def test_the_quiz_refuses_to_start_before_the_lessons(ordered, employee):
    course, quiz, assignment = ordered
    with pytest.raises(services.NotAllowed) as refused:
        services.attempt_start(user=employee, quiz=quiz)
    assert "zbývají 2 lekce" in refused.value.message
    assert not assignment.quiz_attempts.exists()


def test_after_the_lessons_a_pass_completes_the_course(ordered, employee):
    course, quiz, assignment = ordered
    for lesson in factories.lessons_of(course):
        lesson_complete(assignment=assignment, lesson=lesson)
    attempt = services.attempt_start(user=employee, quiz=quiz)
    services.attempt_submit(attempt_id=attempt.pk, user=employee, answers=right_answers(attempt))
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.COMPLETED
    assert assignment.score == 100


def test_the_course_page_locks_the_quiz_step_and_the_intro_explains(ordered, employee, client):
    course, quiz, assignment = ordered
    client.force_login(employee)
    page = client.get(course.url).content.decode()
    assert "Test se otevře, až dokončíte lekce (zbývají 2 lekce)." in page
    assert f'href="/quizzes/{quiz.pk}/"' not in page
    lesson_complete(assignment=assignment, lesson=factories.lessons_of(course)[0])
    intro = client.get(f"/quizzes/{quiz.pk}/").content.decode()
    assert "zbývá 1 lekce" in intro
    assert "Spustit test" not in intro
    assert client.post(f"/quizzes/{quiz.pk}/start/").status_code == 403


def test_a_course_that_lets_the_quiz_come_first(course_index, employee):
    course = factories.make_course(course_index, lessons=2, lessons_first=False)
    quiz = factories.make_quiz(course, questions=2, questions_per_attempt=2)
    factories.AssignmentFactory(user=employee, course=course)
    assert services.attempt_start(user=employee, quiz=quiz).number == 1
