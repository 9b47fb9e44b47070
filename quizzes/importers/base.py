"""Plain result types of a question import and the rules both file formats share."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from core.sanitize import clean_html, strip_tags
from quizzes.grading import (
    ALL_OR_NOTHING,
    ESSAY,
    MATCHING,
    NUMERICAL,
    ORDERING,
    PARTIAL,
    SHORTANSWER,
    SINGLE,
    TRUEFALSE,
    parse_number,
)


def gettext_noop(message: str) -> str:
    """Mark `message` for makemessages; the admin screen translates it when it shows the report.

    Django's own gettext_noop reads settings, and this module must work without them.
    """
    return message


# Text formats, named as Moodle XML names them.
HTML = "html"
MOODLE_AUTO = "moodle_auto_format"
PLAIN = "plain_text"
MARKDOWN = "markdown"

MAX_NAME_LENGTH = 255  # Moodle's limit, and a CharField's usual one
DEFAULT_NAME_LENGTH = 80

TRUE_TEXT = gettext_noop("True")
FALSE_TEXT = gettext_noop("False")

# Moodle's grade fractions (question_bank::fraction_options_full): p/q for q <= 6, p/10,
# 1/q for q <= 10 and 1/20, to 7 places, and their negatives. Moodle refuses anything else.
_POSITIVE_GRADES = tuple(
    Decimal(value)
    for value in (
        "1", "0.9", "0.8333333", "0.8", "0.75", "0.7", "0.6666667", "0.6", "0.5", "0.4",
        "0.3333333", "0.3", "0.25", "0.2", "0.1666667", "0.1428571", "0.125", "0.1111111",
        "0.1", "0.05",
    )
)  # fmt: skip
VALID_FRACTIONS = (Decimal(0), *_POSITIVE_GRADES, *(-grade for grade in _POSITIVE_GRADES))
# Moodle's match_grade_options allows this much slack, so "33.333" still means 1/3.
GRADE_TOLERANCE = Decimal("0.00001")


@dataclass(frozen=True)
class Problem:
    """Why a file is refused: where (line, question position) and an untranslated message."""

    line: int | None
    message: str
    params: Mapping[str, object] = field(default_factory=dict)
    position: int | None = None

    @property
    def reason(self) -> str:
        """The message in English; the admin shows `gettext(message) % params` instead."""
        return self.message % dict(self.params)


class ImportFileError(Exception):
    """The file is malformed; nothing in it may be imported. `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            "; ".join(f"line {p.line}: {p.reason}" if p.line else p.reason for p in problems)
        )


@dataclass(frozen=True)
class ParsedChoice:
    text_html: str
    fraction: Decimal  # one of VALID_FRACTIONS, -1..1 of the question's mark
    feedback_html: str = ""
    match: str = ""  # matching: the answer (plain text) that belongs to this item
    tolerance: Decimal | None = None  # numerical
    gap: int | None = None  # cloze: the gap (from 1) this answer belongs to


@dataclass(frozen=True)
class ParsedGap:
    """One gap of a cloze question, as the quiz engine grades it (see grading.Gap)."""

    type: str  # SHORTANSWER, NUMERICAL, SINGLE or MULTIPLE
    weight: int = 1
    ignore_case: bool = True

    def as_json(self) -> dict:
        return {"type": self.type, "weight": self.weight, "ignore_case": self.ignore_case}


@dataclass(frozen=True)
class ParsedQuestion:
    name: str
    type: str  # quizzes.grading.SINGLE / MULTIPLE / TRUEFALSE
    text_html: str
    general_feedback_html: str
    explanation_html: str  # neither format has one: always "" (see general_feedback_html)
    mode: str  # PARTIAL when some fraction is neither 0 nor 1, else ALL_OR_NOTHING
    category_path: list[str]
    choices: list[ParsedChoice]
    position: int  # 1-based among the questions of the file (categories not counted)
    line: int | None
    idnumber: str = ""
    ignore_case: bool = True  # short answer (Moodle's usecase = 0)
    note: str = ""  # an untranslated remark for the report, e.g. "from a cloze question"
    gaps: tuple[ParsedGap, ...] = ()  # cloze: the text marks gap n with "{#n}"


@dataclass(frozen=True)
class ParsedCategory:
    path: list[str]
    description_html: str = ""
    idnumber: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Skipped:
    """A question of a type the quiz engine cannot grade, left out of the import."""

    name: str
    qtype: str
    position: int
    line: int | None
    reason: str  # an untranslated message without placeholders


@dataclass
class ImportResult:
    questions: list[ParsedQuestion]
    categories: list[ParsedCategory]
    skipped: list[Skipped]


_CLOZE = gettext_noop("Cloze (embedded answers) questions are not supported; it was skipped.")
_SKIP_REASONS = {
    # Cloze questions embed their own answer syntax in the text; we never interpret it, so a
    # cloze question is reported and skipped whether or not that syntax is valid.
    "cloze": _CLOZE,
    "multianswer": _CLOZE,
    "description": gettext_noop("A description is not a question; it was skipped."),
}


def skip_reason(qtype: str) -> str:
    """Why a question of `qtype` (Moodle's type name) is left out, untranslated."""
    return _SKIP_REASONS.get(
        qtype, gettext_noop("This question type is not supported; the question was skipped.")
    )


@dataclass
class ChoiceDraft:
    """A choice as read from the file, before its weight is checked against Moodle's grades."""

    text_html: str
    percent: str  # as written in the file: "100", "-50", "33.33333"
    feedback_html: str = ""
    line: int | None = None
    match: str = ""  # matching
    tolerance: str = ""  # numerical, as written


@dataclass
class QuestionDraft:
    name: str
    type: str
    text_html: str
    general_feedback_html: str
    category_path: list[str]
    choices: list[ChoiceDraft]
    position: int
    line: int | None
    idnumber: str = ""
    ignore_case: bool = True
    mode: str | None = None  # matching and ordering: PARTIAL unless the file says otherwise
    note: str = ""


def decode_text(data: bytes | str) -> str:
    """The file's text: UTF-8 with or without a byte-order mark; anything else is refused."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = gettext_noop("The file is not UTF-8 text; save it as UTF-8 and try again.")
        raise ImportFileError([Problem(line, message)]) from error


def text_to_html(text: str, text_format: str) -> str:
    """Sanitized HTML for a text in one of Moodle's formats."""
    text = text.strip()
    if text_format in (PLAIN, MARKDOWN):
        # No Markdown renderer is worth a dependency for a rarely used format: show it as text.
        text = html.escape(text, quote=False).replace("\n", "<br>")
    elif text_format != HTML:
        # Moodle's auto-format keeps HTML and turns line breaks into <br>.
        text = text.replace("\n", "<br>")
    return clean_html(text).strip()


def html_to_plain(text_html: str) -> str:
    return " ".join(html.unescape(strip_tags(text_html)).split())


def is_blank_html(text_html: str) -> bool:
    return not html_to_plain(text_html) and "<img" not in text_html


def default_name(text_html: str) -> str:
    """A name from the question text, as Moodle makes one when the file gives none."""
    plain = html_to_plain(text_html)
    if len(plain) <= DEFAULT_NAME_LENGTH:
        return plain
    return plain[: DEFAULT_NAME_LENGTH - 1].rstrip() + "…"


def category_path(raw: str) -> list[str]:
    """Category names from a Moodle path such as `$course$/top/Phishing/E-mail`.

    "//" stands for a slash inside a name; the context (`$course$`, `$cat1$`, ...) and
    Moodle's invisible "top" category are dropped, so the path starts at the bank's topic.
    """
    names = [part.replace("//", "/").strip() for part in re.split(r"(?<!/)/(?!/)", raw.strip())]
    if names and re.fullmatch(r"\$\w+\$", names[0]):
        names = names[1:]
    if names and names[0] == "top":
        names = names[1:]
    return [name for name in names if name]


def moodle_fraction(percent: Decimal) -> Decimal | None:
    """The Moodle grade `percent` stands for, as a fraction, or None when it is not one."""
    fraction = percent / 100
    for grade in VALID_FRACTIONS:
        if abs(fraction - grade) < GRADE_TOLERANCE:
            return grade
    return None


def _fraction(choice: ChoiceDraft, draft: QuestionDraft, problems: list[Problem]) -> Decimal | None:
    try:
        percent = Decimal(choice.percent.strip())
    except InvalidOperation:
        percent = None
    fraction = moodle_fraction(percent) if percent is not None and percent.is_finite() else None
    if fraction is None:
        message = gettext_noop(
            "%(weight)s%% is not one of Moodle's answer grades (100, 90, 83.33333, 80, 75, 70, "
            "66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, "
            "10, 5, 0 or their negatives)."
        )
        line = choice.line or draft.line
        problems.append(Problem(line, message, {"weight": choice.percent}, draft.position))
    return fraction


def _tolerance(choice: ChoiceDraft, draft: QuestionDraft, problems: list[Problem]):
    if not choice.tolerance.strip():
        return Decimal(0), True
    tolerance = parse_number(choice.tolerance)
    if tolerance is None or tolerance < 0:
        message = gettext_noop("The tolerance %(tolerance)s is not a number of zero or more.")
        line = choice.line or draft.line
        problems.append(Problem(line, message, {"tolerance": choice.tolerance}, draft.position))
        return None, False
    return abs(tolerance), True


def _paired_choices(draft: QuestionDraft) -> list[ParsedChoice]:
    # Matching and ordering weigh every pair or item the same; Moodle stores no fraction.
    return [
        ParsedChoice(c.text_html, Decimal(0), c.feedback_html, match=c.match.strip())
        for c in draft.choices
        if not (is_blank_html(c.text_html) and not c.match.strip())
    ]


def _choices(draft: QuestionDraft, problems: list[Problem]) -> list[ParsedChoice] | None:
    if draft.type in (MATCHING, ORDERING):
        return _paired_choices(draft)
    choices: list[ParsedChoice] = []
    valid = True
    for draft_choice in draft.choices:
        tolerance = None
        if draft.type == NUMERICAL:
            tolerance, ok = _tolerance(draft_choice, draft, problems)
            valid = valid and ok
        fraction = _fraction(draft_choice, draft, problems)
        if fraction is None:
            valid = False
        elif is_blank_html(draft_choice.text_html):
            # Moodle drops empty answer slots; an empty answer that carries a grade is a mistake.
            if fraction:
                message = gettext_noop("An answer worth %(weight)s%% has no text.")
                params = {"weight": draft_choice.percent}
                line = draft_choice.line or draft.line
                problems.append(Problem(line, message, params, draft.position))
                valid = False
        else:
            choices.append(
                ParsedChoice(
                    draft_choice.text_html,
                    fraction,
                    draft_choice.feedback_html,
                    tolerance=tolerance,
                )
            )
    return choices if valid else None


def typed_choices_problem(question_type: str, choices: list[ParsedChoice]) -> tuple | None:
    """What is wrong with the answers of a short answer, numerical, matching or ordering
    question (or an essay's), as Moodle judges them; None when nothing is."""
    if question_type == ESSAY:
        return (gettext_noop("An essay has no answers to choose from."), {}) if choices else None
    if question_type == MATCHING:
        pairs = [c for c in choices if not is_blank_html(c.text_html)]
        if any(not c.match for c in choices):
            return gettext_noop("Every matching item needs its answer."), {}
        if len(pairs) < 2:
            return gettext_noop("A matching question needs at least two items."), {}
        return None
    if question_type == ORDERING:
        if len(choices) < 2:
            return gettext_noop("An ordering question needs at least two items."), {}
        return None
    if not choices:
        return gettext_noop("A question needs at least one answer."), {}
    if question_type == NUMERICAL:
        for choice in choices:
            text = html_to_plain(choice.text_html)
            if text != "*" and parse_number(text) is None:
                message = gettext_noop('The answer "%(answer)s" is not a number.')
                return message, {"answer": text}
    if max(c.fraction for c in choices) != 1:
        return gettext_noop("No answer is fully right (100%%)."), {}
    return None


def _choices_problem(question_type: str, fractions: list[Decimal]) -> tuple[str, dict] | None:
    """What is wrong with a question's choices and their weights, as Moodle judges them."""
    if question_type == TRUEFALSE:
        if len(fractions) != 2:
            return gettext_noop('A true/false question needs a "true" and a "false" answer.'), {}
        if sorted(fractions) != [0, 1]:
            return gettext_noop("A true/false question needs exactly one right answer."), {}
        return None
    if len(fractions) < 2:
        return gettext_noop("A question needs at least two answers."), {}
    if question_type == SINGLE:
        if max(fractions) != 1:
            return gettext_noop("No answer is fully right (100%%)."), {}
        return None
    total = sum((f for f in fractions if f > 0), Decimal(0))
    if total == 0:
        return gettext_noop("No answer is marked right."), {}
    # Moodle rounds the sum to 2 places, so 3 x 33.33333 % is a full 100 %.
    if total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) != 1:
        message = gettext_noop(
            "The right answers add up to %(total)s%%; they must add up to 100%%."
        )
        return message, {"total": f"{total * 100:.5f}".rstrip("0").rstrip(".")}
    return None


def choices_problem(question_type: str, fractions: list[Decimal]) -> tuple[str, dict] | None:
    """What is wrong with a question's choice weights as Moodle judges them, or None.

    Public so the admin's question form checks authored questions by the same rules as imports;
    the message is untranslated, like every Problem's.
    """
    return _choices_problem(question_type, fractions)


def finish_question(draft: QuestionDraft, problems: list[Problem]) -> ParsedQuestion | None:
    """Check a draft the way Moodle would and return the question, or None with `problems` added."""
    here = {"line": draft.line, "position": draft.position}
    count = len(problems)
    if is_blank_html(draft.text_html):
        problems.append(Problem(message=gettext_noop("The question text is empty."), **here))
    name = draft.name.strip() or default_name(draft.text_html)
    if len(name) > MAX_NAME_LENGTH:
        message = gettext_noop("The question name is longer than %(max)s characters.")
        problems.append(Problem(message=message, params={"max": MAX_NAME_LENGTH}, **here))
    choices = _choices(draft, problems)
    if draft.type in (SHORTANSWER, NUMERICAL, MATCHING, ORDERING, ESSAY):
        problem = choices is not None and typed_choices_problem(draft.type, choices)
    else:
        problem = choices is not None and _choices_problem(
            draft.type, [c.fraction for c in choices]
        )
    if problem:
        problems.append(Problem(message=problem[0], params=problem[1], **here))
    if len(problems) > count:
        return None
    return ParsedQuestion(
        name=name,
        type=draft.type,
        text_html=draft.text_html,
        general_feedback_html=draft.general_feedback_html,
        explanation_html="",
        mode=draft.mode
        or (PARTIAL if any(c.fraction not in (0, 1) for c in choices) else ALL_OR_NOTHING),
        category_path=list(draft.category_path),
        choices=choices,
        position=draft.position,
        line=draft.line,
        idnumber=draft.idnumber,
        ignore_case=draft.ignore_case,
        note=draft.note,
    )
