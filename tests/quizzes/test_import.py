"""Importing question files into banks: the project's own fixtures, the command and the admin."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from organisation import roles
from quizzes import services
from quizzes.grading import CHOICE_TYPES
from quizzes.importers import ImportFileError
from quizzes.models import Question, QuestionBank
from tests import factories

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"

# fixture -> (questions created, skipped (name, Moodle type, position, line)) or the refusal line
EXPECTED = {
    # Essay, matching, numerical and short answer are question types of their own now.
    "otazky.gift.txt": (9, []),
    "otazky_v_kategorii.gift.txt": (4, []),
    "vnorene_kategorie.xml": (5, []),
    "kategorie_s_popisem.xml": (1, []),
    "html_v_idnumber.xml": (1, []),
    # Two gaps, each of a type we grade: one cloze question.
    "cloze.xml": (1, []),
    "razeni_moodle.xml": (4, []),
    "vadne_cloze.xml": (
        0,
        [
            ("Doplňovačka bez podotázek", "cloze", 1, 3),
            ("Výběr bez voleb", "cloze", 2, 17),
            ("Výběr s jedinou volbou", "cloze", 3, 31),
            ("Výběr bez zcela správné odpovědi", "cloze", 4, 45),
            ("Číselná podotázka s chybou", "cloze", 5, 59),
        ],
    ),
}
REFUSED = {"chybne_znamky.xml": 21}


def test_every_fixture_is_imported_here():
    files = {p.name for p in FIXTURES.iterdir()}
    assert files == set(EXPECTED) | set(REFUSED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_imports_supported_questions_and_reports_the_rest(name):
    created, skipped = EXPECTED[name]
    report = services.questions_import(
        bank_name="Moodle", data=(FIXTURES / name).read_bytes(), filename=name
    )
    assert report.created == created == Question.objects.filter(bank=report.bank).count()
    assert [(s.name, s.qtype, s.position, s.line) for s in report.skipped] == skipped
    for question in Question.objects.filter(type__in=CHOICE_TYPES).prefetch_related("choices"):
        assert question.choices.count() >= 2
        assert max(c.fraction for c in question.choices.all()) > 0


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_malformed_fixture_is_refused_with_its_line_and_writes_nothing(name):
    with pytest.raises(ImportFileError) as refused:
        services.questions_import(
            bank_name="Nová banka", data=(FIXTURES / name).read_bytes(), filename=name
        )
    assert [p.line for p in refused.value.problems] == [REFUSED[name]]
    assert not QuestionBank.objects.exists() and not Question.objects.exists()


def test_import_keeps_categories_feedback_and_partial_credit():
    name = "otazky.gift.txt"
    services.questions_import(bank_name="GIFT", data=(FIXTURES / name).read_bytes(), filename=name)
    colours = Question.objects.get(name="barvy")
    assert (colours.type, colours.mode) == ("multiple", "partial")
    fractions = sorted(colours.choices.values_list("fraction", flat=True))
    assert fractions[0] == Decimal(-1) and fractions[-1] == Decimal("0.5")
    q1 = Question.objects.get(name="P1")
    assert "směrnici o kybernetické bezpečnosti" in q1.general_feedback
    assert list(q1.choices.values_list("text", flat=True)) == ["Pravda", "Nepravda"]
    assert "heslo patří jen vám" in q1.choices.get(fraction=1).feedback

    nested = "vnorene_kategorie.xml"
    services.questions_import(
        bank_name="XML", data=(FIXTURES / nested).read_bytes(), filename=nested
    )
    assert (
        Question.objects.get(name="Otázka Správci hesel").topic
        == "Bezpečnost / Hesla / Správci hesel"
    )


def test_czech_text_survives_in_gift():
    gift = (
        "$CATEGORY: $course$/top/Phishing/Podvodné e-maily\n\n"
        "::Příliš žluťoučký kůň::[html]<p>Co uděláte s <b>podezřelou</b> přílohou?</p>{\n"
        "=Nahlásím ji správci IT#Správně, ďábelsky ťukající útočník neuspěl.\n"
        "~Otevřu ji#Ne, ěščřžýáíéůúťďň.\n}\n"
    )
    services.questions_import(bank_name="Čeština", data=gift.encode(), filename="otazky.gift")
    question = Question.objects.get()
    assert question.name == "Příliš žluťoučký kůň"
    assert question.topic == "Phishing / Podvodné e-maily"
    assert "<b>podezřelou</b>" in question.text
    # Stored as the rich-text editor saves it (one paragraph).
    assert question.choices.get(fraction=0).feedback == "<p>Ne, ěščřžýáíéůúťďň.</p>"
    assert QuestionBank.objects.get().name == "Čeština"


def test_html_from_a_file_is_sanitised():
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>Škodlivý kód</text></name>
    <questiontext format="html">
      <text><![CDATA[<p onclick="x()">Otázka<script>alert(1)</script></p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<a href="javascript:alert(1)">odkaz</a>]]></text>
    </generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html">
      <text><![CDATA[Ano<img src="x" onerror="alert(1)">]]></text>
      <feedback format="html">
        <text><![CDATA[<iframe src="https://example.com"></iframe>Dobře]]></text>
      </feedback>
    </answer>
    <answer fraction="0" format="html"><text>Ne</text></answer>
  </question>
</quiz>"""
    services.questions_import(bank_name="HTML", data=xml.encode(), filename="x.xml")
    question = Question.objects.get()
    stored = " ".join(
        [question.text, question.general_feedback]
        + [t for c in question.choices.all() for t in (c.text, c.feedback)]
    )
    for dangerous in ("script", "onclick", "onerror", "javascript:", "iframe"):
        assert dangerous not in stored
    assert "<p>Otázka</p>" in question.text and "Dobře" in stored


def test_importing_the_same_file_twice_adds_nothing_the_second_time():
    name = "otazky_v_kategorii.gift.txt"
    data = (FIXTURES / name).read_bytes()
    first = services.questions_import(bank_name="Dvakrát", data=data, filename=name)
    second = services.questions_import(bank_name="Dvakrát", data=data, filename=name)
    assert (first.created, second.created, len(second.duplicates)) == (4, 0, 4)
    assert Question.objects.count() == 4


def test_a_refused_file_leaves_an_existing_bank_unchanged():
    bank = factories.QuestionBankFactory(name="Stávající")
    factories.make_question(bank)
    broken = "::A:: Otázka {=ano ~ne}\n::B:: Druhá {~%33%ano ~ne}\n"
    with pytest.raises(ImportFileError) as refused:
        services.questions_import(bank_name="Stávající", data=broken.encode(), filename="x.gift")
    assert refused.value.problems[0].line == 2
    assert Question.objects.filter(bank=bank).count() == 1


# --- The command ------------------------------------------------------------------------------


def test_command_imports_and_reports_skipped_questions():
    out = io.StringIO()
    call_command("import_questions", str(FIXTURES / "otazky.gift.txt"), bank="Moodle", stdout=out)
    assert "9 questions imported into 'Moodle'; 0 skipped" in out.getvalue()
    assert QuestionBank.objects.get(name="Moodle").questions.count() == 9
    out = io.StringIO()
    call_command("import_questions", str(FIXTURES / "vadne_cloze.xml"), bank="Cloze", stdout=out)
    text = out.getvalue()
    assert "0 questions imported into 'Cloze'; 5 skipped" in text
    assert "skipped 'Doplňovačka bez podotázek' (cloze, question 1, line 3)" in text


def test_command_refuses_a_malformed_file_with_line_and_reason():
    with pytest.raises(CommandError) as refused:
        call_command("import_questions", str(FIXTURES / "chybne_znamky.xml"), bank="Moodle")
    assert "line 21:" in str(refused.value)
    assert "nothing was imported" in str(refused.value)
    assert not QuestionBank.objects.exists()


def test_command_needs_a_readable_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("import_questions", str(tmp_path / "missing.xml"), bank="Moodle")


# --- The admin screen -------------------------------------------------------------------------


@pytest.fixture
def editor_client(client, site):
    client.force_login(factories.UserFactory(roles=[roles.COURSE_EDITOR]))
    return client


def upload(name: str, data: bytes | None = None):
    return SimpleUploadedFile(name, data if data is not None else (FIXTURES / name).read_bytes())


def test_admin_import_reports_created_and_skipped(editor_client):
    response = editor_client.post(
        "/admin/quiz_import/",
        {"file": upload("otazky.gift.txt"), "new_bank": "Z Moodlu"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "9 otázek bylo přidáno do banky „Z Moodlu“." in page
    assert QuestionBank.objects.get(name="Z Moodlu").questions.count() == 9
    response = editor_client.post(
        "/admin/quiz_import/", {"file": upload("vadne_cloze.xml"), "new_bank": "Doplňovačky"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Doplňovačka bez podotázek" in page and "cloze" in page


def test_admin_import_refusal_names_the_line_and_imports_nothing(editor_client):
    bank = factories.QuestionBankFactory(name="Existující")
    response = editor_client.post(
        "/admin/quiz_import/", {"file": upload("chybne_znamky.xml"), "bank": bank.pk}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "nic nebylo importováno" in page
    assert "<td>21</td>" in page
    assert "33% není jednou ze známek Moodlu" in page
    assert not bank.questions.exists()


def test_admin_import_form_needs_exactly_one_bank(editor_client):
    response = editor_client.post("/admin/quiz_import/", {"file": upload("cloze.xml")})
    assert response.status_code == 200
    assert "Vyberte banku, nebo zadejte název nové" in response.content.decode()
    assert not QuestionBank.objects.exists()
