"""Grade quiz answers and summarise results: pure functions over plain data, with no ORM."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

SINGLE = "single"
MULTIPLE = "multiple"
TRUEFALSE = "truefalse"
SHORTANSWER = "shortanswer"
NUMERICAL = "numerical"
MATCHING = "matching"
ORDERING = "ordering"
ESSAY = "essay"
CLOZE = "cloze"
QUESTION_TYPES = frozenset(
    {SINGLE, MULTIPLE, TRUEFALSE, SHORTANSWER, NUMERICAL, MATCHING, ORDERING, ESSAY, CLOZE}
)
# Types answered by selecting choices; the others are typed, paired, ordered or written.
CHOICE_TYPES = frozenset({SINGLE, MULTIPLE, TRUEFALSE})
# Answered with a line of text (or a whole text, for essays).
TEXT_TYPES = frozenset({SHORTANSWER, NUMERICAL, ESSAY})
# Matching and ordering give a share per pair / item when partial, else all or nothing.
PAIRED_TYPES = frozenset({MATCHING, ORDERING})
# What a cloze question's gap may be (Moodle's SHORTANSWER, NUMERICAL, MULTICHOICE and
# MULTIRESPONSE with their variants); a cloze question's text marks gap n with "{#n}".
GAP_TYPES = frozenset({SHORTANSWER, NUMERICAL, SINGLE, MULTIPLE})

ALL_OR_NOTHING = "all_or_nothing"
PARTIAL = "partial"
MODES = frozenset({ALL_OR_NOTHING, PARTIAL})

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
SEVEN_PLACES = Decimal("0.0000001")
# Moodle stores fractions to 7 places, so three right answers worth 0.3333333 each add up to
# 0.9999999; like Moodle (question_state::graded_state_for_fraction) we count anything within
# a millionth of a full mark as full, or such a question could never be answered correctly.
FULL_MARK_TOLERANCE = Decimal("0.000001")

Id = Hashable


class GradingError(ValueError):
    """Answers that the attempt's own form cannot produce; a service answers them with 400."""


class ForeignChoice(GradingError):
    """A selected choice id does not belong to the question it was submitted for."""

    def __init__(self, question_id: Id, choice_ids: Iterable[Id]) -> None:
        self.question_id = question_id
        self.choice_ids = frozenset(choice_ids)
        super().__init__(f"choices {sorted(map(str, self.choice_ids))} are not in {question_id!r}")


class ForeignQuestion(GradingError):
    """An answer names a question that is not part of the attempt."""

    def __init__(self, question_ids: Iterable[Id]) -> None:
        self.question_ids = frozenset(question_ids)
        super().__init__(f"questions {sorted(map(str, self.question_ids))} are not in the attempt")


class TooManyChoices(GradingError):
    """More than one choice was selected in a single-choice or true/false question."""

    def __init__(self, question_id: Id, count: int) -> None:
        self.question_id = question_id
        self.count = count
        super().__init__(f"{count} choices selected in one-answer question {question_id!r}")


def _decimal(value: Decimal | int | str | float) -> Decimal:
    try:
        # Going through str keeps 0.1 as 0.1 instead of the binary float's long tail.
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return number


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer option; `fraction` is its share of the question's mark, -1..1 (Moodle-style)."""

    id: Id
    fraction: Decimal = ZERO
    # Short answer: an accepted answer ("*" is any text); numerical: the number as written;
    # matching: the left-hand item; ordering: the item (choices are in the right order).
    text: str = ""
    match: str = ""  # matching: the right-hand answer that belongs to `text`
    tolerance: Decimal | None = None  # numerical: how far from `text` still counts
    gap: int | None = None  # cloze: the number (from 1) of the gap this answer belongs to

    def __post_init__(self) -> None:
        fraction = _decimal(self.fraction)
        if not -ONE <= fraction <= ONE:
            raise ValueError(f"fraction {fraction} of choice {self.id!r} is outside -1..1")
        object.__setattr__(self, "fraction", fraction)

    @property
    def right(self) -> bool:
        """Whether a learner should select this choice (it earns credit)."""
        return self.fraction > ZERO


@dataclass(frozen=True, slots=True)
class Gap:
    """One gap of a cloze question: graded as a question of `type`, worth `weight` shares."""

    type: str
    weight: int = 1
    ignore_case: bool = True  # short answer gaps: Moodle's SHORTANSWER (SHORTANSWER_C: False)

    def __post_init__(self) -> None:
        if self.type not in GAP_TYPES:
            raise ValueError(f"a gap cannot be of type {self.type!r}")
        if self.weight < 0:
            raise ValueError(f"gap weight {self.weight} is negative")


@dataclass(frozen=True, slots=True)
class Question:
    """A question as graded: its type, its choices and (for multiple choice) the scoring mode."""

    id: Id
    type: str
    choices: tuple[Choice, ...]
    mode: str = ALL_OR_NOTHING
    ignore_case: bool = True  # short answer
    ignore_diacritics: bool = False  # short answer: "Kocka" is accepted for "Kočka"
    gaps: tuple[Gap, ...] = ()  # cloze: gap n is gaps[n - 1]; its choices carry gap=n

    def __post_init__(self) -> None:
        if self.type not in QUESTION_TYPES:
            raise ValueError(f"unknown question type {self.type!r}")
        if self.mode not in MODES:
            raise ValueError(f"unknown scoring mode {self.mode!r}")
        choices = tuple(self.choices)
        if len({choice.id for choice in choices}) != len(choices):
            raise ValueError(f"question {self.id!r} has two choices with the same id")
        object.__setattr__(self, "choices", choices)
        object.__setattr__(self, "gaps", tuple(self.gaps))

    def gap_question(self, number: int) -> Question:
        """Gap `number` (from 1) of a cloze question as a question of its own type.

        A multiple-response gap gives the sum of its selected choices' weights, as Moodle's
        MULTIRESPONSE does; the other gaps the weight of the chosen or matched answer.
        """
        gap = self.gaps[number - 1]
        return Question(
            id=(self.id, number),
            type=gap.type,
            choices=tuple(c for c in self.choices if c.gap == number),
            mode=PARTIAL if gap.type == MULTIPLE else ALL_OR_NOTHING,
            ignore_case=gap.ignore_case,
            ignore_diacritics=self.ignore_diacritics,
        )

    @property
    def right_choice_ids(self) -> frozenset[Id]:
        return frozenset(choice.id for choice in self.choices if choice.right)


@dataclass(frozen=True, slots=True)
class ChoiceResult:
    choice_id: Id
    fraction: Decimal
    selected: bool

    @property
    def right(self) -> bool:
        """Whether the choice earns credit, so feedback can mark it as one to select."""
        return self.fraction > ZERO


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """The grade of one question: `points` is 0..1 of its mark; choices in the question's order."""

    question_id: Id
    points: Decimal
    correct: bool
    answered: bool
    choices: tuple[ChoiceResult, ...]
    # An essay waits for a course editor: `points` is 0 until then and does not count yet.
    pending: bool = False
    # Short answer / numerical: the accepted answer the typed one matched, for its feedback.
    matched_id: Id | None = None
    # Cloze: each gap's own result, gap 1 first.
    gaps: tuple[QuestionResult, ...] = ()

    @property
    def state(self) -> str:
        """One of unanswered, pending, correct, partial, incorrect: picks the feedback to show."""
        if not self.answered:
            return "unanswered"
        if self.pending:
            return "pending"
        if self.correct:
            return "correct"
        return "partial" if self.points > ZERO else "incorrect"


@dataclass(frozen=True, slots=True)
class AttemptResult:
    """The grade of an attempt: score in percent (2 places) and the per-question results.

    While an essay awaits grading, `score_percent` and `passed` are None.
    """

    score_percent: Decimal | None
    passed: bool | None
    questions: tuple[QuestionResult, ...]

    @property
    def pending(self) -> bool:
        return any(result.pending for result in self.questions)


def _clamp(total: Decimal) -> Decimal:
    # Never negative overall, never above the full mark, and 0.9999999 counts as full.
    if total >= ONE - FULL_MARK_TOLERANCE:
        return ONE
    return max(total, ZERO)


def _check_selection(question: Question, selected: frozenset[Id]) -> None:
    foreign = selected - {choice.id for choice in question.choices}
    if foreign:
        raise ForeignChoice(question.id, foreign)
    if question.type != MULTIPLE and len(selected) > 1:
        raise TooManyChoices(question.id, len(selected))


def _points(question: Question, selected: frozenset[Id]) -> Decimal:
    if not selected:
        return ZERO
    if question.type == MULTIPLE and question.mode == ALL_OR_NOTHING:
        return ONE if selected == question.right_choice_ids else ZERO
    # Single choice, true/false and partial credit all add up the selected fractions.
    return _clamp(sum((c.fraction for c in question.choices if c.id in selected), ZERO))


def grade_question(question: Question, answer: object) -> QuestionResult:
    """Grade one question's answer; raise a GradingError for one its form cannot produce.

    The answer depends on the type: choice ids (single, multiple, true/false; duplicates
    count once, so repeating a right choice cannot earn more credit), a string (short answer,
    numerical, essay), left choice id -> chosen right-hand text (matching), or item choice
    id -> position from 1 (ordering), or gap number -> that gap's answer (cloze).
    """
    if question.type == CLOZE:
        return _grade_cloze(question, answer)
    if question.type in TEXT_TYPES:
        return _grade_text(question, answer)
    if question.type in PAIRED_TYPES:
        return _grade_paired(question, answer)
    selected = frozenset(answer or ())
    _check_selection(question, selected)
    points = _points(question, selected)
    return QuestionResult(
        question_id=question.id,
        points=points,
        correct=points == ONE,
        answered=bool(selected),
        choices=tuple(
            ChoiceResult(choice_id=c.id, fraction=c.fraction, selected=c.id in selected)
            for c in question.choices
        ),
    )


def _text_answer(question: Question, answer: object) -> str:
    if answer is None:
        return ""
    if not isinstance(answer, str):
        raise GradingError(f"question {question.id!r} takes a text answer")
    return answer


def normalize_text(text: str, *, ignore_case: bool, ignore_diacritics: bool) -> str:
    """A typed answer as compared: spaces collapsed, case and Czech diacritics as configured."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if ignore_diacritics:
        decomposed = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize(
            "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
        )
    return text.casefold() if ignore_case else text


def _short_answer_matches(question: Question, pattern: str, typed: str) -> bool:
    options = {"ignore_case": question.ignore_case, "ignore_diacritics": question.ignore_diacritics}
    pattern, typed = normalize_text(pattern, **options), normalize_text(typed, **options)
    if "*" not in pattern:
        return pattern == typed
    # Like Moodle, "*" stands for any text (also none); everything else is literal.
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, typed, flags=re.DOTALL) is not None


_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_number(text: str) -> Decimal | None:
    """A typed number: "3,14" and "3.14" alike, spaces as thousands separators; else None."""
    cleaned = _SPACES.sub("", text.strip()).replace("\u2212", "-")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", cleaned):
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _numerical_matches(choice: Choice, number: Decimal | None) -> bool:
    if choice.text.strip() == "*":
        return True
    value = parse_number(choice.text)
    if number is None or value is None:
        return False
    return abs(number - value) <= (choice.tolerance or ZERO)


def _grade_text(question: Question, answer: object) -> QuestionResult:
    typed = _text_answer(question, answer)
    answered = bool(typed.strip())
    if question.type == ESSAY:
        return QuestionResult(question.id, ZERO, False, answered, (), pending=answered)
    matched = None
    if answered:
        number = parse_number(typed) if question.type == NUMERICAL else None
        # The first accepted answer that matches decides, in the author's order, as in Moodle.
        for choice in question.choices:
            if (
                _numerical_matches(choice, number)
                if question.type == NUMERICAL
                else _short_answer_matches(question, choice.text, typed)
            ):
                matched = choice
                break
    points = _clamp(matched.fraction) if matched is not None else ZERO
    return QuestionResult(
        question.id,
        points,
        points == ONE,
        answered,
        (),
        matched_id=matched.id if matched is not None else None,
    )


def _grade_paired(question: Question, answer: object) -> QuestionResult:
    given = dict(answer or {})
    # Matching distractors (answers without an item) are offered but never asked about.
    asked = [c for c in question.choices if question.type == ORDERING or c.text]
    foreign = set(given) - {c.id for c in asked}
    if foreign:
        raise ForeignChoice(question.id, foreign)
    if question.type == ORDERING:
        positions = {c.id: n for n, c in enumerate(asked, 1)}
        right = [given.get(c.id) == positions[c.id] for c in asked]
    else:
        right = [given.get(c.id) == c.match for c in asked]
    answered = any(value not in (None, "") for value in given.values())
    if not asked or not answered:
        points = ZERO
    elif question.mode == PARTIAL:
        # To Moodle's 7 places, as stored: 2 of 3 pairs are 0.6666667 here as in the database.
        points = _clamp((Decimal(sum(right)) / len(asked)).quantize(SEVEN_PLACES))
    else:
        points = ONE if all(right) else ZERO
    return QuestionResult(
        question.id,
        points,
        points == ONE,
        answered,
        tuple(
            ChoiceResult(choice_id=c.id, fraction=ONE if ok else ZERO, selected=ok)
            for c, ok in zip(asked, right, strict=True)
        ),
    )


def _grade_cloze(question: Question, answer: object) -> QuestionResult:
    """Each gap graded by its own type; the question's points are the gaps' weighted mean.

    As in Moodle's multianswer question: a gap of weight 2 counts twice as much as one of
    weight 1, and the points are kept to Moodle's 7 places.
    """
    given = dict(answer or {})
    numbers = range(1, len(question.gaps) + 1)
    foreign = set(given) - set(numbers)
    if foreign:
        raise GradingError(f"gaps {sorted(map(str, foreign))} are not in {question.id!r}")
    results = tuple(grade_question(question.gap_question(n), given.get(n)) for n in numbers)
    total_weight = sum(gap.weight for gap in question.gaps)
    if total_weight:
        weighted = sum(
            (
                gap.weight * result.points
                for gap, result in zip(question.gaps, results, strict=True)
            ),
            ZERO,
        )
        points = _clamp((weighted / total_weight).quantize(SEVEN_PLACES))
    else:
        points = ZERO
    return QuestionResult(
        question.id,
        points,
        points == ONE,
        any(result.answered for result in results),
        tuple(choice for result in results for choice in result.choices),
        gaps=results,
    )


def _pass_mark(value: Decimal | int | str) -> Decimal:
    pass_mark = _decimal(value)
    if not ZERO <= pass_mark <= HUNDRED:
        raise ValueError(f"pass mark {pass_mark} is outside 0..100")
    return pass_mark


def grade_attempt(
    questions: Sequence[Question],
    answers: Mapping[Id, Iterable[Id]],
    pass_mark_percent: Decimal | int | str,
) -> AttemptResult:
    """Grade an attempt: every question weighs the same; unanswered questions score 0.

    `answers` maps question id to the selected choice ids. An answer for a question outside
    the attempt raises ForeignQuestion. The score is rounded half-up to 2 places and compared
    with the pass mark *after* rounding, so the learner never sees "60.00 %" next to "failed"
    when the pass mark is 60; a score exactly at the pass mark passes.
    """
    if not questions:
        raise ValueError("an attempt needs at least one question")
    ids = [question.id for question in questions]
    if len(set(ids)) != len(ids):
        raise ValueError("an attempt holds the same question twice")
    foreign = set(answers) - set(ids)
    if foreign:
        raise ForeignQuestion(foreign)
    pass_mark = _pass_mark(pass_mark_percent)
    results = tuple(grade_question(q, answers.get(q.id)) for q in questions)
    if any(result.pending for result in results):
        return AttemptResult(score_percent=None, passed=None, questions=results)
    score, passed = score_points([result.points for result in results], pass_mark)
    return AttemptResult(score_percent=score, passed=passed, questions=results)


def score_points(
    points: Sequence[Decimal | int | str], pass_mark_percent: Decimal | int | str
) -> tuple[Decimal, bool]:
    """Score (percent, 2 places, half up) and pass of questions' points (each 0..1).

    Also used when the last essay of an attempt has been graded by hand.
    """
    if not points:
        raise ValueError("an attempt needs at least one question")
    pass_mark = _pass_mark(pass_mark_percent)
    values = [_decimal(p) for p in points]
    if any(not ZERO <= p <= ONE for p in values):
        raise ValueError("points must be within 0..1")
    total = sum(values, ZERO)
    score = (total * HUNDRED / len(values)).quantize(CENT, rounding=ROUND_HALF_UP)
    return score, score >= pass_mark


class ItemRow(NamedTuple):
    """One graded question of one finished attempt, as the statistics selector yields it."""

    attempt_id: Id
    question_id: Id
    points: Decimal  # 0..1 of the question's mark
    attempt_score: Decimal  # the attempt's score_percent, 0..100


@dataclass(frozen=True, slots=True)
class ItemStatistics:
    question_id: Id
    responses: int
    facility: float
    discrimination: float | None


def _rest_scores(rows: Sequence[ItemRow]) -> dict[tuple[Id, Id], Decimal]:
    """The attempt score with this question's own share taken out, per (attempt, question)."""
    per_attempt: dict[Id, int] = defaultdict(int)
    for row in rows:
        per_attempt[row.attempt_id] += 1
    return {
        (row.attempt_id, row.question_id): _decimal(row.attempt_score)
        - _decimal(row.points) * HUNDRED / per_attempt[row.attempt_id]
        for row in rows
    }


def _correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    if len(xs) < 2:
        return None
    try:
        return statistics.correlation(xs, ys)
    except statistics.StatisticsError:  # one side is constant: the correlation is undefined
        return None


def item_statistics(rows: Iterable[ItemRow | tuple]) -> dict[Id, ItemStatistics]:
    """Facility and discrimination of every question that appears in `rows`.

    Rows are (attempt_id, question_id, points 0..1, attempt score 0..100) and must hold every
    question of each attempt included, because an attempt's row count tells how much of its
    score one question makes up.

    Facility is the mean points (0..1): the share of the mark learners earned.
    Discrimination is the *corrected item-total correlation*: Pearson's r between a question's
    points and the attempt score with that question's own share removed (for questions scored
    0/1 this is the corrected point-biserial correlation, which Moodle's quiz statistics report
    as "discrimination index"). Removing the share keeps a question from correlating with itself,
    which matters with the ten-odd questions of a typical attempt. It is None when undefined:
    fewer than 2 responses, or no variance in the question's points or in the rest scores.
    """
    items = [ItemRow(*row) for row in rows]
    seen = {(row.attempt_id, row.question_id) for row in items}
    if len(seen) != len(items):
        raise ValueError("a question appears twice in one attempt")
    rest = _rest_scores(items)
    by_question: dict[Id, list[ItemRow]] = defaultdict(list)
    for row in items:
        by_question[row.question_id].append(row)
    return {
        question_id: ItemStatistics(
            question_id=question_id,
            responses=len(answered),
            facility=statistics.fmean(float(row.points) for row in answered),
            discrimination=_correlation(
                [float(row.points) for row in answered],
                [float(rest[row.attempt_id, question_id]) for row in answered],
            ),
        )
        for question_id, answered in by_question.items()
    }


@dataclass(frozen=True, slots=True)
class ScoreBin:
    """Scores with lower <= score < upper; the last bin also holds 100."""

    lower: Decimal
    upper: Decimal
    count: int


def score_distribution(scores: Iterable[Decimal | int | str], bins: int = 10) -> list[ScoreBin]:
    """Count attempt scores (0..100) in `bins` equal-width bins from 0 to 100."""
    if bins < 1:
        raise ValueError("bins must be at least 1")
    counts = [0] * bins
    for raw in scores:
        score = _decimal(raw)
        if not ZERO <= score <= HUNDRED:
            raise ValueError(f"score {score} is outside 0..100")
        counts[min(int(score * bins / HUNDRED), bins - 1)] += 1
    return [
        ScoreBin(lower=HUNDRED * i / bins, upper=HUNDRED * (i + 1) / bins, count=count)
        for i, count in enumerate(counts)
    ]
