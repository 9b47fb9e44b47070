"""Grading, item statistics and score distribution: examples and hypothesis properties."""

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.grading import (
    ALL_OR_NOTHING,
    MULTIPLE,
    PARTIAL,
    SINGLE,
    TRUEFALSE,
    Choice,
    ForeignChoice,
    ForeignQuestion,
    ItemRow,
    Question,
    TooManyChoices,
    grade_attempt,
    grade_question,
    item_statistics,
    score_distribution,
)

D = Decimal
# No example database in the working tree, and no deadline: Decimal arithmetic is slow to warm up.
quick = settings(database=None, deadline=None)


def single(qid=1, fractions=("1", "0", "0")):
    return Question(qid, SINGLE, tuple(Choice(qid * 10 + i, D(f)) for i, f in enumerate(fractions)))


def multiple(qid=2, fractions=("0.5", "0.5", "-1", "0"), mode=PARTIAL):
    choices = tuple(Choice(qid * 10 + i, D(f)) for i, f in enumerate(fractions))
    return Question(qid, MULTIPLE, choices, mode)


def truefalse(qid=3, true_is_right=True):
    return Question(
        qid,
        TRUEFALSE,
        (Choice(qid * 10, D(true_is_right)), Choice(qid * 10 + 1, D(not true_is_right))),
    )


# --- grade_question: examples -------------------------------------------------------------


def test_single_choice_right_wrong_and_unanswered():
    question = single()
    right, wrong, unanswered = (grade_question(question, ids) for ids in ([10], [11], []))
    assert (right.points, right.correct, right.state) == (D(1), True, "correct")
    assert (wrong.points, wrong.correct, wrong.state) == (D(0), False, "incorrect")
    assert (unanswered.points, unanswered.answered, unanswered.state) == (D(0), False, "unanswered")


def test_single_choice_with_a_half_right_choice_gives_half_and_a_penalty_never_goes_below_zero():
    question = single(fractions=("1", "0.5", "-0.5"))
    assert grade_question(question, [11]).points == D("0.5")
    assert grade_question(question, [11]).state == "partial"
    assert grade_question(question, [12]).points == D(0)


def test_true_false_right_answer_is_false():
    question = truefalse(true_is_right=False)
    assert grade_question(question, [31]).correct is True
    assert grade_question(question, [30]).points == D(0)


def test_partial_credit_adds_selected_fractions_and_clamps_at_zero():
    question = multiple()
    assert grade_question(question, [20]).points == D("0.5")
    assert grade_question(question, [20, 21]).points == D(1)
    assert grade_question(question, [20, 21]).correct is True
    assert grade_question(question, [20, 22]).points == D(0)  # 0.5 - 1, never negative
    assert grade_question(question, [22]).state == "incorrect"
    # Moodle's own weakness, kept on purpose: a 0 % wrong choice costs nothing.
    assert grade_question(question, [20, 21, 23]).points == D(1)


def test_three_thirds_at_moodle_precision_count_as_a_full_mark():
    question = multiple(fractions=("0.3333333", "0.3333333", "0.3333333", "-1"))
    result = grade_question(question, [20, 21, 22])
    assert result.points == D(1)
    assert result.correct is True


def test_all_or_nothing_needs_exactly_the_right_choices():
    question = multiple(fractions=("0.5", "0.5", "0", "0"), mode=ALL_OR_NOTHING)
    assert grade_question(question, [20, 21]).points == D(1)
    assert grade_question(question, [20]).points == D(0)
    assert grade_question(question, [20, 21, 22]).points == D(0)


def test_repeating_a_choice_counts_it_once():
    assert grade_question(multiple(), [20, 20, 20]).points == D("0.5")


def test_choice_results_keep_question_order_and_say_what_was_selected_and_right():
    result = grade_question(multiple(), [21, 22])
    assert [(c.choice_id, c.selected, c.right) for c in result.choices] == [
        (20, False, True),
        (21, True, True),
        (22, True, False),
        (23, False, False),
    ]
    assert result.choices[2].fraction == D(-1)


def test_a_choice_of_another_question_is_refused():
    with pytest.raises(ForeignChoice) as raised:
        grade_question(single(), [10, 20])
    assert raised.value.question_id == 1
    assert raised.value.choice_ids == {20}


@pytest.mark.parametrize("question", [single(), truefalse()], ids=["single", "truefalse"])
def test_two_choices_in_a_one_answer_question_are_refused(question):
    first, second = question.choices[0].id, question.choices[1].id
    with pytest.raises(TooManyChoices) as raised:
        grade_question(question, [first, second])
    assert raised.value.count == 2


def test_bad_definitions_are_refused():
    with pytest.raises(ValueError, match="outside -1..1"):
        Choice(1, D("1.5"))
    with pytest.raises(ValueError, match="unknown question type"):
        Question(1, "regexp", ())
    with pytest.raises(ValueError, match="same id"):
        Question(1, SINGLE, (Choice(1, D(1)), Choice(1, D(0))))


def test_float_fractions_are_read_as_their_decimal_text():
    assert Choice(1, 0.1).fraction == D("0.1")


# --- grade_attempt: examples --------------------------------------------------------------


def test_attempt_score_is_the_mean_of_question_points():
    result = grade_attempt([single(), multiple(), truefalse()], {1: [10], 2: [20]}, 50)
    assert result.score_percent == D("50.00")
    assert result.passed is True
    assert [q.points for q in result.questions] == [D(1), D("0.5"), D(0)]
    assert result.questions[2].state == "unanswered"


def test_score_is_rounded_to_two_places_and_compared_after_rounding():
    questions = [single(1), single(2), single(3)]
    result = grade_attempt(questions, {1: [10], 2: [20]}, D("66.67"))
    assert result.score_percent == D("66.67")
    assert result.passed is True  # the learner sees 66.67 % and the pass mark 66.67 %
    assert grade_attempt(questions, {1: [10], 2: [20]}, D("66.68")).passed is False


def test_an_answer_to_a_question_outside_the_attempt_is_refused():
    with pytest.raises(ForeignQuestion) as raised:
        grade_attempt([single()], {1: [10], 99: [990]}, 50)
    assert raised.value.question_ids == {99}


def test_a_choice_from_another_question_of_the_same_attempt_is_refused():
    with pytest.raises(ForeignChoice):
        grade_attempt([single(), multiple()], {1: [20]}, 50)


@pytest.mark.parametrize("pass_mark", [-1, D("100.01"), "abc", D("NaN")])
def test_a_pass_mark_outside_0_to_100_is_refused(pass_mark):
    with pytest.raises(ValueError):
        grade_attempt([single()], {}, pass_mark)


def test_an_attempt_without_questions_or_with_a_question_twice_is_refused():
    with pytest.raises(ValueError, match="at least one"):
        grade_attempt([], {}, 50)
    with pytest.raises(ValueError, match="twice"):
        grade_attempt([single(), single()], {}, 50)


# --- grade_attempt: properties ------------------------------------------------------------

PENALTIES = [D(0), D(0), D("-0.1"), D("-0.3333333"), D("-0.5"), D(-1)]
SHARES = {k: D(1) / k for k in (1, 2, 3, 4, 5, 8, 10)}


def _share(k):
    return SHARES[k].quantize(D("0.0000001"))  # Moodle's 7 places: 1/3 -> 0.3333333


@st.composite
def questions(draw, qid):
    qtype = draw(st.sampled_from([SINGLE, MULTIPLE, TRUEFALSE]))
    mode = draw(st.sampled_from([ALL_OR_NOTHING, PARTIAL]))
    if qtype == TRUEFALSE:
        fractions = draw(st.permutations([D(1), D(0)]))
    elif qtype == SINGLE:
        others = draw(st.lists(st.sampled_from([*PENALTIES, D("0.5")]), min_size=1, max_size=5))
        fractions = draw(st.permutations([D(1), *others]))
    else:
        right = draw(st.sampled_from(sorted(SHARES)))
        wrong = draw(st.lists(st.sampled_from(PENALTIES), min_size=1, max_size=4))
        fractions = draw(st.permutations([_share(right)] * right + wrong))
    choices = tuple(Choice(qid * 100 + i, f) for i, f in enumerate(fractions))
    return Question(qid, qtype, choices, mode)


@st.composite
def selections(draw, question):
    ids = [choice.id for choice in question.choices]
    if question.type == MULTIPLE:
        return draw(st.sets(st.sampled_from(ids)))
    return draw(st.one_of(st.just(set()), st.sampled_from(ids).map(lambda i: {i})))


@st.composite
def attempts(draw):
    count = draw(st.integers(min_value=1, max_value=8))
    drawn = [draw(questions(qid)) for qid in range(1, count + 1)]
    answers = {q.id: draw(selections(q)) for q in drawn if draw(st.booleans()) or count == 1}
    return drawn, answers


pass_marks = st.decimals(min_value=0, max_value=100, places=2)


@quick
@given(attempts(), pass_marks)
def test_score_is_within_0_and_100_with_two_places(attempt, pass_mark):
    result = grade_attempt(*attempt, pass_mark)
    assert D(0) <= result.score_percent <= D(100)
    assert result.score_percent.as_tuple().exponent == -2
    assert all(D(0) <= q.points <= D(1) for q in result.questions)


@quick
@given(attempts(), pass_marks)
def test_passed_means_score_at_least_pass_mark(attempt, pass_mark):
    result = grade_attempt(*attempt, pass_mark)
    assert result.passed == (result.score_percent >= pass_mark)


@quick
@given(attempts())
def test_exactly_at_the_pass_mark_passes_and_a_hundredth_above_fails(attempt):
    score = grade_attempt(*attempt, 0).score_percent
    assert grade_attempt(*attempt, score).passed is True
    if score < 100:
        assert grade_attempt(*attempt, score + D("0.01")).passed is False


@quick
@given(attempts(), st.randoms(use_true_random=False))
def test_shuffling_questions_and_choices_never_changes_the_grade(attempt, rnd):
    questions_, answers = attempt
    shuffled = []
    for question in rnd.sample(questions_, len(questions_)):
        choices = rnd.sample(question.choices, len(question.choices))
        shuffled.append(Question(question.id, question.type, tuple(choices), question.mode))
    original = grade_attempt(questions_, answers, 50)
    again = grade_attempt(shuffled, answers, 50)
    assert again.score_percent == original.score_percent
    assert again.passed == original.passed
    points = {q.question_id: q.points for q in original.questions}
    assert {q.question_id: q.points for q in again.questions} == points


@quick
@given(questions(7), st.data())
def test_partial_credit_is_never_negative(question, data):
    question = Question(question.id, MULTIPLE, question.choices, PARTIAL)
    result = grade_question(question, data.draw(selections(question)))
    assert result.points >= 0
    wrong = [c.id for c in question.choices if c.fraction <= 0]
    assert grade_question(question, wrong).points == 0


@quick
@given(questions(7), st.data())
def test_all_or_nothing_gives_zero_or_one(question, data):
    question = Question(question.id, MULTIPLE, question.choices, ALL_OR_NOTHING)
    assert grade_question(question, data.draw(selections(question))).points in (D(0), D(1))


@quick
@given(questions(7), st.data())
def test_selecting_exactly_the_right_choices_earns_the_full_mark(question, data):
    right = sorted(question.right_choice_ids)
    if question.type != MULTIPLE:
        fully = [c.id for c in question.choices if c.fraction == 1]
        right = [data.draw(st.sampled_from(fully))]
    result = grade_question(question, right)
    assert (result.points, result.correct) == (D(1), True)


# --- item statistics ----------------------------------------------------------------------

# Five attempts of four questions each (25 % per question); rows as the selector yields them.
POINTS = {
    "A1": (1, 1, 1, 1),
    "A2": (1, 1, 1, 0),
    "A3": (1, 0, 1, 0),
    "A4": (0, 1, 0, 0),
    "A5": (0, 0, 0, 0),
}
ROWS = [
    ItemRow(attempt, f"q{i + 1}", D(p), D(sum(points) * 25))
    for attempt, points in POINTS.items()
    for i, p in enumerate(points)
]


def test_facility_is_the_mean_points_per_question():
    stats = item_statistics(ROWS)
    assert {q: s.facility for q, s in stats.items()} == {"q1": 0.6, "q2": 0.6, "q3": 0.6, "q4": 0.2}
    assert stats["q1"].responses == 5


def test_discrimination_is_the_correlation_with_the_rest_of_the_attempt():
    stats = item_statistics(ROWS)
    # q1 points 1,1,1,0,0 against the rest of each attempt 75,50,25,25,0 (worked by hand).
    assert stats["q1"].discrimination == pytest.approx(45 / math.sqrt(1.2 * 3250))
    # q4 points 1,0,0,0,0 against 75,75,50,25,0.
    assert stats["q4"].discrimination == pytest.approx(30 / math.sqrt(0.8 * 4250))


def test_the_question_itself_is_left_out_of_the_total():
    # Uncorrected, q1 would correlate with a total it is part of; corrected, the rest of the
    # attempt is unrelated to it here, so the index is 0.
    rows = [
        ItemRow("A1", "q1", 1, 100),
        ItemRow("A1", "q2", 1, 100),
        ItemRow("A2", "q1", 1, 50),
        ItemRow("A2", "q2", 0, 50),
        ItemRow("A3", "q1", 0, 50),
        ItemRow("A3", "q2", 1, 50),
        ItemRow("A4", "q1", 0, 0),
        ItemRow("A4", "q2", 0, 0),
    ]
    assert item_statistics(rows)["q1"].discrimination == pytest.approx(0)


def test_discrimination_is_none_when_undefined():
    one_attempt = item_statistics([ItemRow("A1", "q1", 1, 50), ItemRow("A1", "q2", 0, 50)])
    assert one_attempt["q1"].discrimination is None
    everyone_right = item_statistics(
        [ItemRow(a, "q1", 1, total) for a, total in (("A1", 100), ("A2", 50), ("A3", 75))]
    )
    assert everyone_right["q1"].discrimination is None
    assert everyone_right["q1"].facility == 1.0


def test_rows_may_be_plain_tuples_with_decimals_and_partial_points():
    stats = item_statistics([(1, 7, D("0.5"), D("50.00")), (2, 7, D("0.25"), D("25.00"))])
    assert stats[7].facility == 0.375
    assert stats[7].discrimination is None  # single-question attempts have no rest


def test_a_question_twice_in_one_attempt_is_refused():
    with pytest.raises(ValueError, match="twice"):
        item_statistics([ItemRow(1, 7, 1, 100), ItemRow(1, 7, 0, 100)])


# --- score distribution -------------------------------------------------------------------


def test_scores_fall_into_ten_bins_and_100_into_the_last():
    bins = score_distribution([D(0), D("9.99"), D(10), D("55.5"), D(100), D(100)])
    assert [b.count for b in bins] == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert (bins[0].lower, bins[0].upper) == (0, 10)
    assert (bins[-1].lower, bins[-1].upper) == (90, 100)


def test_bins_can_be_fewer():
    bins = score_distribution(["24.99", "25", "75", "100"], bins=4)
    assert [(b.lower, b.upper, b.count) for b in bins] == [
        (0, 25, 1),
        (25, 50, 1),
        (50, 75, 0),
        (75, 100, 2),
    ]


def test_bad_scores_and_bin_counts_are_refused():
    with pytest.raises(ValueError, match="outside"):
        score_distribution([D("100.01")])
    with pytest.raises(ValueError, match="at least 1"):
        score_distribution([], bins=0)


@quick
@given(st.lists(st.decimals(min_value=0, max_value=100, places=2)), st.integers(1, 20))
def test_every_score_is_counted_once(scores, bins):
    assert sum(b.count for b in score_distribution(scores, bins)) == len(scores)


# --- Typed, matched and ordered questions (issue 14 point 2) ------------------------------

from quizzes.grading import (  # noqa: E402
    ESSAY,
    MATCHING,
    NUMERICAL,
    ORDERING,
    SHORTANSWER,
    GradingError,
    normalize_text,
    parse_number,
    score_points,
)


def short(*answers, ignore_case=True, ignore_diacritics=False):
    choices = tuple(Choice(i, D(f), text=t) for i, (t, f) in enumerate(answers, 1))
    return Question(
        9, SHORTANSWER, choices, ignore_case=ignore_case, ignore_diacritics=ignore_diacritics
    )


def test_short_answer_case_diacritics_wildcard_and_first_match():
    question = short(("Plzeň", "1"), ("Plz*", "0.5"), ("*", "0"))
    assert grade_question(question, " plzeň ").points == 1
    assert grade_question(question, "Plzen").points == D("0.5")  # diacritics count here
    assert grade_question(question, "Brno").state == "incorrect"
    assert grade_question(question, "").state == "unanswered"
    strict = short(("Plzeň", "1"), ignore_case=False, ignore_diacritics=True)
    assert grade_question(strict, "Plzen").points == 1
    assert grade_question(strict, "plzeň").points == 0


def test_numerical_accepts_a_decimal_comma_and_a_tolerance():
    question = Question(8, NUMERICAL, (Choice(1, 1, text="3.14", tolerance=D("0.01")),))
    assert [grade_question(question, a).points for a in ("3,14", "3.15", "3,2", "abc")] == [
        1,
        1,
        0,
        0,
    ]
    assert parse_number("1 000,5") == D("1000.5") and parse_number("−2") == D(-2)
    assert parse_number("1,2,3") is None


def test_matching_and_ordering_give_a_share_when_partial_and_ignore_distractors():
    pairs = (Choice(1, text="a", match="A"), Choice(2, text="b", match="B"), Choice(3, match="C"))
    partial = Question(7, MATCHING, pairs, PARTIAL)
    assert grade_question(partial, {1: "A", 2: "C"}).points == D("0.5")
    assert grade_question(Question(7, MATCHING, pairs), {1: "A", 2: "C"}).points == 0
    with pytest.raises(GradingError):
        grade_question(partial, {3: "C"})  # a distractor is never asked about
    items = (Choice(1, text="x"), Choice(2, text="y"), Choice(3, text="z"))
    ordering = Question(6, ORDERING, items, PARTIAL)
    assert grade_question(ordering, {1: 1, 2: 2, 3: 3}).correct
    assert grade_question(ordering, {1: 2, 2: 1, 3: 3}).points == D("0.3333333")


def test_an_essay_is_pending_and_the_attempt_has_no_score_until_graded():
    essay = Question(5, ESSAY, ())
    result = grade_attempt([single(), essay], {1: [10], 5: "Můj text"}, 50)
    assert result.pending and result.score_percent is None and result.passed is None
    assert grade_attempt([single(), essay], {1: [10], 5: "  "}, 50).score_percent == 50
    assert score_points([D(1), D("0.5")], 75) == (D("75.00"), True)


@quick
@given(st.text(max_size=30), st.booleans(), st.booleans())
def test_an_answer_always_matches_itself_and_normalizing_twice_changes_nothing(
    text, ignore_case, ignore_diacritics
):
    options = {"ignore_case": ignore_case, "ignore_diacritics": ignore_diacritics}
    once = normalize_text(text, **options)
    assert normalize_text(once, **options) == once
    if text.strip() and "*" not in text:
        question = short((text, "1"), **options)
        assert grade_question(question, text).points == 1


@quick
@given(
    st.decimals(min_value=-(10**6), max_value=10**6, places=3),
    st.decimals(min_value=0, max_value=100, places=3),
    st.decimals(min_value=-200, max_value=200, places=3),
)
def test_numerical_is_right_exactly_within_the_tolerance(value, tolerance, offset):
    question = Question(4, NUMERICAL, (Choice(1, 1, text=str(value), tolerance=tolerance),))
    typed = str(value + offset).replace(".", ",")
    assert (grade_question(question, typed).points == 1) == (abs(offset) <= tolerance)


@quick
@given(st.permutations(range(1, 6)), st.sampled_from([PARTIAL, ALL_OR_NOTHING]))
def test_ordering_points_are_the_share_of_items_in_place(order, mode):
    items = tuple(Choice(i, text=str(i)) for i in range(1, 6))
    result = grade_question(
        Question(3, ORDERING, items, mode), dict(zip(range(1, 6), order, strict=True))
    )
    in_place = sum(1 for i, p in zip(range(1, 6), order, strict=True) if i == p)
    assert 0 <= result.points <= 1
    assert result.correct == (in_place == 5)
    if mode == PARTIAL:
        assert result.points == D(in_place) / 5
    else:
        assert result.points in (0, 1)
