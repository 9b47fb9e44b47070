"""Short answer, numerical, matching, ordering and essay questions (issue 14 point 2).

The take page shows each without its key, the server grades what the form sends, and both
file formats import each type from snippets written here.
"""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from quizzes import services
from quizzes.importers import parse_questions
from quizzes.models import Attempt, Question
from tests.quizzes.question_types import make_typed_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def typed(course):
    return make_typed_quiz(course, essay=False)


def take_page(client, attempt):
    response = client.get(f"/quizzes/attempts/{attempt.pk}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def fieldset_of(page, question):
    text = page.find(id=f"q{question.pk}-text")
    return text.find_parent("fieldset")


def test_the_take_page_shows_every_type_with_a_label_and_no_answer_key(
    typed, assignment, employee, client
):
    quiz, questions = typed
    attempt = services.attempt_start(user=employee, quiz=quiz)
    client.force_login(employee)
    page = take_page(client, attempt)
    html = str(page)
    # Accepted answers, the number and its tolerance are never sent.
    for secret in ("Plzeň", "Plzen", "3.14", "3,14", "0.005", "Správně", "Jinde"):
        assert secret not in html
    for field in page.select("form#quiz-form input:not([type=hidden]), select, textarea"):
        assert page.find("label", attrs={"for": field["id"]}), field
    # Matching: every item offers the same options (the distractor too), in one order, so
    # nothing tells which belongs to which; their values are tokens, not the answers.
    matching = fieldset_of(page, questions["matching"])
    selects = matching.find_all("select")
    assert len(selects) == 3
    offered = [[o.get_text() for o in s.find_all("option")][1:] for s in selects]
    assert offered[0] == offered[1] == offered[2]
    assert sorted(offered[0]) == ["Phishing", "Smishing", "Tailgating", "Vishing"]
    assert all(o["value"] not in offered[0] for o in selects[0].find_all("option"))
    # Ordering: the items are not shown in their right order.
    ordering = fieldset_of(page, questions["ordering"])
    shown = [label.get_text(strip=True) for label in ordering.find_all("label")]
    assert shown != ["Neotvírat přílohu", "Nahlásit bezpečnostnímu týmu", "Smazat e-mail"]
    numerical = fieldset_of(page, questions["numerical"]).find("input")
    assert numerical["inputmode"] == "decimal"


def _form(page, questions, *, right=True):
    """The POST the take page sends, filled in from what the page shows."""
    data = {"csrfmiddlewaretoken": "x"}
    data[f"q-{questions['shortanswer'].pk}"] = "  plzen " if right else "Praha"
    data[f"q-{questions['numerical'].pk}"] = "3,14" if right else "3,2"
    pairs = {"E-mail s odkazem": "Phishing", "Telefonát „z IT“": "Vishing"}
    pairs["SMS od „banky“"] = "Smishing" if right else "Tailgating"
    for select in fieldset_of(page, questions["matching"]).find_all("select"):
        label = page.find("label", attrs={"for": select["id"]}).get_text(strip=True)
        option = next(o for o in select.find_all("option") if o.get_text() == pairs[label])
        data[select["name"]] = option["value"]
    order = ["Neotvírat přílohu", "Nahlásit bezpečnostnímu týmu", "Smazat e-mail"]
    for select in fieldset_of(page, questions["ordering"]).find_all("select"):
        label = page.find("label", attrs={"for": select["id"]}).get_text(strip=True)
        data[select["name"]] = str(order.index(label) + 1)
    return data


def test_right_answers_of_every_type_score_100(typed, assignment, employee, client):
    quiz, questions = typed
    attempt = services.attempt_start(user=employee, quiz=quiz)
    client.force_login(employee)
    data = _form(take_page(client, attempt), questions)

    response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (Decimal(100), True)
    by_type = {i.question.type: i for i in attempt.items.select_related("question", "response")}
    assert by_type["shortanswer"].response.text == "plzen"
    assert by_type["numerical"].response.text == "3,14"
    result = client.get(f"/quizzes/attempts/{attempt.pk}/result/").content.decode()
    assert "plzen" in result and "Správně." in result


def test_wrong_answers_score_by_type(typed, assignment, employee, client):
    quiz, questions = typed
    attempt = services.attempt_start(user=employee, quiz=quiz)
    client.force_login(employee)
    data = _form(take_page(client, attempt), questions, right=False)
    assert client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data).status_code == 302
    points = {
        i.question.type: i.points for i in Attempt.objects.get().items.select_related("question")
    }
    # Matching is partial: two of three pairs right; ordering right, the typed ones wrong.
    assert points["shortanswer"] == points["numerical"] == 0
    assert points["matching"] == Decimal("0.6666667")
    assert points["ordering"] == 1


def test_a_forged_matching_value_is_refused_and_nothing_is_graded(
    typed, assignment, employee, client
):
    quiz, questions = typed
    attempt = services.attempt_start(user=employee, quiz=quiz)
    client.force_login(employee)
    data = _form(take_page(client, attempt), questions)
    key = next(k for k in data if k.startswith(f"q-{questions['matching'].pk}-"))
    data[key] = "Phishing"  # the answer itself instead of the attempt's token
    response = client.post(f"/quizzes/attempts/{attempt.pk}/submit/", data)
    assert response.status_code == 400
    assert Attempt.objects.get().submitted_at is None


GIFT = """
::Město:: Kde sídlí magistrát? {=Plzeň =%50%Plzen#Bez háčků}

::Pí:: Kolik je pí? {#3.14:0.01}

::Rozsah:: Číslo od 1 do 5? {#1..5}

::Útoky:: Přiřaďte. {=E-mail -> Phishing =Telefon -> Vishing = -> Tailgating}

::Esej:: Popište podvodný e-mail. {}
"""

XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="shortanswer"><name><text>Město</text></name>
    <questiontext format="html"><text>Kde sídlí magistrát?</text></questiontext>
    <usecase>1</usecase>
    <answer fraction="100"><text>Plzeň</text><feedback><text>Ano</text></feedback></answer>
  </question>
  <question type="numerical"><name><text>Pí</text></name>
    <questiontext format="html"><text>Kolik je pí?</text></questiontext>
    <answer fraction="100"><text>3.14</text><tolerance>0.01</tolerance></answer>
  </question>
  <question type="matching"><name><text>Útoky</text></name>
    <questiontext format="html"><text>Přiřaďte.</text></questiontext>
    <subquestion format="html">
      <text>E-mail</text><answer><text>Phishing</text></answer></subquestion>
    <subquestion format="html">
      <text>Telefon</text><answer><text>Vishing</text></answer></subquestion>
    <subquestion format="html">
      <text></text><answer><text>Tailgating</text></answer></subquestion>
  </question>
  <question type="ordering"><name><text>Kroky</text></name>
    <questiontext format="html"><text>Seřaďte.</text></questiontext>
    <selecttype>ALL</selecttype><gradingtype>ABSOLUTE_POSITION</gradingtype>
    <answer fraction="1"><text>Neotvírat</text></answer>
    <answer fraction="2"><text>Nahlásit</text></answer>
    <answer fraction="3"><text>Smazat</text></answer>
  </question>
  <question type="essay"><name><text>Esej</text></name>
    <questiontext format="html"><text>Popište podvodný e-mail.</text></questiontext>
  </question>
  <question type="cloze"><name><text>Jedna mezera</text></name>
    <questiontext format="html">
      <text>Hlavní město je {1:SHORTANSWER:=Praha#Ano~*#Ne}.</text></questiontext>
  </question>
</quiz>
"""


def test_gift_imports_short_answer_numerical_ranges_matching_and_essay():
    result = parse_questions(GIFT, "otazky.gift")
    assert result.skipped == []
    city, pi, span, attacks, essay = result.questions
    assert [(c.text_html, c.fraction, c.feedback_html) for c in city.choices] == [
        ("Plzeň", Decimal(1), ""),
        ("Plzen", Decimal("0.5"), "Bez háčků"),
    ]
    assert [(c.text_html, c.tolerance) for c in pi.choices] == [("3.14", Decimal("0.01"))]
    assert [(c.text_html, c.tolerance) for c in span.choices] == [("3", Decimal(2))]
    assert [(c.text_html, c.match) for c in attacks.choices] == [
        ("E-mail", "Phishing"),
        ("Telefon", "Vishing"),
        ("", "Tailgating"),
    ]
    assert (essay.type, essay.choices) == ("essay", [])


def test_moodle_xml_imports_each_type_and_a_one_gap_cloze():
    result = parse_questions(XML, "otazky.xml")
    assert result.skipped == []
    types = [(q.name, q.type) for q in result.questions]
    assert types == [
        ("Město", "shortanswer"),
        ("Pí", "numerical"),
        ("Útoky", "matching"),
        ("Kroky", "ordering"),
        ("Esej", "essay"),
        ("Jedna mezera", "shortanswer"),
    ]
    city, pi, attacks, steps, _, cloze = result.questions
    assert city.ignore_case is False  # usecase 1
    assert pi.choices[0].tolerance == Decimal("0.01")
    assert [c.match for c in attacks.choices] == ["Phishing", "Vishing", "Tailgating"]
    assert [c.text_html for c in steps.choices] == ["Neotvírat", "Nahlásit", "Smazat"]
    assert cloze.text_html == "Hlavní město je _____."
    assert [(c.text_html, c.fraction) for c in cloze.choices] == [
        ("Praha", Decimal(1)),
        ("*", Decimal(0)),
    ]
    assert cloze.note


def test_imported_questions_of_every_type_are_stored_with_their_keys():
    report = services.questions_import(bank_name="Typy", data=XML, filename="otazky.xml")
    assert report.created == 6 and len(report.notes) == 1
    steps = Question.objects.get(name="Kroky")
    assert [c.plain_text for c in steps.choices.order_by("sort_order")] == [
        "Neotvírat",
        "Nahlásit",
        "Smazat",
    ]
    assert steps.mode == "partial"
    assert Question.objects.get(name="Město").ignore_case is False
