"""Moodle XML and GIFT import: Moodle's own fixtures, Czech examples and malformed files."""

from decimal import Decimal

import pytest

from quizzes.grading import (
    ALL_OR_NOTHING,
    ESSAY,
    MATCHING,
    MULTIPLE,
    NUMERICAL,
    PARTIAL,
    SHORTANSWER,
    SINGLE,
    TRUEFALSE,
)
from quizzes.importers import (
    ImportFileError,
    parse_questions,
)
from quizzes.importers.base import ParsedChoice
from tests.conformance.conftest import SHARED_FIXTURES

FIXTURES = SHARED_FIXTURES / "moodle"
D = Decimal
CZECH = "ěščřžýáíéůúťďň ĚŠČŘŽÝÁÍÉŮÚŤĎŇ"


def fixture(name: str):
    return parse_questions((FIXTURES / name).read_bytes(), name)


def refused(data, filename="questions.xml"):
    with pytest.raises(ImportFileError) as raised:
        parse_questions(data, filename)
    return [(p.line, p.reason) for p in raised.value.problems]


def line_of(text: str, needle: str, start: int = 1) -> int:
    """The line (1-based) of the `start`-th line containing `needle`."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[start - 1]


def skipped(result):
    return [(s.name, s.qtype, s.position, s.line) for s in result.skipped]


def choices(question):
    return [(c.text_html, c.fraction, c.feedback_html) for c in question.choices]


# --- Moodle's fixtures --------------------------------------------------------------------


def by_name(result, name):
    return next(q for q in result.questions if q.name == name)


def test_gift_fixture_imports_every_one_of_its_nine_questions():
    result = fixture("questions.gift.txt")
    assert [(q.name, q.type, q.position, q.line) for q in result.questions] == [
        ("Q8", ESSAY, 1, 2),
        ("Moodle activities", MATCHING, 2, 5),
        ("Q2", SINGLE, 3, 14),
        ("colours", MULTIPLE, 4, 22),
        ("Q5", NUMERICAL, 5, 31),
        ("Shortanswer", SHORTANSWER, 6, 34),
        ("Q1", TRUEFALSE, 7, 41),
        ("2-08 TSL", TRUEFALSE, 8, 46),
        ("2-08 TSL", TRUEFALSE, 9, 49),
    ]
    assert skipped(result) == []
    assert result.categories == []


def test_gift_fixture_matching_numerical_and_short_answer_keep_their_keys():
    result = fixture("questions.gift.txt")
    matching = by_name(result, "Moodle activities")
    assert (matching.mode, matching.text_html) == (
        PARTIAL,
        "Match the <b>activity</b> to the description.",
    )
    assert [(c.text_html, c.match) for c in matching.choices][-2:] == [
        ("A collection of web pages that anyone can add to or edit.", "Wiki"),
        ("", "Chat"),
    ]
    numerical = by_name(result, "Q5")
    assert [(c.text_html, c.fraction, c.tolerance) for c in numerical.choices] == [
        ("3", D(1), D(2)),
        ("*", D(0), D(0)),
    ]
    assert numerical.choices[1].feedback_html == "Completely wrong"
    short = by_name(result, "Shortanswer")
    assert choices(short) == [
        ("Frog", D(1), "Good!"),
        ("Cat", D("0.5"), "What is it with Moodlers and cats?"),
        ("*", D(0), "Completely wrong"),
    ]


def test_gift_fixture_single_choice_keeps_per_answer_feedback_in_every_format():
    q2 = by_name(fixture("questions.gift.txt"), "Q2")
    assert q2.text_html == "What's between orange and green in the spectrum?"
    assert q2.mode == ALL_OR_NOTHING
    assert choices(q2) == [
        ("yellow", D(1), "right; good!"),
        ("red", D(0), "wrong, it's yellow"),  # [html] feedback
        ("blue", D(0), "wrong, it's yellow"),  # [plain] answer
    ]


def test_gift_fixture_multiple_response_gets_partial_credit_weights():
    colours = by_name(fixture("questions.gift.txt"), "colours")
    assert colours.mode == PARTIAL
    assert [(c.text_html, c.fraction) for c in colours.choices] == [
        ("yellow", D("0.5")),
        ("red", D(-1)),
        ("off-beige", D("0.5")),
        ("blue", D(-1)),
    ]


def test_gift_fixture_true_false_with_feedback_and_general_feedback():
    q1 = by_name(fixture("questions.gift.txt"), "Q1")
    # Wrong-answer feedback comes first in GIFT; it belongs to the choice "True" here.
    assert choices(q1) == [
        ("True", D(0), "42 is the Ultimate Answer."),
        ("False", D(1), "You gave the right answer."),
    ]
    assert q1.general_feedback_html == (
        "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    )
    # The stray `";` after the closing brace makes it Moodle's missing-word format.
    assert q1.text_html == '42 is the Absolute Answer to everything._____";'
    tsl_t, tsl_true = fixture("questions.gift.txt").questions[7:]
    assert tsl_t.choices == tsl_true.choices
    assert tsl_t.choices[0] == ParsedChoice("True", D(1), "")


def test_gift_fixture_with_category_unescapes_and_sanitizes_html():
    result = fixture("questions_in_category.gift.txt")
    assert [c.path for c in result.categories] == [["Default for New Features"]]
    matching, greeting, user, acronym = result.questions
    assert (matching.type, user.type) == (MATCHING, SHORTANSWER)
    assert (greeting.name, greeting.position, greeting.line) == ("Greeting", 2, 14)
    assert greeting.category_path == ["Default for New Features"]
    assert greeting.text_html == (
        '<a href="http://demo.moodle.net/file.php/5/media/bonjour.mp3" rel="noopener noreferrer">'
        "Listen to this greeting:</a><br><br>What language is being spoken?"
    )
    assert [(c.text_html, c.fraction) for c in greeting.choices] == [
        ("English", D(0)),
        ("French", D(1)),
        ("German", D(0)),
        ("Spanish", D(0)),
    ]
    assert greeting.choices[1].feedback_html == "Yes, well done!"
    # The inline style is not allowed through the sanitizer.
    assert acronym.text_html == (
        "Moodle is an acronym for <span>Modular Object-Oriented Dynamic Learning "
        "Environment</span>."
    )
    assert [c.fraction for c in acronym.choices] == [D(1), D(0)]
    assert skipped(result) == []


def test_xml_fixture_nested_categories_with_descriptions():
    result = fixture("nested_categories_with_questions.xml")
    assert [(c.path, c.description_html, c.line) for c in result.categories] == [
        (["Iota"], "This is Iota category for test", 4),
        (["Iota", "Kappa"], "This is Kappa category for test", 44),
        (["Iota", "Kappa", "Lambda"], "This is Lambda category for test", 112),
        (["Iota", "Mu"], "This is Mu category for test", 152),
    ]
    assert [(q.name, q.category_path, q.position, q.line) for q in result.questions] == [
        ("Iota Question", ["Iota"], 1, 15),
        ("Kappa Essay Question", ["Iota", "Kappa"], 2, 55),
        ("Kappa Question", ["Iota", "Kappa"], 3, 83),
        ("Lambda Question", ["Iota", "Kappa", "Lambda"], 4, 123),
        ("Mu Question", ["Iota", "Mu"], 5, 163),
    ]
    assert skipped(result) == []
    assert (result.questions[1].type, result.questions[1].choices) == (ESSAY, [])
    lam = result.questions[3]
    assert (lam.type, lam.text_html, lam.mode) == (
        TRUEFALSE,
        "<p>Testing Lambda Question</p>",
        ALL_OR_NOTHING,
    )
    assert [(c.text_html, c.fraction) for c in lam.choices] == [("True", D(1)), ("False", D(0))]


def test_xml_fixture_category_with_description_and_idnumber():
    result = fixture("category_with_description.xml")
    (category,) = result.categories
    assert (category.path, category.description_html, category.idnumber) == (
        ["Alpha"],
        "This is Alpha category for test",
        "alpha-idnumber",
    )
    (question,) = result.questions
    assert (question.name, question.text_html, question.category_path) == (
        "Alpha Question",
        "<p>Testing Alpha Question</p>",
        ["Alpha"],
    )
    assert question.general_feedback_html == ""
    assert question.explanation_html == ""


def test_xml_fixture_html_characters_in_idnumbers_are_plain_text():
    result = fixture("html_chars_in_idnumbers.xml")
    assert result.categories[0].idnumber == "The inequalities < & >"
    assert result.questions[0].idnumber == "T & F"
    assert result.questions[0].text_html == "<p>Testing Alpha Question</p>"


def test_xml_fixture_invalid_grades_refuses_the_file_at_the_answer_line():
    # 33 is not a Moodle grade; -50 is (it is the negative of 50), so only 33 is reported.
    problems = refused((FIXTURES / "error_invalid_grades.xml").read_bytes())
    assert len(problems) == 1
    line, reason = problems[0]
    assert line == 38
    assert reason.startswith("33% is not one of Moodle's answer grades (100, 90, 83.33333,")


def test_xml_fixture_cloze_question_with_five_gaps_is_one_cloze_question():
    result = fixture("multianswer.xml")
    assert skipped(result) == []
    [question] = result.questions
    assert question.type == "cloze"
    assert [(g.type, g.weight, g.ignore_case) for g in question.gaps] == [(SINGLE, 1, True)] * 4 + [
        (SHORTANSWER, 1, True)
    ]
    assert [c.gap for c in question.choices] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5]
    assert "* Tucson: {#2}" in question.text_html


def test_xml_fixture_broken_cloze_questions_are_skipped_not_refused():
    # A gap Moodle would refuse is reported as lost, never allowed to refuse the file: that
    # would also block any valid question beside it.
    result = fixture("broken_cloze_questions.xml")
    assert result.questions == []
    assert skipped(result) == [
        ("Multianswer question without subquestions", "cloze", 1, 4),
        ("Multichoice subquestion without choices", "cloze", 2, 20),
        ("Multichoice subquestion with only one choice", "cloze", 3, 36),
        ("Multichoice subquestion with no completely correct answer", "cloze", 4, 52),
        ("Numerical subquestion with buggy answer", "cloze", 5, 68),
    ]


def test_every_fixture_is_covered_by_a_test():
    covered = {
        "README.md",
        "questions.gift.txt",
        "questions_in_category.gift.txt",
        "nested_categories_with_questions.xml",
        "category_with_description.xml",
        "html_chars_in_idnumbers.xml",
        "error_invalid_grades.xml",
        "multianswer.xml",
        "broken_cloze_questions.xml",
    }
    assert {path.name for path in FIXTURES.iterdir()} == covered
