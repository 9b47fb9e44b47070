"""The read side of quizzes: the quiz step, employee pages and statistics, in fixed queries.

What the take page gets is chosen here: questions and choice texts only, never a fraction,
feedback or explanation, so no template can leak what it never receives.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Max, Q, QuerySet, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from courses import completion
from courses import selectors as courses_selectors
from courses.models import Assignment

from . import grading, rules, services
from .forms import AnswerKeys, answer_keys_of, choice_token, match_token
from .models import Attempt, AttemptQuestion, Choice, ExtraAttempts, Question, Quiz

# --- The quiz as a step of course completion ------------------------------------------------


def extra_granted(assignment_ids: Sequence[int]) -> dict[int, int]:
    """Attempts granted on top of the quiz's own, per assignment, in one query."""
    return dict(
        ExtraAttempts.objects.filter(assignment_id__in=assignment_ids, granted_at__isnull=False)
        .values("assignment_id")
        .annotate(total=Sum("count"))
        .values_list("assignment_id", "total")
    )


def lessons_locked_message(count: int) -> str:
    return ngettext(
        "The quiz opens once you finish the lessons (%(count)s lesson left).",
        "The quiz opens once you finish the lessons (%(count)s lessons left).",
        count,
    ) % {"count": count}


@completion.register_step_provider
def quiz_steps(assignments: Sequence[Assignment], request=None) -> dict[int, list]:
    """A "Final quiz" step for courses with a required quiz: done once an attempt passed.

    A fixed number of queries whatever the number of assignments. An assignment that was
    closed without a pass (completed before the quiz existed, or no longer required) gets no
    quiz step: the quiz was not part of what it completed. The step is locked while the
    course wants its lessons first, and stuck when the attempts are used up without a pass.
    """
    quizzes = {
        quiz.course_id: quiz
        for quiz in Quiz.objects.filter(
            course_id__in={a.course_id for a in assignments}, is_active=True
        ).only("pk", "course_id", "max_attempts", "wait_minutes", "time_limit_minutes")
    }
    if not quizzes:
        return {}
    with_quiz = [a for a in assignments if a.course_id in quizzes]
    attempts: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in Attempt.objects.filter(assignment_id__in=[a.pk for a in with_quiz]).only(
        "assignment_id",
        "number",
        "started_at",
        "deadline",
        "submitted_at",
        "passed",
        "score",
        "awaiting_grading",
    ):
        attempts[attempt.assignment_id].append(attempt)
    # Lessons left and granted attempts only matter before a pass (a passed step is neither
    # locked nor stuck); skipping them keeps a passing submission's completion check short.
    open_ones = [a for a in with_quiz if a.is_open and not any(t.passed for t in attempts[a.pk])]
    extra = extra_granted([a.pk for a in open_ones]) if open_ones else {}
    lessons_left = courses_selectors.lessons_left_first(open_ones) if open_ones else {}
    label = gettext("Final quiz")
    steps: dict[int, list] = {}
    for assignment in with_quiz:
        quiz = quizzes[assignment.course_id]
        mine = attempts[assignment.pk]
        passed = next((a for a in mine if a.passed), None)
        if not assignment.is_open and passed is None:
            continue
        left = lessons_left.get(assignment.pk, 0)
        steps[assignment.pk] = [
            completion.Step(
                key=f"quiz:{quiz.pk}",
                label=label,
                done=passed is not None,
                url=reverse("quizzes:intro", args=[quiz.pk]),
                score=passed.score if passed else None,
                locked=lessons_locked_message(left) if left and passed is None else None,
                stuck=assignment.is_open
                and rules.is_stuck(quiz, mine, extra.get(assignment.pk, 0)),
            )
        ]
    return steps


# --- The employee's pages -------------------------------------------------------------------


def attempt_state(attempt: Attempt, now: datetime.datetime) -> str:
    """One of passed, failed, awaiting, in_progress, expired (time ran out unsubmitted)."""
    if attempt.awaiting_grading:
        return "awaiting"
    if attempt.submitted_at is not None:
        return "passed" if attempt.passed else "failed"
    return "in_progress" if rules.is_open(attempt, now) else "expired"


@dataclass
class AttemptRow:
    attempt: Attempt
    state: str


@dataclass
class QuizIntro:
    quiz: Quiz
    assignment: Assignment | None
    attempts: list[AttemptRow]
    in_progress: Attempt | None
    attempts_left: int | None
    refusal: str | None  # why no attempt can start now, for the employee
    attempts_allowed: int | None = None  # the quiz's own plus those granted
    extra: int = 0
    # Attempts used up without a pass: what happens next, and the request for another one.
    stuck: bool = False
    pending_request: ExtraAttempts | None = None
    lessons_left: int = 0

    @property
    def can_start(self) -> bool:
        return self.assignment is not None and self.in_progress is None and not self.refusal

    @property
    def can_request(self) -> bool:
        return self.stuck and self.pending_request is None


def quiz_intro(*, user, quiz: Quiz, now: datetime.datetime | None = None) -> QuizIntro:
    """The rules, the attempts left and the history of the current assignment's attempts."""
    now = now or timezone.now()
    assignment = services.open_assignment(user=user, quiz=quiz)
    if assignment is None:
        # The history of the newest closed assignment, so a completed course shows its pass.
        assignment = (
            Assignment.objects.filter(user=user, course_id=quiz.course_id, quiz_attempts__quiz=quiz)
            .order_by("-created_at", "-pk")
            .first()
        )
    attempts = (
        list(Attempt.objects.filter(assignment=assignment, quiz=quiz).order_by("number"))
        if assignment
        else []
    )
    in_progress = next((a for a in attempts if rules.is_open(a, now)), None)
    refusal = None
    extra, lessons_left, stuck, pending = 0, 0, False, None
    if assignment is None or not assignment.is_open:
        if any(a.passed for a in attempts):
            refusal = gettext("You have already passed this quiz.")
        elif assignment is None:
            refusal = gettext("You have no open assignment of this course; start the course first.")
        else:
            refusal = gettext("This course is no longer assigned to you.")
    elif not quiz.is_active:
        refusal = gettext("This quiz is not open at the moment.")
    else:
        assignment.course = quiz.course
        extra = extra_granted([assignment.pk]).get(assignment.pk, 0)
        lessons_left = courses_selectors.lessons_left_first([assignment])[assignment.pk]
        stuck = rules.is_stuck(quiz, attempts, extra)
        if stuck:
            pending = ExtraAttempts.objects.filter(
                assignment=assignment, granted_at__isnull=True
            ).first()
        if in_progress is None:
            reason = rules.start_refusal(
                quiz, attempts, now, extra=extra, lessons_left=lessons_left
            )
            refusal = services.describe_refusal(reason) if reason else None
    return QuizIntro(
        quiz=quiz,
        assignment=assignment,
        attempts=[AttemptRow(a, attempt_state(a, now)) for a in attempts],
        in_progress=in_progress,
        attempts_left=rules.attempts_left(quiz, attempts, extra),
        refusal=refusal,
        attempts_allowed=rules.attempts_allowed(quiz, extra),
        extra=extra,
        stuck=stuck,
        pending_request=pending,
        lessons_left=lessons_left,
    )


@dataclass
class ExtraAttemptRequestRow:
    request: ExtraAttempts
    attempts_used: int
    best_score: Decimal | None


def extra_attempt_requests(*, pending: bool = True) -> list[ExtraAttemptRequestRow]:
    """Requests for another attempt (pending first by age, or the granted history): 2 queries."""
    rows = list(
        ExtraAttempts.objects.filter(granted_at__isnull=pending)
        .select_related(
            "assignment__user__workplace", "quiz__course", "granted_by", "assignment__course"
        )
        .order_by("requested_at" if pending else "-granted_at", "pk")[:500]
    )
    stats = {
        r["assignment_id"]: r
        for r in Attempt.objects.filter(assignment_id__in=[r.assignment_id for r in rows])
        .values("assignment_id")
        .annotate(used=Count("pk"), best=Max("score"))
    }
    return [
        ExtraAttemptRequestRow(
            request=r,
            attempts_used=stats.get(r.assignment_id, {}).get("used", 0),
            best_score=stats.get(r.assignment_id, {}).get("best"),
        )
        for r in rows
    ]


@dataclass
class ChoiceView:
    id: int
    text: str
    token: str = ""  # what the take page's input sends instead of the id (forms.choice_token)
    selected: bool = False
    right: bool | None = None  # None: not to be shown
    feedback: str = ""


@dataclass
class OptionView:
    """A matching answer offered in every select of its question (shuffled, never marked)."""

    token: str
    text: str


@dataclass
class PairView:
    """A matching or ordering item: its input, and after submission what was chosen."""

    id: int
    token: str
    text: str
    chosen: str = ""  # the chosen answer / position, as shown
    right_answer: str = ""  # shown only when the quiz reveals answers
    correct: bool | None = None


@dataclass
class GapView:
    """One gap of a cloze question: its input, and after submission what was answered."""

    number: int
    type: str
    name: str = ""  # the input's name: q-<question id>-g<number>
    options: list[ChoiceView] = field(default_factory=list)  # choice gaps, shuffled
    answer: str = ""  # after submission: typed text or the chosen options' texts
    state: str = ""  # after submission: correct, partial, incorrect, unanswered
    right_answer: str = ""  # shown only when the quiz reveals answers
    feedback: str = ""  # the feedback of the chosen or matched answer

    @property
    def multiple(self) -> bool:
        return self.type == grading.MULTIPLE


@dataclass
class ItemView:
    number: int
    question_id: int
    type: str
    text: str
    choices: list[ChoiceView]
    state: str | None = None  # after submission: correct, partial, incorrect, unanswered
    points: Decimal | None = None
    explanation: str = ""
    general_feedback: str = ""
    pairs: list[PairView] = field(default_factory=list)
    options: list[OptionView] = field(default_factory=list)
    answer_text: str = ""  # what was typed (short answer, numerical, essay)
    answer_feedback: str = ""  # the feedback of the accepted answer it matched
    right_answer: str = ""  # short answer / numerical, when the quiz reveals answers
    grader_feedback: str = ""  # essay
    gaps: list[GapView] = field(default_factory=list)  # cloze

    @property
    def multiple(self) -> bool:
        return self.type == grading.MULTIPLE

    @property
    def positions(self) -> range:
        return range(1, len(self.pairs) + 1)


@dataclass
class AttemptView:
    attempt: Attempt
    items: list[ItemView]
    state: str
    seconds_left: int | None = None
    show_correct_answers: bool = False
    show_feedback: bool = False
    course_title: str = ""
    # True while the quiz would show the right answers later (after a pass / the last try).
    answers_withheld: bool = False
    reveal_policy: str = ""


def _attempt(user, attempt_id: int) -> Attempt | None:
    return (
        # The assignment comes along so the result can say the course (and a certificate) is done.
        Attempt.objects.select_related("quiz", "quiz__course", "assignment")
        .filter(pk=attempt_id, user=user)
        .first()
    )


def attempt_to_take(
    *, user, attempt_id: int, now: datetime.datetime | None = None
) -> AttemptView | None:
    """The employee's own attempt as the take page shows it, or None (another's: not found).

    Three queries whatever the bank size. Only question texts and choice texts are loaded.
    """
    now = now or timezone.now()
    attempt = _attempt(user, attempt_id)
    if attempt is None:
        return None
    items = list(
        AttemptQuestion.objects.filter(attempt=attempt)
        .select_related("question")
        .only(
            "order",
            "choice_order",
            "question__id",
            "question__type",
            "question__text",
            "question__gaps",
        )
        .order_by("order")
    )
    texts = {
        pk: (text, match, gap)
        for pk, text, match, gap in Choice.objects.filter(
            question_id__in=[i.question_id for i in items]
        ).values_list("pk", "text", "match", "gap")
    }
    seconds_left = None
    if attempt.deadline is not None:
        seconds_left = max(int((attempt.deadline - now).total_seconds()), 0)
    return AttemptView(
        attempt=attempt,
        state=attempt_state(attempt, now),
        seconds_left=seconds_left,
        course_title=attempt.quiz.course.title,
        items=[_item_to_take(attempt.pk, item, texts) for item in items],
    )


def match_options(attempt_id: int, question_id: int, answers: Sequence[str]) -> list[str]:
    """A matching question's answers in the attempt's own order, the same on every reload.

    Sorted first, so the authored order (and with it which item each answer belongs to) is
    gone before the shuffle.
    """
    options = sorted({a for a in answers if a})
    random.Random(f"{attempt_id}:{question_id}").shuffle(options)  # noqa: S311 - not secret
    return options


def _item_to_take(attempt_id: int, item: AttemptQuestion, texts: dict) -> ItemView:
    """One question of the take page: never an accepted answer, weight or the right pairing."""
    question = item.question
    view = ItemView(
        number=item.order,
        question_id=question.pk,
        type=question.type,
        text=question.text,
        choices=[],
    )
    shown = [pk for pk in item.choice_order if pk in texts]
    if question.type in grading.CHOICE_TYPES:
        view.choices = [
            ChoiceView(id=pk, text=texts[pk][0], token=choice_token(attempt_id, pk)) for pk in shown
        ]
    elif question.type == grading.CLOZE:
        # Typed gaps show only an input: their accepted answers never reach the page.
        view.gaps = [
            GapView(
                number=number,
                type=gap["type"],
                name=f"q-{question.pk}-g{number}",
                options=[
                    ChoiceView(id=pk, text=texts[pk][0], token=choice_token(attempt_id, pk))
                    for pk in shown
                    if texts[pk][2] == number
                ]
                if gap["type"] not in grading.TEXT_TYPES
                else [],
            )
            for number, gap in enumerate(question.gaps or (), 1)
        ]
    elif question.type in grading.PAIRED_TYPES:
        view.pairs = [
            PairView(id=pk, token=choice_token(attempt_id, pk), text=texts[pk][0])
            for pk in shown
            # A matching answer without an item is a distractor: an option, not a row.
            if question.type == grading.ORDERING or texts[pk][0]
        ]
        if question.type == grading.MATCHING:
            view.options = [
                OptionView(token=match_token(attempt_id, question.pk, answer), text=answer)
                for answer in match_options(attempt_id, question.pk, [texts[pk][1] for pk in shown])
            ]
    return view


def attempt_result(*, user, attempt_id: int) -> AttemptView | None:
    """A submitted attempt with the feedback the quiz allows, or None when not the user's."""
    attempt = _attempt(user, attempt_id)
    if attempt is None:
        return None
    quiz = attempt.quiz
    now = timezone.now()
    siblings = list(
        Attempt.objects.filter(assignment_id=attempt.assignment_id).only(
            "number", "started_at", "deadline", "submitted_at", "passed", "awaiting_grading"
        )
    )
    reveal = rules.answers_revealed(quiz.reveal_answers, quiz, siblings, now)
    items = list(
        AttemptQuestion.objects.filter(attempt=attempt)
        .select_related("question", "response")
        .order_by("order")
    )
    choices = {
        c.pk: c for c in Choice.objects.filter(question_id__in=[i.question_id for i in items])
    }
    views = []
    for item in items:
        response = getattr(item, "response", None) if hasattr(item, "response") else None
        question = item.question
        view = ItemView(
            number=item.order,
            question_id=question.pk,
            type=question.type,
            text=question.text,
            choices=[],
            points=item.points,
            explanation=question.explanation if reveal else "",
            general_feedback=question.general_feedback if quiz.show_feedback else "",
        )
        mine = [choices[pk] for pk in item.choice_order if pk in choices]
        if question.type in grading.CHOICE_TYPES:
            selected = set(response.selected) if response else set()
            view.choices = [
                ChoiceView(
                    id=c.pk,
                    text=c.text,
                    selected=c.pk in selected,
                    right=c.right if reveal else None,
                    feedback=c.feedback if quiz.show_feedback and c.pk in selected else "",
                )
                for c in mine
            ]
            answered = bool(selected)
        elif question.type == grading.CLOZE:
            answered = _cloze_result(view, question, mine, response, reveal, quiz.show_feedback)
        else:
            answered = _typed_result(view, question, mine, response, reveal, quiz.show_feedback)
        view.state = _state(question.type, answered, item.points)
        views.append(view)
    return AttemptView(
        attempt=attempt,
        items=views,
        state=attempt_state(attempt, now),
        show_correct_answers=reveal,
        answers_withheld=quiz.reveal_answers != rules.REVEAL_NEVER and not reveal,
        reveal_policy=quiz.reveal_answers,
        show_feedback=quiz.show_feedback,
        course_title=quiz.course.title,
    )


def _state(question_type: str, answered: bool, points: Decimal | None) -> str:
    if not answered:
        return "unanswered"
    if points is None:
        return "pending"  # an essay not graded yet
    if question_type == grading.ESSAY:
        return "graded"
    return "correct" if points == 1 else "partial" if points > 0 else "incorrect"


def _typed_result(view: ItemView, question, mine: list, response, reveal: bool, feedback: bool):
    """Fill in what a typed, matched or ordered answer was; return whether it was answered."""
    authored = sorted(mine, key=lambda c: (c.sort_order or 0, c.pk))
    if question.type in grading.TEXT_TYPES:
        view.answer_text = response.text if response else ""
        if question.type == grading.ESSAY:
            if response and response.graded_at:
                view.grader_feedback = response.grader_feedback
            return bool(view.answer_text)
        graded = grading.grade_question(question.to_grading(authored), view.answer_text)
        matched = next((c for c in authored if c.pk == graded.matched_id), None)
        if feedback and matched is not None:
            view.answer_feedback = matched.feedback
        best = max(authored, key=lambda c: c.fraction, default=None)
        if reveal and best is not None:
            view.right_answer = (
                _numeric_label(best) if question.type == grading.NUMERICAL else (best.plain_text)
            )
        return bool(view.answer_text)
    given = response.selected if response and isinstance(response.selected, dict) else {}
    rows = [c for c in authored if question.type == grading.ORDERING or c.text]
    for position, c in enumerate(rows, 1):
        chosen = given.get(str(c.pk))
        right = position if question.type == grading.ORDERING else c.match
        view.pairs.append(
            PairView(
                id=c.pk,
                token="",
                text=c.text,
                chosen="" if chosen is None else str(chosen),
                right_answer=str(right) if reveal else "",
                correct=(chosen == right) if reveal else None,
            )
        )
    if question.type == grading.ORDERING:
        # Shown in the order the employee put them, so the answer reads as it was meant.
        view.pairs.sort(key=lambda p: (int(p.chosen) if p.chosen else 10_000, p.id))
    return bool(given)


def _cloze_result(view: ItemView, question, mine: list, response, reveal: bool, feedback: bool):
    """Fill in each gap's answer, state and (if revealed) right answer; return whether answered."""
    stored = response.selected if response and isinstance(response.selected, dict) else {}
    answer = {int(number): value for number, value in stored.items()}
    by_id = {c.pk: c for c in mine}
    graded = grading.grade_question(question.to_grading(mine), answer)
    for number, (gap, result) in enumerate(zip(question.gaps, graded.gaps, strict=True), 1):
        given = answer.get(number)
        authored = sorted(
            (c for c in mine if c.gap == number), key=lambda c: (c.sort_order or 0, c.pk)
        )
        # Whether each gap was right shows with the right answers only: with two options, a
        # "wrong" would tell the right one to the next attempt.
        view_gap = GapView(number=number, type=gap["type"], state=result.state if reveal else "")
        if isinstance(given, str):
            view_gap.answer = given
        elif given:
            view_gap.answer = ", ".join(by_id[pk].plain_text for pk in given if pk in by_id)
        chosen = [by_id[pk] for pk in given if pk in by_id] if isinstance(given, list) else []
        if result.matched_id is not None:
            chosen = [by_id[result.matched_id]]
        if feedback:
            view_gap.feedback = " ".join(c.feedback for c in chosen if c.feedback)
        if reveal:
            right = [c for c in authored if c.fraction > 0]
            if gap["type"] in grading.TEXT_TYPES:
                # A typed gap shows its best accepted answer, as a short answer question does.
                right = sorted(right, key=lambda c: -c.fraction)[:1]
            view_gap.right_answer = ", ".join(
                _numeric_label(c) if gap["type"] == grading.NUMERICAL else c.plain_text
                for c in right
            )
        view.gaps.append(view_gap)
    return graded.answered


def _numeric_label(choice) -> str:
    value = grading.parse_number(choice.plain_text)
    if value is None:
        return choice.plain_text
    text = number_format(value.normalize(), use_l10n=True)
    if choice.tolerance:
        text += " ± " + number_format(choice.tolerance.normalize(), use_l10n=True)
    return text


def choice_tokens(*, attempt_id: int) -> dict[str, int]:
    """Token -> choice id for every choice shown in the attempt, in one query."""
    return {
        choice_token(attempt_id, pk): pk
        for order in AttemptQuestion.objects.filter(attempt_id=attempt_id).values_list(
            "choice_order", flat=True
        )
        for pk in order
    }


def answer_keys(*, attempt_id: int) -> AnswerKeys:
    """What the attempt's form may send (tokens, types, matching options), in two queries."""
    rows = list(
        AttemptQuestion.objects.filter(attempt_id=attempt_id).values_list(
            "question_id", "question__type", "choice_order", "question__gaps"
        )
    )
    matching = [question_id for question_id, qtype, _, _ in rows if qtype == grading.MATCHING]
    answers: dict[int, list[str]] = defaultdict(list)
    if matching:
        for question_id, answer in Choice.objects.filter(question_id__in=matching).values_list(
            "question_id", "match"
        ):
            answers[question_id].append(answer)
    return answer_keys_of(attempt_id, rows, answers)


# --- Statistics for the Check phase ---------------------------------------------------------


def statistics_overview() -> QuerySet[Quiz]:
    """Every quiz with its number of graded attempts, passes and mean score, in one query."""
    graded = Q(attempts__score__isnull=False)
    return (
        Quiz.objects.select_related("course")
        .annotate(
            attempt_count=Count("attempts", filter=graded),
            pass_count=Count("attempts", filter=graded & Q(attempts__passed=True)),
            mean_score=Avg("attempts__score", filter=graded),
        )
        .order_by("course__title")
    )


@dataclass
class QuestionStatistics:
    question: Question
    responses: int
    facility: float  # 0..1: the share of the mark earned
    discrimination: float | None  # -1..1, None when undefined

    @property
    def facility_percent(self) -> float:
        return 100 * self.facility

    @property
    def flag(self) -> str | None:
        """A hint for editors, with thresholds common in item analysis."""
        if self.responses < 5:
            return None
        if self.facility > 0.9:
            return "easy"
        if self.facility < 0.3:
            return "hard"
        if self.discrimination is not None and self.discrimination < 0.2:
            return "weak"
        return None


@dataclass
class QuizStatistics:
    quiz: Quiz
    attempts: int
    passed: int
    mean_score: Decimal | None
    distribution: list[grading.ScoreBin]
    questions: list[QuestionStatistics]

    @property
    def pass_rate(self) -> float | None:
        return 100 * self.passed / self.attempts if self.attempts else None

    @property
    def max_bin(self) -> int:
        return max((b.count for b in self.distribution), default=0)


def quiz_statistics(*, quiz: Quiz) -> QuizStatistics:
    """Facility and discrimination per question and the score distribution: three queries."""
    rows = list(
        AttemptQuestion.objects.filter(
            attempt__quiz=quiz, attempt__submitted_at__isnull=False, attempt__score__isnull=False
        ).values_list("attempt_id", "question_id", "points", "attempt__score")
    )
    scores = list(
        Attempt.objects.filter(quiz=quiz, score__isnull=False).values_list("score", "passed")
    )
    items = grading.item_statistics(rows)
    questions = (
        Question.objects.filter(pk__in=list(items))
        .select_related("bank")
        .only("pk", "name", "topic", "bank__name")
    )
    by_id = defaultdict(lambda: None, {q.pk: q for q in questions})
    stats = [
        QuestionStatistics(
            question=by_id[s.question_id],
            responses=s.responses,
            facility=s.facility,
            discrimination=s.discrimination,
        )
        for s in items.values()
    ]
    stats.sort(key=lambda s: (s.facility, s.question.name))
    score_values = [score for score, _ in scores]
    mean = (
        (sum(score_values, Decimal(0)) / len(score_values)).quantize(Decimal("0.01"))
        if score_values
        else None
    )
    return QuizStatistics(
        quiz=quiz,
        attempts=len(scores),
        passed=sum(1 for _, ok in scores if ok),
        mean_score=mean,
        distribution=grading.score_distribution(score_values),
        questions=stats,
    )


# --- Essays waiting for a course editor -------------------------------------------------------


def essay_queue(*, course_ids=None) -> list:
    """Ungraded essays of submitted attempts, oldest submission first, in one query.

    `course_ids` narrows them to the courses the viewer may edit (the view decides which).
    """
    from .models import Response

    queue = (
        Response.objects.filter(
            item__question__type=grading.ESSAY,
            graded_at__isnull=True,
            item__attempt__awaiting_grading=True,
        )
        .select_related("item__question", "item__attempt__user", "item__attempt__quiz__course")
        .order_by("item__attempt__submitted_at", "pk")
    )
    if course_ids is not None:
        queue = queue.filter(item__attempt__quiz__course_id__in=course_ids)
    return list(queue[:500])


def essay_course_ids() -> list[int]:
    """Courses with an essay waiting, so the view checks the editor's rights per course."""
    from .models import Response

    return list(
        Response.objects.filter(
            item__question__type=grading.ESSAY,
            graded_at__isnull=True,
            item__attempt__awaiting_grading=True,
        )
        .values_list("item__attempt__quiz__course_id", flat=True)
        .distinct()
    )
