"""Essays graded by hand from a queue; the attempt completes when the last one is (issue 14.2)."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import ModelLogEntry

from organisation import roles
from quizzes import selectors, services
from quizzes.models import Attempt, Response
from tests import factories
from tests.quizzes.question_types import make_typed_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_essay(course):
    quiz, questions = make_typed_quiz(course, pass_mark=60)
    return quiz, questions


def submit_with_essay(employee, quiz, questions, essay="Odkaz vede jinam, než tvrdí text."):
    attempt = services.attempt_start(user=employee, quiz=quiz)
    answers = {
        questions["shortanswer"].pk: "Plzeň",
        questions["numerical"].pk: "3.14",
        questions["essay"].pk: essay,
    }
    return services.attempt_submit(attempt_id=attempt.pk, user=employee, answers=answers)


def test_an_attempt_with_an_essay_awaits_grading_without_score_or_new_attempt(
    with_essay, assignment, employee, client
):
    quiz, questions = with_essay
    attempt = submit_with_essay(employee, quiz, questions)
    attempt.refresh_from_db()
    assert (attempt.awaiting_grading, attempt.score, attempt.passed) == (True, None, None)
    client.force_login(employee)
    result = client.get(f"/quizzes/attempts/{attempt.pk}/result/").content.decode()
    assert "Odkaz vede jinam" in result
    assert client.post(f"/quizzes/{quiz.pk}/start/").status_code == 403


def test_the_queue_lists_essays_oldest_first_with_the_text_escaped(
    with_essay, assignment, employee, client, course
):
    quiz, questions = with_essay
    submit_with_essay(employee, quiz, questions, essay="<script>alert(1)</script> Pozor")
    other = factories.UserFactory()
    factories.AssignmentFactory(user=other, course=course)
    submit_with_essay(other, quiz, questions, essay="Druhá esej")
    editor = factories.UserFactory(roles=[roles.COURSE_EDITOR])
    client.force_login(editor)

    page = client.get("/admin/essay_queue/").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt; Pozor" in page and "<script>alert" not in page
    assert page.index("Pozor") < page.index("Druhá esej")


def test_grading_the_last_essay_scores_the_attempt_and_is_audited(
    with_essay, assignment, employee, client
):
    quiz, questions = with_essay
    attempt = submit_with_essay(employee, quiz, questions)
    essay = Response.objects.get(item__question__type="essay")
    editor = factories.UserFactory(roles=[roles.COURSE_EDITOR])
    client.force_login(editor)

    response = client.post(
        f"/admin/essay_queue/{essay.pk}/grade/",
        {f"e{essay.pk}-points": "50", f"e{essay.pk}-feedback": "Chybí hlášení."},
    )

    assert response.status_code == 302
    attempt.refresh_from_db()
    # Short answer and numerical right, matching and ordering unanswered, essay half: 2.5/5.
    assert (attempt.awaiting_grading, attempt.score, attempt.passed) == (
        False,
        Decimal("50.00"),
        False,
    )
    essay.refresh_from_db()
    assert (essay.graded_by, essay.grader_feedback) == (editor, "Chybí hlášení.")
    assert _model_log(attempt) == 1
    assert selectors.essay_queue() == []
    client.force_login(employee)
    result = client.get(f"/quizzes/attempts/{attempt.pk}/result/").content.decode()
    assert "Chybí hlášení." in result


def _model_log(attempt):
    return ModelLogEntry.objects.filter(
        action="quizzes.grade_essay", object_id=str(attempt.pk)
    ).count()


def test_a_pass_after_grading_completes_the_quiz_step(with_essay, assignment, employee):
    quiz, questions = with_essay
    attempt = services.attempt_start(user=employee, quiz=quiz)
    page_answers = {questions["shortanswer"].pk: "plzen", questions["numerical"].pk: "3,14"}
    page_answers[questions["essay"].pk] = "Text"
    services.attempt_submit(attempt_id=attempt.pk, user=employee, answers=page_answers)
    assert selectors.quiz_steps([assignment])[assignment.pk][0].done is False
    essay = Response.objects.get(item__question__type="essay")
    editor = factories.UserFactory(roles=[roles.COURSE_EDITOR])
    services.essay_grade(response_id=essay.pk, graded_by=editor, points=Decimal(1))
    # 3 of 5 right = 60 %, the pass mark.
    assert Attempt.objects.get().passed is True
    assert selectors.quiz_steps([assignment])[assignment.pk][0].done is True
    with pytest.raises(services.Conflict):
        services.essay_grade(response_id=essay.pk, graded_by=editor, points=Decimal(0))


def test_grading_needs_the_permission_and_the_right_to_edit_the_course(
    with_essay, assignment, employee, client
):
    quiz, questions = with_essay
    submit_with_essay(employee, quiz, questions)
    essay = Response.objects.get(item__question__type="essay")
    # The permission alone, without the right to edit the course's page.
    outsider = factories.UserFactory()
    outsider.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="grade_essay"),
    )
    client.force_login(outsider)
    assert "Odkaz vede jinam" not in client.get("/admin/essay_queue/").content.decode()
    data = {f"e{essay.pk}-points": "100"}
    # Wagtail answers a PermissionDenied in its admin with a redirect and a message.
    assert client.post(f"/admin/essay_queue/{essay.pk}/grade/", data).status_code in (302, 403)
    assert Response.objects.get(pk=essay.pk).graded_at is None
    client.force_login(employee)
    assert client.post(f"/admin/essay_queue/{essay.pk}/grade/", data).status_code in (302, 403)
    assert Response.objects.get(pk=essay.pk).graded_at is None


def test_points_outside_0_to_100_are_refused_with_a_message(
    with_essay, assignment, employee, client
):
    quiz, questions = with_essay
    submit_with_essay(employee, quiz, questions)
    essay = Response.objects.get(item__question__type="essay")
    client.force_login(factories.UserFactory(roles=[roles.COURSE_EDITOR]))
    response = client.post(f"/admin/essay_queue/{essay.pk}/grade/", {f"e{essay.pk}-points": "150"})
    assert response.status_code == 400
    assert Response.objects.get(pk=essay.pk).graded_at is None
