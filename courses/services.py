"""Operations that change assignments and progress, each in one transaction."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_action_registry

from . import completion
from .models import Assignment, CoursePage, LessonPage, LessonProgress
from .signals import assignment_completed

# One entry per assignment made for someone (manually, by a review, by the automation);
# an employee's own enrolment in an optional course is their choice, not an assignment.
ASSIGN_ACTION = "courses.assign"
# A staff member moved open assignments' due date later (HR's lists, issue 13 point 6).
EXTEND_ACTION = "courses.extend_due_date"


def _assignment_log(assignment: Assignment, *, by=None) -> None:
    log(
        instance=assignment,
        action=ASSIGN_ACTION,
        user=by,
        data={
            "source": assignment.source,
            "reason": assignment.reason,
            "due_date": assignment.due_date.isoformat() if assignment.due_date else None,
            "employee": assignment.user_id,
        },
    )


def assignment_create(
    *,
    user,
    course: CoursePage,
    due_date: datetime.date | None,
    reason: str,
    source: str = Assignment.Source.MANUAL,
    assigned_by=None,
) -> tuple[Assignment, bool]:
    """Assign a course; an already open assignment is kept (with the earlier due date)."""
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                user=user,
                course=course,
                due_date=due_date,
                reason=reason,
                source=source,
                assigned_by=assigned_by,
            )
            if source != Assignment.Source.SELF:
                _assignment_log(assignment, by=assigned_by)
            return assignment, True
    except IntegrityError:
        # The unique "one open assignment" constraint: someone (or a retry) was first.
        with transaction.atomic():
            existing = Assignment.objects.select_for_update().get(
                user=user, course=course, status=Assignment.Status.ASSIGNED
            )
            if due_date and (existing.due_date is None or due_date < existing.due_date):
                existing.due_date = due_date
                if existing.source == Assignment.Source.SELF and source != existing.source:
                    existing.source, existing.reason = source, reason
                    # The employee's own enrolment has just become an obligation.
                    _assignment_log(existing, by=assigned_by)
                existing.save(update_fields=["due_date", "source", "reason"])
            return existing, False


def assignments_create_new(assignments: list[Assignment], *, by=None) -> list[Assignment]:
    """Insert assignments nobody holds open yet, audited as `assignment_create` audits each.

    For the batch jobs: one INSERT for the assignments and one for their audit entries. A
    person who has an open assignment of the course by now makes the INSERT fail
    (IntegrityError): the caller's transaction rolls back and it takes `assignment_create`
    one by one instead, which keeps that open assignment.
    """
    if not assignments:
        return []
    Assignment.objects.bulk_create(assignments)
    entry = log_action_registry.get_log_model_for_model(Assignment)
    content_type = ContentType.objects.get_for_model(Assignment, for_concrete_model=False)
    context = get_active_log_context()
    now = timezone.now()
    entry.objects.bulk_create(
        entry(
            content_type=content_type,
            object_id=str(a.pk),
            label=str(a) or f"Assignment object ({a.pk})",
            action=ASSIGN_ACTION,
            timestamp=now,
            user=by or context.user,
            uuid=context.uuid,
            data={
                "source": a.source,
                "reason": a.reason,
                "due_date": a.due_date.isoformat() if a.due_date else None,
                "employee": a.user_id,
            },
        )
        for a in assignments
        if a.source != Assignment.Source.SELF
    )
    return assignments


def assignment_enrol(*, user, course: CoursePage) -> Assignment:
    """An employee starts an optional course: an open assignment without a due date."""
    open_one = Assignment.objects.filter(
        user=user, course=course, status=Assignment.Status.ASSIGNED
    ).first()
    if open_one:
        return open_one
    assignment, _ = assignment_create(
        user=user, course=course, due_date=None, reason="", source=Assignment.Source.SELF
    )
    return assignment


@transaction.atomic
def lesson_complete(*, assignment: Assignment, lesson: LessonPage) -> Assignment:
    """Mark a lesson of the assignment's course done, then see whether the course is."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if not assignment.is_open:
        return assignment
    LessonProgress.objects.get_or_create(assignment=assignment, lesson=lesson)
    return assignment_evaluate(assignment=assignment)


@transaction.atomic
def assignment_evaluate(*, assignment: Assignment) -> Assignment:
    """Complete the assignment if every step is done; safe to call any number of times."""
    assignment = (
        Assignment.objects.select_for_update().select_related("course").get(pk=assignment.pk)
    )
    if not assignment.is_open:
        return assignment
    progress = completion.summarize(completion.steps_for([assignment])[assignment.pk])
    if not progress.complete:
        return assignment
    assignment.status = Assignment.Status.COMPLETED
    assignment.completed_at = timezone.now()
    assignment.completed_version = assignment.course.version
    assignment.score = progress.score
    assignment.save(update_fields=["status", "completed_at", "completed_version", "score"])
    transaction.on_commit(
        lambda: assignment_completed.send(sender=Assignment, assignment=assignment)
    )
    return assignment


@dataclass(frozen=True)
class ManualAssignmentResult:
    created: int
    already_assigned: int


@transaction.atomic
def assignments_assign_manually(
    *,
    course: CoursePage,
    users: QuerySet,
    due_date: datetime.date | None,
    reason: str,
    assigned_by=None,
) -> ManualAssignmentResult:
    """Assign a course to many people at once (a person, a workplace, everyone).

    Whoever already has it open keeps that assignment, with the earlier due date; an
    employee's own enrolment becomes this obligation. Nobody gets it twice, even if two
    managers submit at the same moment (the one-open-assignment constraint).
    """
    recipients = users.filter(is_active=True).order_by("pk")
    open_ones = Assignment.objects.filter(
        course=course, status=Assignment.Status.ASSIGNED, user__in=recipients
    )
    already = set(open_ones.values_list("user_id", flat=True))
    converted = set(open_ones.filter(source=Assignment.Source.SELF).values_list("pk", flat=True))
    open_ones.filter(source=Assignment.Source.SELF).update(
        source=Assignment.Source.MANUAL, reason=reason, due_date=due_date, assigned_by=assigned_by
    )
    if due_date is not None:
        open_ones.filter(Q(due_date__isnull=True) | Q(due_date__gt=due_date)).update(
            due_date=due_date
        )
    new = [
        Assignment(
            user_id=user_id,
            course=course,
            due_date=due_date,
            reason=reason,
            source=Assignment.Source.MANUAL,
            assigned_by=assigned_by,
        )
        for user_id in recipients.values_list("pk", flat=True)
        if user_id not in already
    ]
    # Sorted by user, ignore_conflicts: a concurrent submission's rows are skipped, not doubled.
    Assignment.objects.bulk_create(new, ignore_conflicts=True)
    # ignore_conflicts returns no ids, so read back what this call made (or turned into an
    # obligation) to audit each: one entry per person, with the manager as the actor.
    made = Assignment.objects.filter(
        Q(pk__in=converted)
        | Q(user_id__in=[a.user_id for a in new], assigned_by=assigned_by, reason=reason),
        course=course,
        status=Assignment.Status.ASSIGNED,
    )
    for assignment in made:
        _assignment_log(assignment, by=assigned_by)
    return ManualAssignmentResult(created=len(new), already_assigned=len(already))


@dataclass(frozen=True)
class ExtensionResult:
    extended: int
    unchanged: int


@transaction.atomic
def assignments_extend_due_date(
    *, assignments: QuerySet, due_date: datetime.date, extended_by=None
) -> ExtensionResult:
    """Move the due date of open assignments to `due_date`, never earlier than it was.

    Completed or retired assignments, those without a due date (nothing to extend) and
    those already due on or after `due_date` are left as they are; each one moved is
    audited with its old and new date.
    """
    chosen = list(assignments.select_for_update().order_by("pk"))
    moved = []
    for assignment in chosen:
        old = assignment.due_date
        if assignment.status != Assignment.Status.ASSIGNED or old is None or old >= due_date:
            continue
        assignment.due_date = due_date
        moved.append((assignment, old))
    Assignment.objects.bulk_update([a for a, _old in moved], ["due_date"])
    for assignment, old in moved:
        log(
            instance=assignment,
            action=EXTEND_ACTION,
            user=extended_by,
            data={
                "employee": assignment.user_id,
                "old_due_date": old.isoformat(),
                "due_date": due_date.isoformat(),
            },
        )
    return ExtensionResult(extended=len(moved), unchanged=len(chosen) - len(moved))


class KnowledgeCheckRefused(ValueError):
    """The answer names no knowledge check of the lesson, or answers it cannot have."""


def knowledge_check_answer(*, user, lesson: LessonPage, block_id: str, chosen: list[str]):
    """Store one answer to a lesson's knowledge check and return its feedback; never graded.

    Raise KnowledgeCheckRefused for an unknown block, no answer, an answer index the block
    does not have, or several answers to a one-answer check; nothing is stored then.
    """
    from .models import KnowledgeCheckAnswer
    from .selectors import knowledge_check_feedback

    block = next(
        (b for b in lesson.body if b.block_type == "knowledge_check" and b.id == block_id), None
    )
    if block is None:
        raise KnowledgeCheckRefused("unknown block")
    try:
        indexes = sorted({int(value) for value in chosen})
    except ValueError:
        raise KnowledgeCheckRefused("not an answer") from None
    count = len(block.value["choices"])
    if not indexes or any(not 0 <= i < count for i in indexes):
        raise KnowledgeCheckRefused("no such answer")
    if not block.value["multiple"] and len(indexes) > 1:
        raise KnowledgeCheckRefused("one answer only")
    result = knowledge_check_feedback(block.value, indexes)
    KnowledgeCheckAnswer.objects.create(
        user=user, lesson=lesson, block_id=block_id, choices=indexes, correct=result.correct
    )
    return block, result
