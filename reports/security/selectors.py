"""The read side of the security manager's dashboard: does the training work, and is PDCA turning.

- Effectiveness per risk category and per workplace (rolled up): the average score and pass
  rate of *first* attempts, which measure what people knew before retrying, and the share of
  learners who passed at all. A course counts toward every risk category it covers.
- The questions most often missed: lowest facility (mean share of the mark) first.
- PDCA per month: reviews approved and coming due (Plan), completion (Do), first-attempt
  scores (Check), assignments issued by source and reviews superseded (Act).

Grouped aggregates only, so the query count does not depend on the amount of data.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Assignment
from quizzes.models import Attempt, AttemptQuestion, Question
from risk.models import RiskCategory, RiskReview

from ..hr import selectors as hr
from ..scope import Scope

MOST_MISSED = 10
MIN_RESPONSES = 3
DEFAULT_REVIEW_INTERVAL_MONTHS = 12


@dataclass
class Effectiveness:
    first_attempts: int = 0
    first_score_sum: Decimal = Decimal(0)
    first_passed: int = 0
    learners: int = 0
    learners_passed: int = 0

    @property
    def average_first_score(self) -> float | None:
        return float(self.first_score_sum) / self.first_attempts if self.first_attempts else None

    @property
    def first_pass_rate(self) -> float | None:
        return 100 * self.first_passed / self.first_attempts if self.first_attempts else None

    @property
    def pass_rate(self) -> float | None:
        """Share of learners (assignments with an attempt) who passed, in any attempt."""
        return 100 * self.learners_passed / self.learners if self.learners else None

    def add(self, other: Effectiveness) -> None:
        self.first_attempts += other.first_attempts
        self.first_score_sum += other.first_score_sum
        self.first_passed += other.first_passed
        self.learners += other.learners
        self.learners_passed += other.learners_passed

    @classmethod
    def from_row(cls, row: dict) -> Effectiveness:
        return cls(
            first_attempts=row["first_attempts"],
            first_score_sum=Decimal(row["first_score_sum"] or 0),
            first_passed=row["first_passed"],
            learners=row["learners"],
            learners_passed=row["learners_passed"],
        )


_FIRST = Q(number=1)
EFFECTIVENESS = {
    "first_attempts": Count("id", filter=_FIRST),
    "first_score_sum": Sum("score", filter=_FIRST),
    "first_passed": Count("id", filter=_FIRST & Q(passed=True)),
    # Each assignment belongs to one person in one workplace, so these sums roll up exactly.
    "learners": Count("assignment", distinct=True),
    "learners_passed": Count("assignment", filter=Q(passed=True), distinct=True),
}


def graded_attempts(*, scope: Scope, filters: hr.Filters) -> QuerySet:
    """Submitted attempts in scope, narrowed by workplace, course and submission date."""
    queryset = scope.restrict(Attempt.objects.filter(submitted_at__isnull=False))
    if filters.workplace is not None:
        queryset = queryset.filter(user__workplace__path__startswith=filters.workplace.path)
    if filters.course is not None:
        queryset = queryset.filter(quiz__course_id=filters.course.pk)
    return queryset.filter(hr.days_q("submitted_at", filters.date_from, filters.date_to))


@dataclass
class CategoryRow:
    pk: int | None
    name: str
    effectiveness: Effectiveness


@dataclass
class EffectivenessWorkplaceRow:
    pk: int | None
    name: str
    full_name: str
    level: int
    effectiveness: Effectiveness


def effectiveness_by_category(*, scope: Scope, filters: hr.Filters) -> list[CategoryRow]:
    """Every risk category in catalogue order (2 queries); courses without one come last."""
    rows = (
        graded_attempts(scope=scope, filters=filters)
        .values("quiz__course__risk_categories")
        .annotate(**EFFECTIVENESS)
        .order_by()
    )
    by_category = {
        row["quiz__course__risk_categories"]: Effectiveness.from_row(row) for row in rows
    }
    result = [
        CategoryRow(pk=c.pk, name=c.name, effectiveness=by_category.get(c.pk, Effectiveness()))
        for c in RiskCategory.objects.order_by("sort_order", "name")
    ]
    if None in by_category:
        result.append(
            CategoryRow(
                pk=None, name=_("Courses without a risk category"), effectiveness=by_category[None]
            )
        )
    return result


def effectiveness_by_workplace(
    *, scope: Scope, filters: hr.Filters
) -> list[EffectivenessWorkplaceRow]:
    """Per workplace with its sub-workplaces rolled up (2 queries)."""
    rows = (
        graded_attempts(scope=scope, filters=filters)
        .values("user__workplace_id")
        .annotate(**EFFECTIVENESS)
        .order_by()
    )
    own = {row["user__workplace_id"]: Effectiveness.from_row(row) for row in rows}
    labels = hr.workplace_labels()
    totals = hr.subtree_totals(own, labels, Effectiveness)
    root = filters.workplace
    base_depth = root.depth if root is not None else 1
    result = [
        EffectivenessWorkplaceRow(
            pk=label.pk,
            name=label.name,
            full_name=label.full_name,
            level=label.depth - base_depth,
            effectiveness=totals[label.pk],
        )
        for label in sorted(labels.values(), key=lambda item: item.path)
        if label.pk in totals
        and totals[label.pk].learners
        and (root is None or label.path.startswith(root.path))
    ]
    if own.get(None) is not None and root is None:
        result.append(
            EffectivenessWorkplaceRow(
                pk=None,
                name=_("Without a workplace"),
                full_name=_("Without a workplace"),
                level=0,
                effectiveness=own[None],
            )
        )
    return result


@dataclass
class MissedQuestion:
    pk: int
    name: str
    bank: str
    category: str
    responses: int
    wrong: int
    facility: float  # 0..1, the mean share of the mark earned

    @property
    def facility_percent(self) -> float:
        return 100 * self.facility

    @property
    def wrong_percent(self) -> float:
        return 100 * self.wrong / self.responses if self.responses else 0.0


def most_missed_questions(
    *, scope: Scope, filters: hr.Filters, limit: int = MOST_MISSED
) -> list[MissedQuestion]:
    """The questions with the lowest facility among those answered often enough (2 queries).

    The answers are grouped by question id alone and only the few shown are then named:
    joining the question, bank and category to every answer first (and grouping by their
    texts) cost PostgreSQL most of this dashboard's time at 250,000 answers.
    """
    attempts = graded_attempts(scope=scope, filters=filters)
    rows = list(
        AttemptQuestion.objects.filter(attempt__in=attempts.values("pk"))
        .values("question_id")
        .annotate(
            responses=Count("id"),
            wrong=Count("id", filter=Q(points__lt=1)),
            facility=Avg("points"),
        )
        .filter(responses__gte=MIN_RESPONSES)
        .order_by("facility", "-responses", "question_id")[:limit]
    )
    names = {
        pk: (name, bank, category)
        for pk, name, bank, category in Question.objects.filter(
            pk__in=[row["question_id"] for row in rows]
        ).values_list("pk", "name", "bank__name", "bank__risk_category__name")
    }
    return [
        MissedQuestion(
            pk=row["question_id"],
            name=names[row["question_id"]][0],
            bank=names[row["question_id"]][1],
            category=names[row["question_id"]][2] or "",
            responses=row["responses"],
            wrong=row["wrong"],
            facility=float(row["facility"] or 0),
        )
        for row in rows
    ]


# --- PDCA at a glance ------------------------------------------------------------------------


@dataclass
class PdcaMonth:
    month: datetime.date
    reviews_approved: int = 0
    reviews_due: int = 0
    reviews_superseded: int = 0
    due: hr.Counts = field(default_factory=hr.Counts)
    completions: int = 0
    first_attempts: int = 0
    first_score_sum: Decimal = Decimal(0)
    first_passed: int = 0
    by_source: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.month.month}/{self.month.year}"

    @property
    def average_first_score(self) -> float | None:
        return float(self.first_score_sum) / self.first_attempts if self.first_attempts else None

    @property
    def first_pass_rate(self) -> float | None:
        return 100 * self.first_passed / self.first_attempts if self.first_attempts else None

    @property
    def refreshers(self) -> int:
        return self.by_source.get(Assignment.Source.REFRESHER, 0)

    @property
    def new_assignments(self) -> int:
        return sum(self.by_source.values())

    def source_counts(self) -> list[int]:
        return [self.by_source.get(value, 0) for value, _label in Assignment.Source.choices]


def review_interval_months() -> int:
    """The automation's review interval (issue 6's site setting) where it exists, else 12.

    Looked up by name, not imported: the dashboard must keep working while that app is absent.
    """
    from django.apps import apps

    try:
        model = apps.get_model("automation", "AutomationSettings")
    except LookupError:
        return DEFAULT_REVIEW_INTERVAL_MONTHS
    value = (
        model.objects.filter(site__is_default_site=True)
        .values_list("review_interval_months", flat=True)
        .first()
    )
    return value or DEFAULT_REVIEW_INTERVAL_MONTHS


def _shift(month: datetime.date, months: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def pdca(
    *, scope: Scope, filters: hr.Filters, today: datetime.date | None = None
) -> list[PdcaMonth]:
    """One row per month of the period (default the last twelve): 8 queries in all."""
    today = today or timezone.localdate()
    months = hr.trend_months(filters, today)
    rows = {m: PdcaMonth(month=m) for m in months}

    # Plan: reviews approved (a review that supersedes another retires it the same month),
    # and reviews reaching the end of their interval.
    reviews = RiskReview.objects.exclude(status=RiskReview.Status.DRAFT)
    if filters.workplace is not None:
        reviews = reviews.filter(workplace__path__startswith=filters.workplace.path)
    approved = hr.per_month(
        reviews,
        "approved_at",
        months,
        {"n": (Count, "id", Q()), "superseding": (Count, "id", Q(supersedes__isnull=False))},
    )
    interval = review_interval_months()
    back = [_shift(m, -interval) for m in months]
    coming_due = hr.per_month(reviews, "review_date", back, {"n": (Count, "id", Q())})
    for month, earlier in zip(months, back, strict=True):
        rows[month].reviews_approved = approved[month]["n"]
        rows[month].reviews_superseded = approved[month]["superseding"]
        rows[month].reviews_due = coming_due[earlier]["n"]

    # Do: completion of what fell due, and completions recorded (2 queries).
    for month_row in hr.month_rows(scope=scope, filters=filters, today=today):
        rows[month_row.month].due = month_row.counts
        rows[month_row.month].completions = month_row.completions

    # Check: first attempts submitted in the month.
    unbounded = hr.Filters(workplace=filters.workplace, course=filters.course)
    checked = hr.per_month(
        graded_attempts(scope=scope, filters=unbounded).filter(number=1),
        "submitted_at",
        months,
        {
            "n": (Count, "id", Q()),
            "total": (Sum, "score", Q()),
            "passed": (Count, "id", Q(passed=True)),
        },
    )
    for month in months:
        rows[month].first_attempts = checked[month]["n"]
        rows[month].first_score_sum = Decimal(checked[month]["total"] or 0)
        rows[month].first_passed = checked[month]["passed"]

    # Act: assignments issued per month, by source (refreshers, plan, joiners, manual, self).
    issued = hr.assignments(scope=scope, filters=unbounded, today=today, include_history=True)
    by_source = hr.per_month(issued, "created_at", months, {"n": (Count, "id", Q())}, by="source")
    for month in months:
        counts = by_source[month]
        rows[month].by_source = {
            value: counts[f"n:{value}"]
            for value, _label in Assignment.Source.choices
            if counts.get(f"n:{value}")
        }
    return [rows[m] for m in months]


@dataclass
class SecurityDashboard:
    filters: hr.Filters
    categories: list[CategoryRow]
    workplaces: list[EffectivenessWorkplaceRow]
    questions: list[MissedQuestion]
    months: list[PdcaMonth]
    overall: Effectiveness


def security_dashboard(
    *, scope: Scope, filters: hr.Filters, today: datetime.date | None = None
) -> SecurityDashboard:
    workplaces = effectiveness_by_workplace(scope=scope, filters=filters)
    overall = Effectiveness()
    for row in workplaces:
        # Only the top rows: the rows below them are already part of their totals.
        if row.level == 0:
            overall.add(row.effectiveness)
    return SecurityDashboard(
        filters=filters,
        categories=effectiveness_by_category(scope=scope, filters=filters),
        workplaces=workplaces,
        questions=most_missed_questions(scope=scope, filters=filters),
        months=pdca(scope=scope, filters=filters, today=today),
        overall=overall,
    )
