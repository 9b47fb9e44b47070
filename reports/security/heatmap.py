"""The risk heat map, in a fixed number of queries.

Rows are workplaces, columns risk categories. A cell shows the level the workplace's current
review gave the category (its own review, or the nearest ancestor's it inherits), links to that
review, and the plan's coverage: how many of the workplace's required courses for that risk
are completed. Coverage is computed with the same pure plan as the assignments, so the map
shows what the plan requires even before a background job has applied it.

Coverage is counted in SQL, not per person in Python: the plan's rule for who needs a course
depends only on the course and on whether the employee is in management, so the pure plan is
run for one stand-in employee of each kind per workplace and multiplied by the head counts;
completions are counted per workplace, course and kind in one grouped query. The page's cost
thus follows the number of workplaces and courses, not of people.
"""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone

from courses.models import Assignment
from courses.planning import catalogue_load, reviews_load
from organisation.models import User, Workplace
from risk import plan
from risk.models import RiskCategory, RiskLevel, RiskReview
from risk.selectors import policy_current

from ..hr.selectors import day_start

# Stand-ins for "an employee" and "a manager" when the plan is asked what a workplace needs.
_STAFF, _MANAGER = plan.Employee(id=0), plan.Employee(id=1, is_management=True)


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


def current_since(refresher_months: int | None, today: datetime.date) -> datetime.date | None:
    """The earliest completion day that still counts today (None: every completion does).

    The plan's own rule (`completion_is_current`) decides; it only grows with the completion
    day, so walking forward from the first of the month one interval back finds the boundary
    in at most two months of days, without restating the month arithmetic here.
    """
    if refresher_months is None:
        return None
    index = today.year * 12 + today.month - 1 - refresher_months
    day = datetime.date(index // 12, index % 12 + 1, 1)
    while not plan.completion_is_current(day, refresher_months, today):
        day += datetime.timedelta(days=1)
    return day


def current_completions(
    courses: list[plan.Course], today: datetime.date
) -> dict[tuple[int, int, bool], int]:
    """People with a current completion per (workplace, course, is_management): one query.

    The (person, course) pairs are made distinct first and only then joined to the people
    and counted: COUNT(DISTINCT user_id) per group made PostgreSQL sort all 180,000
    completions on disk, while the distinct pairs come straight from the partial index
    `assignment_completed_idx`, without touching the table.
    """
    if not courses:
        return {}
    # One condition per distinct boundary, not per course: courses mostly share their
    # refresher interval, and thirty ORs evaluated on every completion cost as much as the scan.
    by_since: dict[datetime.date | None, list[int]] = {}
    for course in courses:
        by_since.setdefault(current_since(course.refresher_months, today), []).append(course.id)
    current = Q()
    for since, ids in by_since.items():
        condition = Q(course_id__in=ids)
        if since is not None:
            condition &= Q(completed_at__gte=day_start(since))
        current |= condition
    pairs = (
        Assignment.objects.filter(current, status=Assignment.Status.COMPLETED)
        .values("user_id", "course_id")
        .distinct()
        .order_by()
    )
    pairs_sql, params = pairs.query.sql_with_params()
    users = connection.ops.quote_name(User._meta.db_table)
    sql = (
        "SELECT u.workplace_id, d.course_id, u.is_management, COUNT(*)"  # noqa: S608 - table name from model meta, values are parameters  # nosec B608
        f" FROM ({pairs_sql}) d JOIN {users} u ON u.id = d.user_id"
        " WHERE u.is_active AND u.workplace_id IS NOT NULL"
        " GROUP BY u.workplace_id, d.course_id, u.is_management"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(w, c, bool(m)): n for w, c, m, n in cursor.fetchall()}


def risk_heatmap(*, today: datetime.date | None = None) -> HeatMap:
    """Workplaces x categories with levels and coverage; ten queries for any size."""
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

    # Head counts per workplace: (everyone active, of them in management).
    staff = {
        workplace_id: (total, managers)
        for workplace_id, total, managers in User.objects.filter(
            is_active=True, workplace__isnull=False
        )
        .values_list("workplace_id")
        .annotate(total=Count("id"), managers=Count("id", filter=Q(is_management=True)))
        .order_by()
    }
    # Who has a current completion of which course: the plan's own rule of "satisfied".
    completed = current_completions(courses, today)

    by_path = {w.path: w for w in workplaces}
    reviewed_paths = [w.path for w in workplaces if w.pk in reviews]
    effective = plan.effective_review_paths(by_path, reviewed_paths, steplen=Workplace.steplen)
    column = {c.pk: i for i, c in enumerate(categories)}

    rows = []
    for workplace in workplaces:
        nearest = effective[workplace.path]
        review = reviews[by_path[nearest].pk] if nearest else None
        total, managers = staff.get(workplace.pk, (0, 0))
        row = HeatRow(
            workplace=workplace,
            review=review,
            inherited=review is not None and review.workplace_id != workplace.pk,
            employees=total,
            cells=[HeatCell() for _ in categories],
        )
        if review is not None:
            for assessment in plans[review.pk].assessments:
                if assessment.category_id in column:
                    cell = row.cells[column[assessment.category_id]]
                    cell.level, cell.review_id = assessment.level, review.pk
                    cell.inherited = row.inherited
            # What the plan requires of one employee and of one manager here, times how many
            # of each the workplace has (managers are employees too, hence the subtraction).
            heads = {_STAFF.id: (total - managers, False), _MANAGER.id: (managers, True)}
            for requirement in plan.plan(
                review=plans[review.pk],
                courses=courses,
                employees=[_STAFF, _MANAGER],
                policy=policy,
                start=today,
            ):
                count, management = heads[requirement.employee_id]
                if not count:
                    continue
                cell = row.cells[column[requirement.category_id]]
                cell.required += count
                cell.completed += completed.get(
                    (workplace.pk, requirement.course_id, management), 0
                )
        rows.append(row)
    return HeatMap(categories=categories, rows=rows, policy=policy)
