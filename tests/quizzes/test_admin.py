"""Authoring and statistics in the Wagtail admin: who may reach them and what they check."""

import math
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from courses.models import Assignment
from organisation import roles
from quizzes import selectors, services
from quizzes.models import Attempt, Choice, Question, Quiz
from tests import factories

pytestmark = pytest.mark.django_db

AUTHORING = ["/admin/quizzes/", "/admin/question_banks/", "/admin/questions/"]
SCREENS = [*AUTHORING, "/admin/quiz_import/", "/admin/quiz_statistics/"]


def login(client, *role_names):
    user = factories.UserFactory(roles=list(role_names))
    client.force_login(user)
    return user


@pytest.mark.parametrize("url", SCREENS)
def test_employees_cannot_reach_authoring_or_statistics(client, site, url):
    login(client)
    response = client.get(url)
    # The "administration is for staff" page (issue 11), not a login redirect loop.
    assert response.status_code == 403
    assert "Administrace je jen pro správce školení" in response.content.decode()


@pytest.mark.parametrize("url", SCREENS)
def test_hr_without_quiz_permissions_is_refused(client, site, url):
    login(client, roles.HR)
    response = client.get(url)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


@pytest.mark.parametrize("role", [roles.COURSE_EDITOR, roles.SECURITY_MANAGER])
@pytest.mark.parametrize("url", [*SCREENS, "/admin/quizzes/new/", "/admin/questions/new/"])
def test_editors_and_security_managers_reach_every_screen(client, site, role, url):
    login(client, role)
    assert client.get(url).status_code == 200


def test_the_admin_menu_shows_the_quiz_group_to_editors_only(client, site):
    login(client, roles.COURSE_EDITOR)
    page = client.get("/admin/").content.decode()
    assert "/admin/quiz_statistics/" in page and "/admin/quiz_import/" in page
    client.force_login(factories.UserFactory(roles=[roles.HR]))
    page = client.get("/admin/").content.decode()
    assert "/admin/quiz_statistics/" not in page


# --- Authoring --------------------------------------------------------------------------------


def question_form(bank, choices, **fields):
    data = {
        "bank": bank.pk,
        "name": "Podezřelá příloha",
        "topic": "Phishing",
        "type": "single",
        "mode": "all_or_nothing",
        "text": rich_text("<p>Co uděláte s přílohou od neznámého odesílatele?</p>"),
        "explanation": rich_text("<p>Nahlásit, neotevírat.</p>"),
        "general_feedback": rich_text(""),
        "active": "on",
        "choices": inline_formset(
            [
                {"text": rich_text(f"<p>{text}</p>"), "fraction": f, "feedback": rich_text("")}
                for text, f in choices
            ],
            min=2,
        ),
    }
    data.update(fields)
    return nested_form_data(data)


def test_an_editor_writes_a_question_with_inline_choices(client, site):
    login(client, roles.COURSE_EDITOR)
    bank = factories.QuestionBankFactory()
    data = question_form(bank, [("Nahlásím ji", "1.0000000"), ("Otevřu ji", "0.0000000")])

    response = client.post("/admin/questions/new/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get()
    assert (question.bank, question.type, question.name) == (bank, "single", "Podezřelá příloha")
    assert "přílohou od neznámého" in question.text
    choices = question.choices.order_by("sort_order")
    assert [c.fraction for c in choices] == [Decimal(1), Decimal(0)]
    assert "Nahlásím ji</p>" in choices[0].text and "Otevřu ji</p>" in choices[1].text
    edit = client.get(f"/admin/questions/edit/{question.pk}/").content.decode()
    assert '<option value="1.0000000" selected>100 %</option>' in edit


def test_a_question_nobody_could_answer_right_is_refused(client, site):
    login(client, roles.COURSE_EDITOR)
    bank = factories.QuestionBankFactory()
    data = question_form(bank, [("Nahlásím ji", "0.5000000"), ("Otevřu ji", "0.0000000")])

    response = client.post("/admin/questions/new/", data)

    assert response.status_code == 200
    assert "Žádná odpověď není zcela správná (100%)." in response.content.decode()
    assert not Question.objects.exists()


def test_partial_credit_needs_weights_adding_up_to_100(client, site):
    login(client, roles.COURSE_EDITOR)
    bank = factories.QuestionBankFactory()
    choices = [("A", "0.5000000"), ("B", "0.2500000"), ("C", "-1.0000000")]
    data = question_form(bank, choices, type="multiple", mode="partial")

    response = client.post("/admin/questions/new/", data)

    assert response.status_code == 200
    assert "dávají dohromady 75%" in response.content.decode()
    assert not Choice.objects.exists()


def test_an_editor_sets_up_a_quiz_for_a_course(client, course):
    login(client, roles.COURSE_EDITOR)
    bank = factories.QuestionBankFactory()
    for _ in range(6):
        factories.make_question(bank)
    data = nested_form_data(
        {
            "course": course.pk,
            "is_active": "on",
            "pass_mark": 80,
            "questions_per_attempt": 5,
            "max_attempts": "",
            "wait_minutes": 30,
            "time_limit_minutes": "",
            "reveal_answers": "after_pass",
            "pools": inline_formset([{"bank": bank.pk, "count": ""}], min=1),
        }
    )

    response = client.post("/admin/quizzes/new/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = Quiz.objects.get()
    assert (quiz.course_id, quiz.pass_mark, quiz.max_attempts, quiz.time_limit_minutes) == (
        course.pk,
        80,
        None,
        None,
    )
    assert (quiz.wait_minutes, quiz.show_feedback, quiz.reveal_answers) == (30, False, "after_pass")
    assert list(quiz.pools.values_list("bank", "count")) == [(bank.pk, None)]


def test_a_quiz_needing_more_questions_than_its_banks_hold_is_refused(client, course):
    login(client, roles.COURSE_EDITOR)
    bank = factories.QuestionBankFactory()
    factories.make_question(bank)
    data = nested_form_data(
        {
            "course": course.pk,
            "pass_mark": 70,
            "questions_per_attempt": 5,
            "wait_minutes": 0,
            "pools": inline_formset([{"bank": bank.pk, "count": "3"}], min=1),
        }
    )

    response = client.post("/admin/quizzes/new/", data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Aktivní otázky ve vybraných bankách: 1; pokus jich potřebuje 5." in page
    assert not Quiz.objects.exists()


# --- Statistics -------------------------------------------------------------------------------

# Five attempts at four questions; 1 = answered right. Scores 100, 75, 50, 25, 0.
PATTERN = [
    (1, 1, 1, 1),
    (1, 1, 1, 0),
    (1, 1, 0, 0),
    (1, 0, 0, 0),
    (0, 0, 0, 0),
]


@pytest.fixture
def graded_quiz(course):
    bank = factories.QuestionBankFactory()
    questions = [factories.make_question(bank, name=f"Q{i}") for i in range(1, 5)]
    quiz = factories.make_quiz(
        course, questions=0, bank=bank, questions_per_attempt=4, pass_mark=60
    )
    for row in PATTERN:
        user = factories.UserFactory()
        Assignment.objects.create(user=user, course=course)
        attempt = services.attempt_start(user=user, quiz=quiz)
        answers = {}
        for question, right in zip(questions, row, strict=True):
            choices = question.choices.order_by("sort_order")
            answers[question.pk] = [choices[0 if right else 1].pk]
        services.attempt_submit(attempt_id=attempt.pk, user=user, answers=answers)
    return quiz


def test_statistics_equal_hand_computed_values(graded_quiz):
    stats = selectors.quiz_statistics(quiz=graded_quiz)

    assert (stats.attempts, stats.passed, stats.mean_score) == (5, 2, Decimal(50))
    assert [b.count for b in stats.distribution] == [1, 0, 1, 0, 0, 1, 0, 1, 0, 1]
    by_name = {s.question.name: s for s in stats.questions}
    assert {n: s.facility for n, s in by_name.items()} == {
        "Q1": 0.8,
        "Q2": 0.6,
        "Q3": 0.4,
        "Q4": 0.2,
    }
    assert {s.responses for s in stats.questions} == {5}
    # Q2: points (1,1,1,0,0), rest scores (75,50,25,25,0): sum dx*dy = 45, sum dx^2 = 1.2,
    # sum dy^2 = 3250, so r = 45 / sqrt(1.2 * 3250). Q3 mirrors it. Q1: points (1,1,1,1,0),
    # rest (75,50,25,0,0): r = 30 / sqrt(0.8 * 4250); Q4 mirrors it.
    assert by_name["Q2"].discrimination == pytest.approx(45 / math.sqrt(3900))
    assert by_name["Q3"].discrimination == pytest.approx(45 / math.sqrt(3900))
    assert by_name["Q1"].discrimination == pytest.approx(30 / math.sqrt(3400))
    assert by_name["Q4"].discrimination == pytest.approx(30 / math.sqrt(3400))
    assert [s.question.name for s in stats.questions] == ["Q4", "Q3", "Q2", "Q1"]  # hardest first


def test_statistics_ignore_attempts_not_yet_graded(graded_quiz, course):
    user = factories.UserFactory()
    Assignment.objects.create(user=user, course=course)
    services.attempt_start(user=user, quiz=graded_quiz)
    assert selectors.quiz_statistics(quiz=graded_quiz).attempts == 5
    assert Attempt.objects.filter(quiz=graded_quiz).count() == 6


def test_statistics_query_count_is_fixed(graded_quiz, course, client):
    with CaptureQueriesContext(connection) as few:
        selectors.quiz_statistics(quiz=graded_quiz)
    for _ in range(10):
        user = factories.UserFactory()
        Assignment.objects.create(user=user, course=course)
        attempt = services.attempt_start(user=user, quiz=graded_quiz)
        services.attempt_submit(attempt_id=attempt.pk, user=user, answers={})
    with CaptureQueriesContext(connection) as many:
        selectors.quiz_statistics(quiz=graded_quiz)
    assert len(few) == len(many) == 3

    login(client, roles.SECURITY_MANAGER)
    with CaptureQueriesContext(connection) as page_small:
        client.get(f"/admin/quiz_statistics/{graded_quiz.pk}/")
    assert len(page_small) < 40


def test_the_statistics_screen_shows_the_numbers(graded_quiz, client):
    login(client, roles.SECURITY_MANAGER)
    index = client.get("/admin/quiz_statistics/").content.decode()
    detail = client.get(f"/admin/quiz_statistics/{graded_quiz.pk}/").content.decode()

    assert graded_quiz.course.title in index and "50,0 %" in index
    assert "80,0 %" in detail and "20,0 %" in detail  # facilities of Q1 and Q4
    assert "0,72" in detail and "0,51" in detail  # discriminations
    assert "velmi snadná" not in detail  # facility 0.8 is fine


def test_questions_and_quizzes_with_attempts_cannot_be_deleted(quiz, assignment, employee, client):
    attempt = services.attempt_start(user=employee, quiz=quiz)
    used = attempt.items.first().question
    unused = Question.objects.exclude(
        pk__in=attempt.items.values_list("question_id", flat=True)
    ).first()
    login(client, roles.COURSE_EDITOR)

    refused = client.post(f"/admin/questions/delete/{used.pk}/", follow=True)
    client.post(f"/admin/quizzes/delete/{quiz.pk}/")
    client.post(f"/admin/question_banks/delete/{used.bank_id}/")
    deleted = client.post(f"/admin/questions/delete/{unused.pk}/")

    assert "Označte ji raději jako neaktivní" in refused.content.decode()
    assert Question.objects.filter(pk=used.pk).exists()
    assert Quiz.objects.filter(pk=quiz.pk).exists()
    assert deleted.status_code == 302
    assert not Question.objects.filter(pk=unused.pk).exists()
