"""Operations that change quiz data (attempts, imported questions), each in one transaction."""

from __future__ import annotations

import datetime
import random
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.log_actions import log

from courses import selectors as courses_selectors
from courses.models import Assignment
from courses.services import assignment_evaluate

from . import grading, rules
from .audit import ESSAY_GRADE_ACTION
from .importers import ImportFileError, ParsedQuestion, Skipped, parse_questions
from .importers.base import FALSE_TEXT, TRUE_TEXT
from .importers.richtext import editor_html
from .models import (
    INLINE_FEATURES,
    TEXT_FEATURES,
    Attempt,
    AttemptQuestion,
    Choice,
    ExtraAttempts,
    Question,
    QuestionBank,
    Quiz,
    Response,
)


class QuizRefusal(Exception):
    """A request the rules refuse; nothing was changed. `status` is the HTTP status to answer."""

    status = 400

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class InvalidAnswers(QuizRefusal):
    """Answers the attempt's own form cannot produce: tampering, so 400."""

    status = 400


class NotAllowed(QuizRefusal):
    status = 403


class AttemptNotFound(QuizRefusal):
    status = 404


class Conflict(QuizRefusal):
    """The attempt is in a state where this is no longer possible (submitted, time is up)."""

    status = 409


def describe_refusal(refusal: rules.Refusal) -> str:
    """The employee-facing reason why no new attempt can start."""
    if refusal.code == rules.PASSED:
        return gettext("You have already passed this quiz.")
    if refusal.code == rules.AWAITING:
        return gettext(
            "Your last attempt holds essays that a course editor has still to grade; "
            "its result comes first."
        )
    if refusal.code == rules.LESSONS:
        count = refusal.params["count"]
        return ngettext(
            "The quiz opens once you finish the lessons (%(count)s lesson left).",
            "The quiz opens once you finish the lessons (%(count)s lessons left).",
            count,
        ) % {"count": count}
    if refusal.code == rules.LIMIT:
        count = refusal.params["count"]
        return ngettext(
            "You have used your only attempt.",
            "You have used all %(count)s attempts.",
            count,
        ) % {"count": count}
    when = formats.date_format(timezone.localtime(refusal.available_at), "DATETIME_FORMAT")
    return gettext("You can start the next attempt at %(time)s.") % {"time": when}


def open_assignment(*, user, quiz: Quiz, lock: bool = False) -> Assignment | None:
    """The employee's open assignment of the quiz's course, the only one attempts may join."""
    assignments = Assignment.objects.filter(
        user=user, course_id=quiz.course_id, status=Assignment.Status.ASSIGNED
    )
    if lock:
        assignments = assignments.select_for_update()
    return assignments.order_by("pk").first()


def _sample(rng: random.Random, candidates: list[int], count: int, avoid: set[int]) -> list[int]:
    """`count` of `candidates`, those not in `avoid` first; the avoided only fill up a shortfall."""
    fresh = [q for q in candidates if q not in avoid]
    picked = rng.sample(fresh, min(count, len(fresh)))
    if len(picked) < count:
        seen = [q for q in candidates if q in avoid]
        picked += rng.sample(seen, min(count - len(picked), len(seen)))
    return picked


def _draw(
    quiz: Quiz,
    rng: random.Random,
    avoid: frozenset[int] = frozenset(),
    types: dict[int, str] | None = None,
) -> list[int]:
    """Ids of the questions of a new attempt: per-pool counts first, the rest from the others.

    Questions in `avoid` (the previous attempt's) are drawn only where the bank has too few
    others, so a retry is not the same test with the answers learnt from the last result.
    `types`, if given, receives each candidate question's type (read in the same query).
    """
    pools = list(quiz.pools.all())
    by_bank: dict[int, list[int]] = defaultdict(list)
    for question_id, bank_id, question_type in (
        Question.objects.filter(bank_id__in=[p.bank_id for p in pools], active=True)
        .order_by("pk")
        .values_list("pk", "bank_id", "type")
    ):
        by_bank[bank_id].append(question_id)
        if types is not None:
            types[question_id] = question_type
    drawn: list[int] = []
    for pool in pools:
        if pool.count:
            drawn += _sample(rng, by_bank[pool.bank_id], pool.count, set(avoid))
    # The rest comes from the pools without a count; if every pool has one, from what is left.
    rest_banks = [p.bank_id for p in pools if not p.count] or [p.bank_id for p in pools]
    taken = set(drawn)
    rest = [q for bank in rest_banks for q in by_bank[bank] if q not in taken]
    needed = max(quiz.questions_per_attempt - len(drawn), 0)
    drawn += _sample(rng, rest, needed, set(avoid))
    rng.shuffle(drawn)
    return drawn[: quiz.questions_per_attempt]


def attempt_start(
    *,
    user,
    quiz: Quiz,
    now: datetime.datetime | None = None,
    rng: random.Random | None = None,
) -> Attempt:
    """Start an attempt, or return the one still in progress so a reload never burns one.

    Refuses (NotAllowed, 403) without an open assignment for the course, after a pass, when
    the attempts are used up or during the waiting time; Conflict (409) if no question can be
    drawn. The drawn questions and each question's choice order are stored with the attempt.
    """
    now = now or timezone.now()
    rng = rng or secrets.SystemRandom()
    with transaction.atomic():
        if not quiz.is_active:
            raise NotAllowed(gettext("This quiz is not open at the moment."))
        # The lock serialises two starts of one employee, so they cannot both pass the checks.
        assignment = open_assignment(user=user, quiz=quiz, lock=True)
        if assignment is None:
            raise NotAllowed(
                gettext("You have no open assignment of this course; start the course first.")
            )
        attempts = list(Attempt.objects.filter(assignment=assignment).order_by("number"))
        in_progress = next((a for a in attempts if rules.is_open(a, now)), None)
        if in_progress is not None:
            return in_progress
        assignment.course = quiz.course
        # Granted attempts only count once the quiz's own are used up (the first start of a
        # deadline morning never needs them).
        used_up = quiz.max_attempts is not None and len(attempts) >= quiz.max_attempts
        refusal = rules.start_refusal(
            quiz,
            attempts,
            now,
            extra=_extra_granted(assignment.pk) if used_up else 0,
            lessons_left=courses_selectors.lessons_left_first([assignment])[assignment.pk],
        )
        if refusal is not None:
            raise NotAllowed(describe_refusal(refusal))
        previous = max(attempts, key=lambda a: a.number, default=None)
        avoid = frozenset(
            AttemptQuestion.objects.filter(attempt=previous).values_list("question_id", flat=True)
            if previous is not None
            else ()
        )
        types: dict[int, str] = {}
        question_ids = _draw(quiz, rng, avoid, types)
        if not question_ids:
            raise Conflict(
                gettext("This quiz has no questions yet. Please tell the course editor.")
            )
        attempt = Attempt.objects.create(
            user=user,
            assignment=assignment,
            quiz=quiz,
            number=max((a.number for a in attempts), default=0) + 1,
            started_at=now,
            deadline=rules.deadline_for(quiz, now),
        )
        choices: dict[int, list[int]] = defaultdict(list)
        for choice_id, question_id in (
            Choice.objects.filter(question_id__in=question_ids)
            .order_by("sort_order", "pk")
            .values_list("pk", "question_id")
        ):
            choices[question_id].append(choice_id)
        for question_id, ids in choices.items():
            # "True" before "False" is what everyone expects, and typed answers are never shown,
            # so they keep the author's order (the first match decides); the rest is shuffled.
            # A cloze question's choice gaps show their options shuffled like choice questions.
            if types[question_id] in (
                grading.SINGLE,
                grading.MULTIPLE,
                grading.CLOZE,
                *grading.PAIRED_TYPES,
            ):
                authored = list(ids)
                rng.shuffle(ids)
                if types[question_id] == grading.ORDERING and ids == authored and len(ids) > 1:
                    # Shown in the right order, the question would answer itself.
                    ids.append(ids.pop(0))
        AttemptQuestion.objects.bulk_create(
            AttemptQuestion(
                attempt=attempt,
                question_id=question_id,
                order=order,
                choice_order=choices[question_id],
            )
            for order, question_id in enumerate(question_ids, 1)
        )
        return attempt


# What a submission's answers may be built from once the attempt is locked: its questions (each
# with its type and choice order) and their choices. The view parses the form with it, so the
# questions are read once, inside the lock, instead of once more before it.
AnswersFrom = Callable[[Sequence[AttemptQuestion], Mapping[int, list[Choice]]], Mapping]


def attempt_submit(
    *,
    attempt_id: int,
    user,
    answers: Mapping[int, Iterable[int]] | AnswersFrom,
    now: datetime.datetime | None = None,
) -> Attempt:
    """Grade an attempt once, from its stored questions and choice order only.

    `answers` maps question id to selected choice ids, or is a function that builds that
    mapping from the attempt's questions and choices (the submitted form). Refuses with
    AttemptNotFound (404) for another employee's attempt, Conflict (409) for a second
    submission or one after the time limit and its grace period (the attempt stays ungraded
    and counts as used), and InvalidAnswers (400) for questions or choices that are not the
    attempt's. A pass then completes the assignment if every other step is done.

    A fixed number of queries whatever the number of questions. Only the attempt's row is
    locked; the certificate of a completed course is issued by a Celery task after commit.
    """
    now = now or timezone.now()
    with transaction.atomic():
        # The row lock makes a simultaneous second submission wait here, then see it is done.
        attempt = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("quiz")
            .filter(pk=attempt_id, user=user)
            .first()
        )
        if attempt is None:
            raise AttemptNotFound(gettext("No such attempt."))
        if attempt.submitted_at is not None:
            raise Conflict(gettext("This attempt has already been submitted."))
        if rules.is_late(attempt.deadline, now):
            raise Conflict(
                gettext("The time limit ran out before the answers arrived; they were not graded.")
            )
        # Only what grading reads: the texts, explanations and feedback are for the result page.
        items = list(
            attempt.items.select_related("question").only(*_GRADED_ITEM_FIELDS).order_by("order")
        )
        choices_of: dict[int, list[Choice]] = defaultdict(list)
        for choice in Choice.objects.filter(question_id__in=[i.question_id for i in items]).only(
            "pk", "question_id", "sort_order", "text", "fraction", "match", "tolerance", "gap"
        ):
            choices_of[choice.question_id].append(choice)
        if callable(answers):
            answers = answers(items, choices_of)
        questions = [
            i.question.to_grading(choices_of[i.question_id], order=i.choice_order) for i in items
        ]
        try:
            result = grading.grade_attempt(questions, answers, attempt.quiz.pass_mark)
        except grading.GradingError as error:
            raise InvalidAnswers(gettext("The answers do not belong to this attempt.")) from error
        # Conditional UPDATE as a second guard: only the submission that flips it may grade.
        updated = Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
            submitted_at=now,
            score=result.score_percent,
            passed=result.passed,
            awaiting_grading=result.pending,
        )
        if updated != 1:
            raise Conflict(gettext("This attempt has already been submitted."))
        by_question = {r.question_id: r for r in result.questions}
        Response.objects.bulk_create(
            _response(item, by_question[item.question_id], answers.get(item.question_id))
            for item in items
        )
        for item in items:
            graded = by_question[item.question_id]
            item.points = None if graded.pending else graded.points
        AttemptQuestion.objects.bulk_update(items, ["points"])
        if result.passed:
            assignment_evaluate(assignment=Assignment(pk=attempt.assignment_id))
    attempt.submitted_at, attempt.score, attempt.passed = now, result.score_percent, result.passed
    attempt.awaiting_grading = result.pending
    return attempt


_GRADED_ITEM_FIELDS = (
    "id",
    "attempt_id",
    "order",
    "choice_order",
    "points",
    "question__id",
    "question__type",
    "question__mode",
    "question__ignore_case",
    "question__ignore_diacritics",
    "question__gaps",
)


def _response(item: AttemptQuestion, graded: grading.QuestionResult, answer) -> Response:
    """What the employee answered, as stored for the result page and item analysis."""
    question_type = item.question.type
    if question_type == grading.CLOZE:
        # {"1": "typed text", "2": [choice ids]}: each gap as its own type stores it.
        given = {}
        for number, value in (answer or {}).items():
            if isinstance(value, str):
                if value.strip():
                    given[str(number)] = value.strip()
            elif value:
                given[str(number)] = sorted(set(value))
        return Response(item=item, selected=given)
    if question_type in grading.TEXT_TYPES:
        return Response(item=item, text=(answer or "").strip())
    if question_type in grading.PAIRED_TYPES:
        given = {str(key): value for key, value in (answer or {}).items() if value is not None}
        return Response(item=item, selected=given)
    return Response(item=item, selected=[c.choice_id for c in graded.choices if c.selected])


# --- Essays graded by hand ------------------------------------------------------------------


def essay_grade(
    *,
    response_id: int,
    graded_by,
    points: grading.Decimal,
    feedback: str = "",
    now: datetime.datetime | None = None,
) -> Response:
    """A course editor grades one essay (0..1 of its mark), audited.

    When it was the attempt's last ungraded essay, the attempt gets its score and pass, and a
    pass completes the assignment like any other. Grading an essay twice is a Conflict (409);
    the caller checks the editor may edit the course.
    """
    now = now or timezone.now()
    if not grading.ZERO <= points <= grading.ONE:
        raise InvalidAnswers(gettext("The points must be between 0 and 100 %."))
    with transaction.atomic():
        response = (
            Response.objects.select_related("item__attempt__quiz__course", "item__attempt__user")
            .filter(pk=response_id, item__question__type=grading.ESSAY)
            .first()
        )
        if response is None:
            raise AttemptNotFound(gettext("No such essay."))
        # The attempt's lock serialises two editors grading its last two essays at once.
        attempt = Attempt.objects.select_for_update().get(pk=response.item.attempt_id)
        response = Response.objects.select_for_update().get(pk=response.pk)
        if response.graded_at is not None or not attempt.awaiting_grading:
            raise Conflict(gettext("This essay has already been graded."))
        response.graded_at, response.graded_by = now, graded_by
        response.grader_feedback = feedback.strip()
        response.save(update_fields=["graded_at", "graded_by", "grader_feedback"])
        AttemptQuestion.objects.filter(pk=response.item_id).update(points=points)
        points_of = list(
            AttemptQuestion.objects.filter(attempt=attempt).values_list("points", flat=True)
        )
        finished = None not in points_of
        if finished:
            score, passed = grading.score_points(points_of, attempt.quiz.pass_mark)
            Attempt.objects.filter(pk=attempt.pk).update(
                score=score, passed=passed, awaiting_grading=False
            )
        quiz = response.item.attempt.quiz
        log(
            instance=attempt,
            action=ESSAY_GRADE_ACTION,
            user=graded_by,
            data={
                "employee": str(response.item.attempt.user),
                "course": str(quiz.course.title),
                "attempt": attempt.pk,
                "question": response.item.question_id,
                "points": str(points),
                "attempt_finished": finished,
            },
        )
        if finished and passed:
            assignment_evaluate(assignment=Assignment(pk=attempt.assignment_id))
    return response


# --- Extra attempts -------------------------------------------------------------------------

EXTRA_ATTEMPTS_ACTION = "quizzes.extra_attempts"


def _extra_granted(assignment_id: int) -> int:
    return (
        ExtraAttempts.objects.filter(
            assignment_id=assignment_id, granted_at__isnull=False
        ).aggregate(total=Sum("count"))["total"]
        or 0
    )


def extra_attempts_request(
    *, user, quiz: Quiz, now: datetime.datetime | None = None
) -> ExtraAttempts:
    """The employee asks for another attempt once theirs are used up; asking again is a no-op.

    Refuses (NotAllowed) without an open assignment or while attempts are left.
    """
    now = now or timezone.now()
    with transaction.atomic():
        assignment = open_assignment(user=user, quiz=quiz, lock=True)
        if assignment is None:
            raise NotAllowed(gettext("This course is no longer assigned to you."))
        attempts = list(Attempt.objects.filter(assignment=assignment))
        if not rules.is_stuck(quiz, attempts, _extra_granted(assignment.pk)):
            raise NotAllowed(gettext("You still have attempts left, or you have passed."))
        pending, _ = ExtraAttempts.objects.get_or_create(
            assignment=assignment,
            granted_at__isnull=True,
            defaults={"quiz": quiz, "requested_at": now},
        )
        return pending


def extra_attempts_grant(
    *, request_id: int, granted_by, count: int = 1, now: datetime.datetime | None = None
) -> ExtraAttempts:
    """Grant a pending request (one click in the admin), audited; granting twice is a no-op."""
    now = now or timezone.now()
    with transaction.atomic():
        grant = (
            ExtraAttempts.objects.select_for_update(of=("self",))
            .select_related("assignment__user", "quiz__course")
            .get(pk=request_id)
        )
        if grant.granted_at is not None:
            return grant
        grant.granted_at, grant.granted_by, grant.count = now, granted_by, count
        grant.save(update_fields=["granted_at", "granted_by", "count"])
        log(
            instance=grant,
            action=EXTRA_ATTEMPTS_ACTION,
            user=granted_by,
            data={
                "employee": str(grant.assignment.user),
                "course": str(grant.quiz.course.title),
                "count": count,
                "assignment": grant.assignment_id,
            },
        )
        return grant


# --- Import ---------------------------------------------------------------------------------


@dataclass
class ImportReport:
    bank: QuestionBank
    created: int
    duplicates: list[ParsedQuestion] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def notes(self) -> list[ParsedQuestion]:
        """Imported questions with a remark, e.g. one part of a cloze question."""
        return [q for q in self.imported if q.note]

    imported: list[ParsedQuestion] = field(default_factory=list)


def _choice_text(question: ParsedQuestion, text_html: str) -> str:
    # The importer names true/false choices in English; the content is in the site's language.
    if question.type == grading.TRUEFALSE and text_html in (TRUE_TEXT, FALSE_TEXT):
        with translation.override(settings.LANGUAGE_CODE):
            return gettext(text_html)
    return editor_html(text_html, INLINE_FEATURES)


def questions_import(*, bank_name: str, data: bytes | str, filename: str) -> ImportReport:
    """Import a Moodle XML or GIFT file into the bank `bank_name` (created if new), all or nothing.

    A malformed file raises ImportFileError before anything is written. Unsupported question
    types are reported in `skipped`; a question already in the bank with the same name and
    text is reported in `duplicates`, so importing a file twice adds nothing the second time.
    """
    result = parse_questions(data, filename)
    with transaction.atomic():
        bank, _ = QuestionBank.objects.get_or_create(name=bank_name.strip())
        seen = set(bank.questions.values_list("name", "text"))
        report = ImportReport(bank=bank, created=0, skipped=list(result.skipped))
        new: list[tuple[Question, ParsedQuestion]] = []
        for parsed in result.questions:
            # The parser sanitised already; this also reduces the HTML to what the rich-text
            # editor round-trips, so every imported question opens (and saves) in the admin.
            text = editor_html(parsed.text_html, TEXT_FEATURES)
            # Only what was in the bank before counts: a file may repeat a question on purpose.
            if (parsed.name, text) in seen:
                report.duplicates.append(parsed)
                continue
            question = Question(
                bank=bank,
                name=parsed.name,
                topic=" / ".join(parsed.category_path)[:255],
                type=parsed.type,
                mode=parsed.mode,
                ignore_case=parsed.ignore_case,
                gaps=[gap.as_json() for gap in parsed.gaps],
                text=text,
                explanation=editor_html(parsed.explanation_html, TEXT_FEATURES),
                general_feedback=editor_html(parsed.general_feedback_html, TEXT_FEATURES),
            )
            new.append((question, parsed))
        Question.objects.bulk_create([q for q, _ in new])
        Choice.objects.bulk_create(
            Choice(
                question=question,
                sort_order=order,
                text=_choice_text(parsed, choice.text_html),
                fraction=choice.fraction,
                feedback=editor_html(choice.feedback_html, TEXT_FEATURES),
                match=choice.match[:255],
                tolerance=choice.tolerance,
                gap=choice.gap,
            )
            for question, parsed in new
            for order, choice in enumerate(parsed.choices)
        )
        report.created = len(new)
        report.imported = [parsed for _, parsed in new]
    return report


__all__ = [
    "AttemptNotFound",
    "Conflict",
    "ImportFileError",
    "ImportReport",
    "InvalidAnswers",
    "NotAllowed",
    "QuizRefusal",
    "attempt_start",
    "attempt_submit",
    "describe_refusal",
    "essay_grade",
    "extra_attempts_grant",
    "extra_attempts_request",
    "open_assignment",
    "questions_import",
]
