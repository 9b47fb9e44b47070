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
    # Every question of Moodle's GIFT test file has a type here now: nothing is lost.
    "questions.gift.txt": (9, []),
    "questions_in_category.gift.txt": (4, []),
    "nested_categories_with_questions.xml": (5, []),
    "category_with_description.xml": (1, []),
    "html_chars_in_idnumbers.xml": (1, []),
    # Five gaps (four choices, one short answer): one cloze question, graded gap by gap.
    "multianswer.xml": (1, []),
    "broken_cloze_questions.xml": (
        0,
        [
            ("Multianswer question without subquestions", "cloze", 1, 4, "no gap"),
            ("Multichoice subquestion without choices", "cloze", 2, 20, "would refuse"),
            ("Multichoice subquestion with only one choice", "cloze", 3, 36, "would refuse"),
            (
                "Multichoice subquestion with no completely correct answer",
                "cloze",
                4,
                52,
                "would refuse",
            ),
            ("Numerical subquestion with buggy answer", "cloze", 5, 68, "would refuse"),
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
    assert [(s.name, s.qtype, s.position, s.line) for s in report.skipped] == [
        row[:4] for row in skipped
    ]
    for reported, row in zip(report.skipped, skipped, strict=True):
        assert row[4] in reported.reason
    for question in Question.objects.prefetch_related("choices"):
        choices = list(question.choices.all())
        if question.type == "essay":
            assert not choices
        elif question.type in ("matching", "ordering"):
            assert len([c for c in choices if c.text]) >= 2
        elif question.type in ("shortanswer", "numerical"):
            assert max(c.fraction for c in choices) == 1
        elif question.type == "cloze":
            # Every gap has its answers and one that is fully right.
            for number in range(1, len(question.gaps) + 1):
                assert max(c.fraction for c in choices if c.gap == number) == 1
        else:
            assert len(choices) >= 2
            assert max(c.fraction for c in choices) > 0


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

    matching = Question.objects.get(name="Moodle activities")
    pairs = {c.plain_text: c.match for c in matching.choices.all()}
    assert pairs["An activity supporting asynchronous discussions."] == "Forum"
    assert pairs[""] == "Chat"  # a distractor: offered, never asked
    numerical = Question.objects.get(name="Q5").choices.order_by("sort_order")
    assert [(c.plain_text, c.tolerance, c.fraction) for c in numerical] == [
        ("3", Decimal(2), Decimal(1)),
        ("*", Decimal(0), Decimal(0)),
    ]
    short = Question.objects.get(name="Shortanswer")
    assert short.ignore_case is True
    assert [(c.plain_text, c.fraction) for c in short.choices.order_by("sort_order")] == [
        ("Frog", Decimal(1)),
        ("Cat", Decimal("0.5")),
        ("*", Decimal(0)),
    ]

    nested = "nested_categories_with_questions.xml"
    services.questions_import(
        bank_name="XML", data=(FIXTURES / nested).read_bytes(), filename=nested
    )
    assert Question.objects.get(name="Lambda Question").topic == "Iota / Kappa / Lambda"


def test_moodle_five_gap_cloze_keeps_its_gaps_types_and_feedback():
    name = "multianswer.xml"
    services.questions_import(bank_name="Cloze", data=(FIXTURES / name).read_bytes(), filename=name)
    question = Question.objects.get(name="cloze with images")
    assert [g["type"] for g in question.gaps] == ["single"] * 4 + ["shortanswer"]
    for number in range(1, 6):
        assert f"{{#{number}}}" in question.text
    assert "MULTICHOICE" not in question.text and "Marseille" not in question.text
    short = question.choices.filter(gap=5).order_by("sort_order")
    assert [(c.plain_text, c.fraction) for c in short] == [
        ("Paris", Decimal(1)),
        ("Marseille", Decimal("0.5")),
        ("*", Decimal(0)),
    ]
    assert "Congratulations" in short[0].feedback
