"""The risk heat map, in a fixed number of queries.

Rows are workplaces, columns risk categories. A cell shows the level the workplace's current
review gave the category (its own review, or the nearest ancestor's it inherits), links to that
review, and the plan's coverage: how many of the workplace's required courses for that risk
are completed. Coverage is computed with the same pure plan as the assignments, so the map
shows what the plan requires even before a background job has applied it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from courses.models import Assignment
from courses.planning import catalogue_load, reviews_load
from organisation.models import User, Workplace
from risk import plan
from risk.models import RiskCategory, RiskLevel, RiskReview
from risk.selectors import policy_current


@dataclass
class HeatCell:
    level: str | None = None
    review_id: int | None = None
    inherited: bool = False
    required: int = 0
    completed: int = 0

    @property
    def level_label(self) -> str:
        return RiskLevel(self.level).label if self.level else ""

    @property
    def percent(self) -> int | None:
        return round(100 * self.completed / self.required) if self.required else None


@dataclass
class HeatRow:
    workplace: Workplace
    review: RiskReview | None
    inherited: bool
    employees: int
    cells: list[HeatCell] = field(default_factory=list)

    @property
    def indent(self) -> int:
        return self.workplace.depth - 1


@dataclass
class HeatMap:
    categories: list[RiskCategory]
    rows: list[HeatRow]
    policy: plan.Policy

    @property
    def reviewed(self) -> int:
        return sum(1 for row in self.rows if row.review and not row.inherited)


def risk_heatmap(*, today: datetime.date | None = None) -> HeatMap:
    """Workplaces x categories with levels and coverage; nine queries for any size."""
    today = today or timezone.localdate()
    policy = policy_current()
    workplaces = list(Workplace.objects.order_by("path"))
    categories = list(RiskCategory.objects.all())
    reviews = {
        r.workplace_id: r
        for r in RiskReview.objects.filter(status=RiskReview.Status.APPROVED).select_related(
            "workplace"
        )
    }
    plans = reviews_load(r.pk for r in reviews.values())
    courses = catalogue_load()
    refresher = {c.id: c.refresher_months for c in courses}

    staff: dict[int, list[plan.Employee]] = defaultdict(list)
    for pk, workplace_id, management in User.objects.filter(
        is_active=True, workplace__isnull=False
    ).values_list("pk", "workplace_id", "is_management"):
        staff[workplace_id].append(plan.Employee(id=pk, is_management=management))

    # Who has a current completion of which course: the plan's own rule of "satisfied".
    completed: set[tuple[int, int]] = set()
    for user_id, course_id, completed_at in Assignment.objects.filter(
        status=Assignment.Status.COMPLETED, user__is_active=True, course_id__in=refresher
    ).values_list("user_id", "course_id", "completed_at"):
        if plan.completion_is_current(
            timezone.localdate(completed_at), refresher[course_id], today
        ):
            completed.add((user_id, course_id))

    by_path = {w.path: w for w in workplaces}
    reviewed_paths = [w.path for w in workplaces if w.pk in reviews]
    effective = plan.effective_review_paths(by_path, reviewed_paths, steplen=Workplace.steplen)
    column = {c.pk: i for i, c in enumerate(categories)}

    rows = []
    for workplace in workplaces:
        nearest = effective[workplace.path]
        review = reviews[by_path[nearest].pk] if nearest else None
        row = HeatRow(
            workplace=workplace,
            review=review,
            inherited=review is not None and review.workplace_id != workplace.pk,
            employees=len(staff[workplace.pk]),
            cells=[HeatCell() for _ in categories],
        )
        if review is not None:
            for assessment in plans[review.pk].assessments:
                if assessment.category_id in column:
                    cell = row.cells[column[assessment.category_id]]
                    cell.level, cell.review_id = assessment.level, review.pk
                    cell.inherited = row.inherited
            for requirement in plan.plan(
                review=plans[review.pk],
                courses=courses,
                employees=staff[workplace.pk],
                policy=policy,
                start=today,
            ):
                cell = row.cells[column[requirement.category_id]]
                cell.required += 1
                if requirement.key in completed:
                    cell.completed += 1
        rows.append(row)
    return HeatMap(categories=categories, rows=rows, policy=policy)
