"""Applies risk reviews' plans to assignments: loads plain data for risk.plan, writes the changes.

risk.plan decides (pure); this module only loads and writes, in one transaction per call, so
the rules live once. The approval preview (`plan_preview_review`) runs the same load and the
same diff as `plan_apply_review` and stops before writing, so what the manager is shown is
what the approval does. Safe to run any number of times, and by two workers at once: each call
locks the review (or the employee) it applies, and the unique constraints on Assignment make
a second insert of the same requirement impossible.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.collation import czech_order
from organisation.models import User, Workplace
from risk import effects, plan
from risk.models import RiskAssessment, RiskCategory, RiskReview
from risk.selectors import policy_current, review_current_for

from .models import Assignment, CoursePage

PLAN_SOURCES = (Assignment.Source.PLAN, Assignment.Source.JOINER)


@dataclass(frozen=True)
class ApplyResult:
    created: int = 0
    kept: int = 0
    reopened: int = 0
    repointed: int = 0
    retired: int = 0
    skipped: bool = False


def catalogue_load() -> list[plan.Course]:
    """Live courses with their risk categories, in two queries whatever their number."""
    courses = list(
        CoursePage.objects.live().values_list(
            "id", "required_from_level", "audience", "refresher_months"
        )
    )
    categories: dict[int, set[int]] = {}
    through = CoursePage.risk_categories.through
    for course_id, category_id in through.objects.values_list("coursepage_id", "riskcategory_id"):
        categories.setdefault(course_id, set()).add(category_id)
    return [
        plan.Course(
            id=course_id,
            category_ids=frozenset(categories.get(course_id, ())),
            required_from_level=level or None,
            management_only=audience == CoursePage.Audience.MANAGEMENT,
            refresher_months=months,
        )
        for course_id, level, audience, months in courses
    ]


def reviews_load(review_ids: Iterable[int]) -> dict[int, plan.Review]:
    """Approved reviews as plan.Review, assessments in catalogue order, in one query."""
    result: dict[int, list[plan.Assessment]] = {pk: [] for pk in review_ids}
    rows = (
        RiskAssessment.objects.filter(review_id__in=list(result))
        .order_by("review_id", "category__sort_order", "category__name")
        .values_list("review_id", "category_id", "level")
    )
    for review_id, category_id, level in rows:
        result[review_id].append(plan.Assessment(category_id=category_id, level=level))
    return {pk: plan.Review(id=pk, assessments=tuple(items)) for pk, items in result.items()}


def _existing(user_ids: list[int]) -> list[plan.Existing]:
    rows = Assignment.objects.filter(user_id__in=user_ids).values_list(
        "id",
        "user_id",
        "course_id",
        "status",
        "source",
        "review_id",
        "due_date",
        "completed_at",
        "course__refresher_months",
        "risk_category_id",
    )
    return [
        plan.Existing(
            id=pk,
            employee_id=user_id,
            course_id=course_id,
            is_open=status == Assignment.Status.ASSIGNED,
            is_completed=status == Assignment.Status.COMPLETED,
            from_plan=source in PLAN_SOURCES,
            self_chosen=source == Assignment.Source.SELF,
            review_id=review_id,
            due_date=due_date,
            completed_on=timezone.localdate(completed_at) if completed_at else None,
            refresher_months=months,
            category_id=category_id,
        )
        for (
            pk,
            user_id,
            course_id,
            status,
            source,
            review_id,
            due_date,
            completed_at,
            months,
            category_id,
        ) in rows
    ]


def _write(changes: plan.Changes, *, source: str) -> ApplyResult:
    """Write the plan's changes; each write tolerates a concurrent worker having done it."""
    created = 0
    if changes.create:
        mine = Assignment.objects.filter(
            review_id__in={r.review_id for r in changes.create},
            user_id__in={r.employee_id for r in changes.create},
            source__in=PLAN_SOURCES,
        )
        before = mine.count()
        # Sorted inserts: two workers inserting the same rows wait for each other instead of
        # deadlocking. ignore_conflicts: a row another worker committed first (either unique
        # constraint) is skipped, not inserted twice.
        Assignment.objects.bulk_create(
            [
                Assignment(
                    user_id=r.employee_id,
                    course_id=r.course_id,
                    due_date=r.due_date,
                    source=source,
                    review_id=r.review_id,
                    risk_category_id=r.category_id,
                    risk_level=r.level,
                )
                for r in sorted(changes.create)
            ],
            ignore_conflicts=True,
        )
        created = mine.count() - before

    reopened = 0
    for pk, r in changes.reopen:
        reopened += Assignment.objects.filter(pk=pk, status=Assignment.Status.NOT_REQUIRED).update(
            status=Assignment.Status.ASSIGNED,
            due_date=r.due_date,
            risk_category_id=r.category_id,
            risk_level=r.level,
        )

    repointed = 0
    for pk, r in changes.repoint:
        reason = {
            "review_id": r.review_id,
            "risk_category_id": r.category_id,
            "risk_level": r.level,
        }
        open_one = Assignment.objects.filter(pk=pk, status=Assignment.Status.ASSIGNED)
        # The employee's own enrolment becomes an obligation with this plan's reason.
        repointed += open_one.filter(source=Assignment.Source.SELF).update(
            source=source, due_date=r.due_date, **reason
        )
        # An earlier review's assignment now carries the current reason; its due date only
        # ever moves earlier.
        earlier = open_one.filter(source__in=PLAN_SOURCES).exclude(review_id=r.review_id)
        repointed += earlier.filter(Q(due_date__isnull=True) | Q(due_date__gt=r.due_date)).update(
            due_date=r.due_date, **reason
        )
        repointed += earlier.filter(due_date__lte=r.due_date).update(**reason)

    retired = Assignment.objects.filter(
        pk__in=changes.retire, status=Assignment.Status.ASSIGNED, source__in=PLAN_SOURCES
    ).update(status=Assignment.Status.NOT_REQUIRED)
    return ApplyResult(
        created=created,
        kept=len(changes.keep),
        reopened=reopened,
        repointed=repointed,
        retired=retired,
    )


def _employees(workplace_ids: Iterable[int]) -> list[plan.Employee]:
    return [
        plan.Employee(id=pk, is_management=management)
        for pk, management in User.objects.filter(
            is_active=True, workplace_id__in=list(workplace_ids)
        )
        .order_by("pk")
        .values_list("pk", "is_management")
    ]


def _review_workplaces(root: Workplace) -> list[int]:
    """The workplaces whose plan a review of `root` sets, once it is approved: `root` and the
    sub-workplaces without an approved review of their own."""
    subtree = dict(Workplace.objects.filter(path__startswith=root.path).values_list("path", "pk"))
    reviewed = set(
        RiskReview.objects.filter(
            status=RiskReview.Status.APPROVED, workplace__path__startswith=root.path
        ).values_list("workplace__path", flat=True)
    )
    reviewed.add(root.path)  # a draft being previewed counts as approved
    effective = plan.effective_review_paths(subtree, reviewed, steplen=Workplace.steplen)
    return [subtree[path] for path, nearest in effective.items() if nearest == root.path]


def _review_changes(
    *,
    plan_review: plan.Review,
    workplace_ids: list[int],
    policy: plan.Policy,
    today: datetime.date,
) -> tuple[plan.Changes, list[plan.Existing], list[plan.Employee]]:
    """The one diff both the apply and the preview use."""
    employees = _employees(workplace_ids)
    required = plan.plan(
        review=plan_review,
        courses=catalogue_load(),
        employees=employees,
        policy=policy,
        start=today,
    )
    employee_ids = [e.id for e in employees]
    existing = _existing(employee_ids)
    changes = plan.plan_changes(
        required=required, existing=existing, employee_ids=employee_ids, today=today
    )
    return changes, existing, employees


@transaction.atomic
def plan_apply_review(*, review_id: int, today: datetime.date | None = None) -> ApplyResult:
    """Apply an approved review to everyone whose plan it sets: the employees of its workplace
    and of sub-workplaces without an approved review of their own."""
    # The lock makes a second worker applying the same review wait, then find it all done.
    review = (
        RiskReview.objects.select_for_update(of=("self",))
        .select_related("workplace")
        .filter(pk=review_id)
        .first()
    )
    if review is None or review.status != RiskReview.Status.APPROVED:
        # Superseded before the task ran: the newer review's own task applies the plan.
        return ApplyResult(skipped=True)
    changes, _existing_rows, _employees_rows = _review_changes(
        plan_review=reviews_load([review.pk])[review.pk],
        workplace_ids=_review_workplaces(review.workplace),
        policy=policy_current(),
        today=today or timezone.localdate(),
    )
    return _write(changes, source=Assignment.Source.PLAN)


def _draft_as_plan(review: RiskReview, policy: plan.Policy) -> plan.Review:
    """A draft as plan.Review, with the levels its approval would freeze (same order as
    reviews_load)."""
    rows = (
        RiskAssessment.objects.filter(review_id=review.pk)
        .order_by("category__sort_order", "category__name")
        .values_list("category_id", "likelihood", "impact", "level")
    )
    return plan.Review(
        id=review.pk,
        assessments=tuple(
            plan.Assessment(
                category_id=category_id,
                level=level
                if level and not review.is_draft
                else policy.level_for(likelihood, impact),
            )
            for category_id, likelihood, impact, level in rows
        ),
    )


def plan_preview_review(review_id: int, *, today: datetime.date | None = None) -> effects.Preview:
    """What approving the review now would do, per course and person; writes nothing."""
    review = RiskReview.objects.select_related("workplace").get(pk=review_id)
    policy = policy_current()
    plan_review = _draft_as_plan(review, policy)
    workplace_ids = _review_workplaces(review.workplace)
    changes, existing, employees = _review_changes(
        plan_review=plan_review,
        workplace_ids=workplace_ids,
        policy=policy,
        today=today or timezone.localdate(),
    )
    effect = plan.plan_effect(review=plan_review, changes=changes, existing=existing)

    course_ids = {c.course_id for c in effect.courses}
    titles = dict(CoursePage.objects.filter(pk__in=course_ids).values_list("pk", "title"))
    categories = dict(
        RiskCategory.objects.filter(pk__in={u.category_id for u in effect.unrated}).values_list(
            "pk", "name"
        )
    )
    # Names of the people concerned, from the same scope the plan covers: one query.
    named = set().union(*(c.gains | c.optional for c in effect.courses))
    people: dict[int, effects.Person] = {}
    if named:
        for pk, first, last, email in (
            User.objects.filter(is_active=True, workplace_id__in=workplace_ids)
            .order_by(czech_order("last_name"), czech_order("first_name"), "pk")
            .values_list("pk", "first_name", "last_name", "email")
        ):
            if pk in named:
                people[pk] = effects.Person(id=pk, name=f"{first} {last}".strip() or email)
    order = {pk: i for i, pk in enumerate(people)}

    def persons(ids: frozenset[int]) -> tuple[effects.Person, ...]:
        return tuple(people[pk] for pk in sorted(ids, key=order.__getitem__))

    return effects.Preview(
        courses=tuple(
            sorted(
                (
                    effects.CourseEffect(
                        course_id=c.course_id,
                        title=titles.get(c.course_id, ""),
                        gains=persons(c.gains),
                        optional=persons(c.optional),
                        unchanged=len(c.unchanged),
                    )
                    for c in effect.courses
                ),
                key=lambda c: (c.title.casefold(), c.course_id),
            )
        ),
        unrated=tuple(
            effects.UnratedLoss(
                category=categories.get(u.category_id, ""),
                course=titles.get(u.course_id, ""),
                count=len(u.employee_ids),
            )
            for u in effect.unrated
        ),
        people=len(employees),
        fingerprint=effect.fingerprint,
    )


@transaction.atomic
def plan_apply_user(*, user_id: int, today: datetime.date | None = None) -> ApplyResult:
    """Give a joiner or mover their workplace's current plan; assignments of their old
    workplace's plan that the new one does not require are marked no longer required."""
    user = (
        User.objects.select_for_update(of=("self",))
        .select_related("workplace")
        .filter(pk=user_id)
        .first()
    )
    if user is None or not user.is_active:
        # Deactivated people keep their records untouched.
        return ApplyResult(skipped=True)
    today = today or timezone.localdate()
    required: set[plan.Requirement] = set()
    if user.workplace is not None:
        review = review_current_for(workplace=user.workplace)
        if review is not None:
            required = plan.plan(
                review=reviews_load([review.pk])[review.pk],
                courses=catalogue_load(),
                employees=[plan.Employee(id=user.pk, is_management=user.is_management)],
                policy=policy_current(),
                start=today,
            )
    changes = plan.plan_changes(
        required=required, existing=_existing([user.pk]), employee_ids=[user.pk], today=today
    )
    return _write(changes, source=Assignment.Source.JOINER)
