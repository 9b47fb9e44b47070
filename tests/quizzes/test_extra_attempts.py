"""Attempts used up (issue 13 point 3): what happens next, the request, the one-click grant."""

import pytest
from wagtail.models import ModelLogEntry

from quizzes import services
from quizzes.models import ExtraAttempts
from tests import factories
from tests.quizzes.conftest import right_answers, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def stuck(course, employee):
    quiz = factories.make_quiz(course, questions=4, questions_per_attempt=2, max_attempts=1)
    assignment = factories.AssignmentFactory(user=employee, course=course)
    attempt = services.attempt_start(user=employee, quiz=quiz)
    services.attempt_submit(attempt_id=attempt.pk, user=employee, answers=wrong_answers(attempt))
    return quiz, assignment


def test_the_card_says_failed_waiting_not_not_started(stuck, employee, client):
    client.force_login(employee)
    page = client.get("/my-training/").content.decode()
    assert "Neúspěšné – čeká na další pokus" in page
    assert "Nezahájeno" not in page


def test_the_intro_says_what_next_and_the_request_is_sent_once(stuck, employee, client):
    quiz, assignment = stuck
    client.force_login(employee)
    intro = client.get(f"/quizzes/{quiz.pk}/").content.decode()
    assert "Co bude dál" in intro and "Požádat o další pokus" in intro
    assert client.post(f"/quizzes/{quiz.pk}/request-attempt/").status_code == 302
    assert client.post(f"/quizzes/{quiz.pk}/request-attempt/").status_code == 302
    assert ExtraAttempts.objects.filter(assignment=assignment).count() == 1
    intro = client.get(f"/quizzes/{quiz.pk}/").content.decode()
    assert "Žádost o další pokus odešla" in intro
    assert "Požádat o další pokus" not in intro


def test_asking_with_attempts_left_is_refused(course, employee, client):
    quiz = factories.make_quiz(course, questions=2, max_attempts=2)
    factories.AssignmentFactory(user=employee, course=course)
    client.force_login(employee)
    assert client.post(f"/quizzes/{quiz.pk}/request-attempt/").status_code == 403
    assert not ExtraAttempts.objects.exists()
    assert client.get(f"/quizzes/{quiz.pk}/request-attempt/").status_code == 405


def test_hr_grants_in_one_click_audited_and_the_employee_can_pass(stuck, people, client):
    quiz, assignment = stuck
    request = services.extra_attempts_request(user=assignment.user, quiz=quiz)
    client.force_login(people["hr"])
    listing = client.get("/admin/extra_attempts/").content.decode()
    assert "Jana Nováková" in listing and "1 čekající žádost" in listing
    response = client.post(f"/admin/extra_attempts/{request.pk}/grant/")
    assert response.status_code == 302
    client.post(f"/admin/extra_attempts/{request.pk}/grant/")  # a double click grants once
    request.refresh_from_db()
    assert request.granted_by == people["hr"] and request.count == 1
    entries = ModelLogEntry.objects.filter(action="quizzes.extra_attempts")
    assert entries.count() == 1 and entries.get().user == people["hr"]

    attempt = services.attempt_start(user=assignment.user, quiz=quiz)
    assert attempt.number == 2
    graded = services.attempt_submit(
        attempt_id=attempt.pk, user=assignment.user, answers=right_answers(attempt)
    )
    assert graded.passed


def test_an_employee_cannot_grant(stuck, employee, client):
    quiz, assignment = stuck
    request = services.extra_attempts_request(user=employee, quiz=quiz)
    client.force_login(employee)
    assert client.post(f"/admin/extra_attempts/{request.pk}/grant/").status_code in (302, 403)
    request.refresh_from_db()
    assert request.granted_at is None
