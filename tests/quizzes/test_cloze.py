"""Cloze questions with several gaps (Moodle's multianswer): graded per gap, imported, keyless.

Each gap is graded as a question of its own type, and the question's points are the gaps'
weighted mean, as in Moodle. The take page shows inputs and selects in the text, and nothing
of the key.
"""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from quizzes import grading, services
from quizzes.importers import parse_questions
from quizzes.models import Attempt, Choice, Question, Quiz, QuizPool

CLOZE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/Hesla</text></category></question>
  <question type="cloze">
    <name><text>Bezpečné heslo</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Heslo má mít nejméně {2:NUMERICAL:=12:0#Správně~%50%10:1#Málo} znaků,
nesmí obsahovat {1:SHORTANSWER:=jméno#Ano~%50%příjmení#Také~*#Ne} a ukládá se do
{1:MULTICHOICE:=správce hesel#Ano~sešitu#Ne~e-mailu#Ne}.</p>]]></text>
    </questiontext>
    <generalfeedback format="html"><text>Heslo chrání účet.</text></generalfeedback>
  </question>
  <question type="cloze">
    <name><text>Regulární výraz</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>{1:SHORTANSWER:=a} a {1:REGEXP:=b.*}</p>]]></text>
    </questiontext>
  </question>
</quiz>
"""

pytestmark = pytest.mark.django_db


# --- Grading, pure --------------------------------------------------------------------------


def cloze(*gaps, choices):
    return grading.Question(id="q", type=grading.CLOZE, choices=tuple(choices), gaps=gaps)


PASSWORD = cloze(
    grading.Gap(grading.NUMERICAL, 2),
    grading.Gap(grading.SHORTANSWER, 1),
    grading.Gap(grading.SINGLE, 1),
    choices=[
        grading.Choice("n12", 1, "12", tolerance=Decimal(0), gap=1),
        grading.Choice("n10", Decimal("0.5"), "10", tolerance=Decimal(1), gap=1),
        grading.Choice("jmeno", 1, "jméno", gap=2),
        grading.Choice("prijmeni", Decimal("0.5"), "příjmení", gap=2),
        grading.Choice("spravce", 1, "správce hesel", gap=3),
        grading.Choice("sesit", 0, "sešitu", gap=3),
    ],
)


def test_each_gap_is_graded_by_its_type_and_weighted():
    right = grading.grade_question(PASSWORD, {1: "12", 2: "Jméno", 3: ["spravce"]})
    assert (right.points, right.state) == (Decimal(1), "correct")
    # 11 is within 10's tolerance (half), "příjmení" is half, the notebook is wrong:
    # (2 x 0.5 + 1 x 0.5 + 1 x 0) / 4.
    partly = grading.grade_question(PASSWORD, {1: "11", 2: "příjmení", 3: ["sesit"]})
    assert [g.points for g in partly.gaps] == [Decimal("0.5"), Decimal("0.5"), 0]
    assert (partly.points, partly.state) == (Decimal("0.375"), "partial")
    only_one = grading.grade_question(PASSWORD, {3: ["spravce"]})
    assert only_one.points == Decimal("0.25") and only_one.answered
    assert grading.grade_question(PASSWORD, {}).state == "unanswered"


def test_a_multiple_response_gap_adds_its_weights_and_never_goes_below_zero():
    question = cloze(
        grading.Gap(grading.MULTIPLE),
        choices=[
            grading.Choice("a", Decimal("0.5"), "A", gap=1),
            grading.Choice("b", Decimal("0.5"), "B", gap=1),
            grading.Choice("c", -1, "C", gap=1),
        ],
    )
    assert grading.grade_question(question, {1: ["a"]}).points == Decimal("0.5")
    assert grading.grade_question(question, {1: ["a", "b"]}).points == 1
    assert grading.grade_question(question, {1: ["a", "c"]}).points == 0


@pytest.mark.parametrize(
    "answer",
    [{4: "x"}, {3: ["jmeno"]}, {3: ["spravce", "sesit"]}, {2: ["jmeno"]}],
    ids=["no such gap", "another gap's choice", "two in a single gap", "choice for text"],
)
def test_answers_the_form_cannot_produce_are_refused(answer):
    with pytest.raises(grading.GradingError):
        grading.grade_question(PASSWORD, answer)


gap_results = st.lists(
    st.tuples(st.integers(min_value=0, max_value=5), st.booleans(), st.booleans()),
    min_size=1,
    max_size=6,
)


@given(gap_results)
def test_points_are_the_weighted_mean_of_the_gaps(gaps):
    """Property: for gaps of any weight, right, wrong or unanswered, the points are the
    weighted mean of the gaps' own points, within 0..1, and full only if all weighing gaps are
    right."""
    question = cloze(
        *(grading.Gap(grading.SHORTANSWER, weight) for weight, _, _ in gaps),
        choices=[grading.Choice(n, 1, "ano", gap=n) for n in range(1, len(gaps) + 1)],
    )
    answer = {
        n: ("ano" if right else "ne") for n, (_, right, answered) in enumerate(gaps, 1) if answered
    }
    result = grading.grade_question(question, answer)
    total = sum(weight for weight, _, _ in gaps)
    earned = sum(w for w, right, answered in gaps if right and answered)
    expected = (Decimal(earned) / total).quantize(Decimal("0.0000001")) if total else 0
    assert result.points == (1 if expected >= Decimal("0.999999") else expected)
    assert 0 <= result.points <= 1
    assert [g.points for g in result.gaps] == [
        1 if right and answered else 0 for _, right, answered in gaps
    ]
    assert result.correct == (total > 0 and earned == total)


# --- Import ---------------------------------------------------------------------------------


def test_a_three_gap_cloze_is_imported_and_one_with_a_gap_we_cannot_grade_is_reported():
    report = services.questions_import(bank_name="Hesla", data=CLOZE_XML, filename="c.xml")

    assert report.created == 1
    question = Question.objects.get(name="Bezpečné heslo")
    assert question.type == "cloze"
    assert "{#1} znaků" in question.text and "{#2}" in question.text and "{#3}." in question.text
    assert "NUMERICAL" not in question.text and "správce" not in question.text
    assert question.gaps == [
        {"type": "numerical", "weight": 2, "ignore_case": True},
        {"type": "shortanswer", "weight": 1, "ignore_case": True},
        {"type": "single", "weight": 1, "ignore_case": True},
    ]
    stored = [
        (c.gap, c.plain_text, c.fraction, c.tolerance)
        for c in question.choices.order_by("sort_order")
    ]
    assert stored == [
        (1, "12", Decimal(1), Decimal(0)),
        (1, "10", Decimal("0.5"), Decimal(1)),
        (2, "jméno", Decimal(1), None),
        (2, "příjmení", Decimal("0.5"), None),
        (2, "*", Decimal(0), None),
        (3, "správce hesel", Decimal(1), None),
        (3, "sešitu", Decimal(0), None),
        (3, "e-mailu", Decimal(0), None),
    ]
    assert [(s.name, s.qtype, s.position) for s in report.skipped] == [
        ("Regulární výraz", "cloze", 2)
    ]
    assert "cannot be graded here" in report.skipped[0].reason


def test_the_loss_report_names_the_unsupported_gap_in_czech(client, site):
    from django.utils import translation

    result = parse_questions(CLOZE_XML, "c.xml")
    with translation.override("cs"):
        reason = translation.gettext(result.skipped[0].reason)
    assert reason == (
        "Mezera doplňovací otázky (cloze) je typu, který zde nelze hodnotit; "
        "otázka byla přeskočena."
    )


# --- Taking it ------------------------------------------------------------------------------


@pytest.fixture
def cloze_quiz(course):
    services.questions_import(bank_name="Hesla", data=CLOZE_XML, filename="c.xml")
    question = Question.objects.get(name="Bezpečné heslo")
    quiz = Quiz.objects.create(course=course, questions_per_attempt=1, pass_mark=60)
    QuizPool.objects.create(quiz=quiz, bank=question.bank)
    return quiz, question


def take(client, attempt):
    response = client.get(f"/quizzes/attempts/{attempt.pk}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_take_page_shows_the_gaps_in_the_text_and_no_answer_key(
    cloze_quiz, assignment, employee, client
):
    quiz, question = cloze_quiz
    attempt = services.attempt_start(user=employee, quiz=quiz)
    client.force_login(employee)
    page = take(client, attempt)
    text = page.find(id=f"q{question.pk}-text")
    # Tokens and names are random hex and ids; what is left is what a learner could read.
    html = re.sub(
        r'(value|name|id|for|data-[a-z-]+|aria-(?:describedby|labelledby|controls))="[^"]*"',
        "",
        str(page.find(id="quiz-form")),
    )
    # The accepted typed answers, the tolerances, the weights and the markers never appear.
    for secret in ("12", "jméno", "příjmení", "Správně", "Také", "{#", "100", "0.5"):
        assert secret not in html, secret
    fields = text.select("input, select")
    assert [f.get("name") for f in fields] == [f"q-{question.pk}-g{n}" for n in (1, 2, 3)]
    assert [f.get("aria-label") for f in fields] == [
        "Mezera 1 (číslo)",
        "Mezera 2",
        "Mezera 3",
    ]
    options = fields[2].find_all("option")
    assert options[0]["value"] == "" and len(options) == 4
    assert sorted(o.get_text() for o in options[1:]) == ["e-mailu", "sešitu", "správce hesel"]
    ids = {str(pk) for pk in Choice.objects.values_list("pk", flat=True)}
    assert not any(o["value"] in ids for o in options)
    # The text around the gaps reads as written.
    assert "znaků," in text.get_text() and "Heslo má mít nejméně" in text.get_text()


def _post(page, question, number, text, choice):
    fields = page.find(id=f"q{question.pk}-text").select("input, select")
    option = next(o for o in fields[2].find_all("option") if o.get_text() == choice)
    return {
        "csrfmiddlewaretoken": "x",
        fields[0]["name"]: number,
        fields[1]["name"]: text,
        fields[2]["name"]: option["value"],
    }


def test_the_server_grades_each_gap_and_stores_the_answers(
    cloze_quiz, assignment, employee, client
):
    quiz, question = cloze_quiz
    attempt = services.attempt_start(user=employee, quiz=quiz)
    client.force_login(employee)
    data = _post(take(client, attempt), question, "10,5", "Příjmení", "správce hesel")

    response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    attempt = Attempt.objects.get()
    item = attempt.items.select_related("response").get()
    # (2 x 0.5 + 1 x 0.5 + 1 x 1) / 4 = 62.5 %: passed at 60.
    assert item.points == Decimal("0.625")
    assert (attempt.score, attempt.passed) == (Decimal("62.50"), True)
    spravce = Choice.objects.get(question=question, gap=3, fraction=1)
    assert item.response.selected == {"1": "10,5", "2": "Příjmení", "3": [spravce.pk]}
    result = client.get(f"/quizzes/attempts/{attempt.pk}/result/").content.decode()
    assert "Příjmení" in result and "10,5" in result and "správce hesel" in result


def test_a_forged_gap_is_refused_and_nothing_is_graded(cloze_quiz, assignment, employee, client):
    quiz, question = cloze_quiz
    attempt = services.attempt_start(user=employee, quiz=quiz)
    client.force_login(employee)
    data = _post(take(client, attempt), question, "12", "jméno", "sešitu")
    data[f"q-{question.pk}-g4"] = "navíc"
    response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)
    assert response.status_code == 400
    assert Attempt.objects.get().submitted_at is None


def test_the_result_reveals_the_right_answers_only_when_the_quiz_does(
    cloze_quiz, assignment, employee, client
):
    quiz, question = cloze_quiz
    Quiz.objects.filter(pk=quiz.pk).update(reveal_answers="after_last_attempt", max_attempts=3)
    attempt = services.attempt_start(user=employee, quiz=quiz)
    client.force_login(employee)
    data = _post(take(client, attempt), question, "1", "heslo", "sešitu")
    assert client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data).status_code == 302
    result = BeautifulSoup(
        client.get(f"/quizzes/attempts/{attempt.pk}/result/").content.decode(), "html.parser"
    )
    shown = result.select_one(".quiz-cloze").get_text(" ", strip=True)
    assert "heslo" in shown and "sešitu" in shown
    for secret in ("jméno", "správce hesel", "12"):
        assert secret not in shown
