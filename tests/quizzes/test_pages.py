"""The employee's quiz pages: intro with history, the take page that reveals nothing, results."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes import services
from quizzes.models import Attempt, Choice, Question
from tests import factories
from tests.quizzes.conftest import as_post, right_answers, wrong_answers

pytestmark = pytest.mark.django_db

INPUT = re.compile(r'<input type="(radio|checkbox)" name="(q-\d+)" value="([^"]+)" id="([^"]+)">')


def take_page(client, attempt) -> str:
    response = client.get(f"/quizzes/attempts/{attempt.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_intro_shows_the_rules_attempts_left_and_history(quiz, assignment, employee, client):
    client.force_login(employee)
    page = client.get(f"/quizzes/{quiz.pk}/").content.decode()
    assert "Závěrečný test" in page
    assert "60 %" in page and "20 minut" in page
    assert "Spustit test" in page
    assert "Tento test máte ještě před sebou." in page

    attempt = services.attempt_start(user=employee, quiz=quiz)
    services.attempt_submit(attempt_id=attempt.pk, user=employee, answers=wrong_answers(attempt))
    page = client.get(f"/quizzes/{quiz.pk}/").content.decode()

    assert "zbývají 2" in page
    assert "Nesplněno" in page and "0 %" in page
    assert f'href="/quizzes/attempts/{attempt.pk}/result/"' in page
    assert "Spustit nový pokus" in page


def test_intro_without_an_assignment_sends_to_the_course(quiz, employee, client):
    client.force_login(employee)
    page = client.get(f"/quizzes/{quiz.pk}/").content.decode()
    assert "Spustit test" not in page
    assert "začněte nejdříve kurz" in page


def test_quiz_pages_need_login(quiz, client):
    response = client.get(f"/quizzes/{quiz.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_take_page_reveals_no_answer(course, assignment, employee, client):
    bank = factories.QuestionBankFactory()
    factories.make_question(bank, type="multiple", mode="partial", fractions=("0.5", "0.5", "-1"))
    factories.make_question(bank, type="truefalse", fractions=("1", "0"))
    factories.make_question(bank, fractions=("1", "0", "0"))
    quiz = factories.make_quiz(course, questions=0, bank=bank, questions_per_attempt=3)
    client.force_login(employee)
    attempt = services.attempt_start(user=employee, quiz=quiz)

    page = take_page(client, attempt)

    # No explanation, feedback or general feedback, whatever the markup around it.
    assert "TAJN" not in page
    for text in Question.objects.values_list("explanation", "general_feedback"):
        assert all(part not in page for part in text)
    # No fraction, correctness flag or choice id: only per-attempt tokens as values.
    lowered = page.lower()
    for word in ("fraction", "correct", "right", "weight", "data-answer", "application/json"):
        assert word not in lowered, word
    inputs = INPUT.findall(page)
    choices = Choice.objects.filter(question__bank=bank)
    assert len(inputs) == choices.count() == 8
    values = {value for _, _, value, _ in inputs}
    assert not values & {str(pk) for pk in choices.values_list("pk", flat=True)}
    assert len(values) == 8 and all(len(v) == 20 for v in values)
    # Radios for one answer, checkboxes for several; every input has its label and fieldset.
    assert sorted(t for t, *_ in inputs).count("checkbox") == 3
    for _, _, _, input_id in inputs:
        assert f'<label for="{input_id}">' in page
    assert page.count("<fieldset") == page.count("<legend>") == 3


def test_the_take_page_form_submits_as_a_browser_would(quiz, assignment, employee, client):
    client.force_login(employee)
    attempt = services.attempt_start(user=employee, quiz=quiz)
    page = take_page(client, attempt)
    right = {str(k): v for k, v in as_post(attempt, right_answers(attempt)).items()}
    # Pick, from what the page offers, exactly the right tokens.
    offered = {(name, value) for _, name, value, _ in INPUT.findall(page)}
    chosen = {name: [v for v in values if (name, v) in offered] for name, values in right.items()}

    response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", chosen)

    assert response.status_code == 302
    assert response["Location"] == f"/quizzes/attempts/{attempt.pk}/result/"
    result = client.get(response["Location"]).content.decode()
    assert "Vaše skóre: 100 %" in result
    # The employee is Jana: no form of address chosen, her first name says a woman.
    assert "Gratulujeme, uspěla jste." in result


def test_the_take_page_shows_the_time_left_and_a_countdown(quiz, assignment, employee, client):
    client.force_login(employee)
    attempt = services.attempt_start(user=employee, quiz=quiz)
    page = take_page(client, attempt)
    assert "Zbývající čas:" in page
    assert re.search(r'data-seconds-left="(11\d\d|1200)">(19|20):\d\d<', page)
    assert "quizzes/countdown.js" in page


def test_a_submitted_attempt_redirects_to_its_result(quiz, assignment, employee, client):
    client.force_login(employee)
    attempt = services.attempt_start(user=employee, quiz=quiz)
    assert client.get(f"/quizzes/attempts/{attempt.pk}/result/").status_code == 302
    services.attempt_submit(attempt_id=attempt.pk, user=employee, answers={})
    response = client.get(f"/quizzes/attempts/{attempt.pk}/")
    assert response["Location"] == f"/quizzes/attempts/{attempt.pk}/result/"


def test_the_result_shows_feedback_and_right_answers_when_the_quiz_allows(
    quiz, assignment, employee, client
):
    quiz.reveal_answers = "after_last_attempt"
    quiz.max_attempts = 1
    quiz.save()
    client.force_login(employee)
    attempt = services.attempt_start(user=employee, quiz=quiz)
    services.attempt_submit(attempt_id=attempt.pk, user=employee, answers=wrong_answers(attempt))

    page = client.get(f"/quizzes/attempts/{attempt.pk}/result/").content.decode()

    assert "Vaše skóre: 0 %" in page and "K úspěchu potřebujete 60 %." in page
    assert page.count("správná odpověď") == 5
    assert "TAJNÉ vysvětlení" in page and "TAJNÁ obecná zpětná vazba" in page
    assert "TAJNÁ zpětná vazba volby" in page  # of the selected (wrong) choice


def test_the_result_hides_what_the_quiz_does_not_show(quiz, assignment, employee, client):
    quiz.reveal_answers = "never"
    quiz.max_attempts = 1
    quiz.show_feedback = False
    quiz.save()
    client.force_login(employee)
    attempt = services.attempt_start(user=employee, quiz=quiz)
    services.attempt_submit(attempt_id=attempt.pk, user=employee, answers=wrong_answers(attempt))

    page = client.get(f"/quizzes/attempts/{attempt.pk}/result/").content.decode()

    assert "Vaše skóre: 0 %" in page
    assert "TAJN" not in page and "správná odpověď" not in page


def test_an_expired_attempt_says_so_and_offers_no_form(quiz, assignment, employee, client):
    import datetime

    from django.utils import timezone

    started = timezone.now() - datetime.timedelta(hours=1)
    attempt = services.attempt_start(user=employee, quiz=quiz, now=started)
    client.force_login(employee)

    page = take_page(client, attempt)

    assert '<form method="post" action="/quizzes/attempts/' not in page
    assert "nebyl ohodnocen" in page
    intro = client.get(f"/quizzes/{quiz.pk}/").content.decode()
    assert "Čas vypršel" in intro


# --- Query counts do not grow with the bank ---------------------------------------------------


def _counts(course_index, employee, client, bank_size):
    course = factories.make_course(course_index, lessons=2, lessons_first=False)
    assignment = factories.AssignmentFactory(user=employee, course=course)
    quiz = factories.make_quiz(course, questions=bank_size, questions_per_attempt=10)
    client.force_login(employee)
    counts = {}
    client.get(f"/quizzes/{quiz.pk}/")  # warm the per-process caches (site, settings)
    with CaptureQueriesContext(connection) as intro:
        assert client.get(f"/quizzes/{quiz.pk}/").status_code == 200
    counts["intro"] = len(intro)
    with CaptureQueriesContext(connection) as started:
        response = client.post(f"/quizzes/{quiz.pk}/start/")
    counts["start"] = len(started)
    attempt = Attempt.objects.get(assignment=assignment)
    with CaptureQueriesContext(connection) as take:
        assert client.get(response["Location"]).status_code == 200
    counts["take"] = len(take)
    data = as_post(attempt, right_answers(attempt))
    with CaptureQueriesContext(connection) as submitted:
        assert client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data).status_code == 302
    counts["submit"] = len(submitted)
    with CaptureQueriesContext(connection) as result:
        assert client.get(f"/quizzes/attempts/{attempt.pk}/result/").status_code == 200
    counts["result"] = len(result)
    return counts


def test_query_counts_do_not_grow_with_the_bank(course_index, employee, client):
    small = _counts(course_index, employee, client, bank_size=10)
    large = _counts(course_index, employee, client, bank_size=200)
    assert small == large
    assert max(small.values()) <= 25, small
