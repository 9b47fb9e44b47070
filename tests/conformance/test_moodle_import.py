"""Moodle's own question files (external conformance cases) imported into banks."""

from decimal import Decimal

import pytest

from quizzes import services
from quizzes.importers import ImportFileError
from quizzes.models import Question, QuestionBank
from tests.conformance.conftest import SHARED_FIXTURES

pytestmark = pytest.mark.django_db

FIXTURES = SHARED_FIXTURES / "moodle"

# fixture -> (questions created, skipped (name, Moodle type, position, line)) or the refusal line
EXPECTED = {
    "questions.gift.txt": (
        5,
        [
            ("Q8", "essay", 1, 2),
            ("Moodle activities", "match", 2, 5),
            ("Q5", "numerical", 5, 31),
            ("Shortanswer", "shortanswer", 6, 34),
        ],
    ),
    "questions_in_category.gift.txt": (
        2,
        [("Moodle activities", "match", 1, 5), ("Moodle user", "shortanswer", 3, 22)],
    ),
    "nested_categories_with_questions.xml": (4, [("Kappa Essay Question", "essay", 2, 55)]),
    "category_with_description.xml": (1, []),
    "html_chars_in_idnumbers.xml": (1, []),
    "multianswer.xml": (0, [("cloze with images", "cloze", 1, 12)]),
    "broken_cloze_questions.xml": (
        0,
        [
            ("Multianswer question without subquestions", "cloze", 1, 4),
            ("Multichoice subquestion without choices", "cloze", 2, 20),
            ("Multichoice subquestion with only one choice", "cloze", 3, 36),
            ("Multichoice subquestion with no completely correct answer", "cloze", 4, 52),
            ("Numerical subquestion with buggy answer", "cloze", 5, 68),
        ],
    ),
}
REFUSED = {"error_invalid_grades.xml": 38}


def test_every_fixture_is_imported_here():
    files = {p.name for p in FIXTURES.iterdir() if p.name != "README.md"}
    assert files == set(EXPECTED) | set(REFUSED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_imports_supported_questions_and_reports_the_rest(name):
    created, skipped = EXPECTED[name]
    report = services.questions_import(
        bank_name="Moodle", data=(FIXTURES / name).read_bytes(), filename=name
    )
    assert report.created == created == Question.objects.filter(bank=report.bank).count()
    assert [(s.name, s.qtype, s.position, s.line) for s in report.skipped] == skipped
    for question in Question.objects.prefetch_related("choices"):
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
    name = "questions.gift.txt"
    services.questions_import(bank_name="GIFT", data=(FIXTURES / name).read_bytes(), filename=name)
    colours = Question.objects.get(name="colours")
    assert (colours.type, colours.mode) == ("multiple", "partial")
    fractions = sorted(colours.choices.values_list("fraction", flat=True))
    assert fractions[0] == Decimal(-1) and fractions[-1] == Decimal("0.5")
    q1 = Question.objects.get(name="Q1")
    assert "Hitchiker" in q1.general_feedback
    assert list(q1.choices.values_list("text", flat=True)) == ["Pravda", "Nepravda"]
    assert "You gave the right answer." in q1.choices.get(fraction=1).feedback

    nested = "nested_categories_with_questions.xml"
    services.questions_import(
        bank_name="XML", data=(FIXTURES / nested).read_bytes(), filename=nested
    )
    assert Question.objects.get(name="Lambda Question").topic == "Iota / Kappa / Lambda"
