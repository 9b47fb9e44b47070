"""The read side of HR's dashboard: completion and overdue per workplace, course and month.

Every function takes the viewer's Scope and narrows by it first, so a filter can only ever
narrow further. Numbers come from grouped aggregates (one query per table) and are rolled up
the workplace tree in Python, so the query count is the same for ten people or ten thousand.

Definitions used on every page and export:
- the population is the assignments of active employees that are not "no longer required";
- completed: status completed; overdue: still assigned and due before today; open: the rest;
- completion rate = completed / all in the population;
- the period filter keeps assignments *due* in the period (those without a due date by the
  day they were assigned).
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, DateTimeField, F, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from automation.models import Notification
from core.collation import CzechCollate, czech_order, person_search
from courses.models import Assignment, CoursePage
from organisation.models import Workplace

from ..scope import Scope

STATUS_COMPLETED = "completed"
STATUS_OPEN = "open"
STATUS_OVERDUE = "overdue"
STATUSES = (STATUS_COMPLETED, STATUS_OPEN, STATUS_OVERDUE)
TREND_MONTHS = 12
MAX_TREND_MONTHS = 36
PAGE_SIZE = 50
# Assignments by their person's name, in Czech alphabetical order.
PERSON_ORDER = (czech_order("user__last_name"), czech_order("user__first_name"))


# --- Filters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What the viewer narrowed the report to; validated by the form against their scope."""

    workplace: Workplace | None = None
    course: CoursePage | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    status: str = ""
    search: str = ""  # words of a name or e-mail, diacritics ignored

    def params(self, **overrides) -> dict[str, str]:
        """The filters as GET parameters, for drill-down links and exports."""
        values = {
            "workplace": self.workplace.pk if self.workplace else "",
            "course": self.course.pk if self.course else "",
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
            "status": self.status,
            "q": self.search,
        }
        values.update(overrides)
        return {k: str(v) for k, v in values.items() if v not in ("", None)}

    def query(self, **overrides) -> str:
        return urlencode(self.params(**overrides))

    def as_json(self) -> dict:
        return self.params()


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day` in the organisation's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def days_q(field: str, date_from: datetime.date | None, date_to: datetime.date | None) -> Q:
    """A datetime field within whole local days, as plain comparisons.

    Comparing with aware bounds (not `field__date`) lets the database use its index and
    spares SQLite a Python function call per row.
    """
    q = Q()
    if date_from:
        q &= Q(**{f"{field}__gte": day_start(date_from)})
    if date_to:
        q &= Q(**{f"{field}__lt": day_start(date_to + datetime.timedelta(days=1))})
    return q


def period_q(date_from: datetime.date | None, date_to: datetime.date | None, prefix: str = "") -> Q:
    """Due in the period; without a due date, assigned in it."""
    if not date_from and not date_to:
        return Q()
    due = Q()
    if date_from:
        due &= Q(**{f"{prefix}due_date__gte": date_from})
    if date_to:
        due &= Q(**{f"{prefix}due_date__lte": date_to})
    assigned = Q(**{f"{prefix}due_date__isnull": True}) & days_q(
        f"{prefix}created_at", date_from, date_to
    )
    return due | assigned


def status_q(status: str, today: datetime.date) -> Q:
    if status == STATUS_COMPLETED:
        return Q(status=Assignment.Status.COMPLETED)
    if status == STATUS_OVERDUE:
        return Q(status=Assignment.Status.ASSIGNED, due_date__lt=today)
    if status == STATUS_OPEN:
        return Q(status=Assignment.Status.ASSIGNED) & (
            Q(due_date__isnull=True) | Q(due_date__gte=today)
        )
    return Q()


def assignments(
    *,
    scope: Scope,
    filters: Filters,
    today: datetime.date | None = None,
    include_history: bool = False,
    apply_period: bool = True,
) -> QuerySet:
    """The population of the dashboard (or, with include_history, every record) in scope."""
    today = today or timezone.localdate()
    queryset = scope.restrict(Assignment.objects.all())
    if not include_history:
        queryset = queryset.filter(user__is_active=True).exclude(
            status=Assignment.Status.NOT_REQUIRED
        )
    if filters.workplace is not None:
        queryset = queryset.filter(user__workplace__path__startswith=filters.workplace.path)
    if filters.course is not None:
        queryset = queryset.filter(course_id=filters.course.pk)
    if apply_period:
        queryset = queryset.filter(period_q(filters.date_from, filters.date_to))
    if filters.status:
        queryset = queryset.filter(status_q(filters.status, today))
    if filters.search:
        queryset = person_search(queryset, filters.search, prefix="user__")
    return queryset


def count_aggregates(today: datetime.date) -> dict:
    return {
        "required": Count("id"),
        "completed": Count("id", filter=Q(status=Assignment.Status.COMPLETED)),
        "overdue": Count("id", filter=Q(status=Assignment.Status.ASSIGNED, due_date__lt=today)),
    }


# --- Numbers ---------------------------------------------------------------------------------


@dataclass
class Counts:
    required: int = 0
    completed: int = 0
    overdue: int = 0

    @property
    def open(self) -> int:
        return self.required - self.completed - self.overdue

    @property
    def rate(self) -> float | None:
        """Completion rate in per cent, None when nothing is required."""
        return 100 * self.completed / self.required if self.required else None

    def add(self, other: Counts) -> None:
        self.required += other.required
        self.completed += other.completed
        self.overdue += other.overdue

    @classmethod
    def from_row(cls, row: dict) -> Counts:
        return cls(required=row["required"], completed=row["completed"], overdue=row["overdue"])


def format_rate(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0f} %"


@dataclass
class WorkplaceLabel:
    pk: int
    name: str
    path: str
    depth: int
    full_name: str


def workplace_labels() -> dict[int, WorkplaceLabel]:
    """Every workplace with its full name ("Odbor / Oddělení"), in one query."""
    rows = list(Workplace.objects.order_by("path").values_list("pk", "name", "path", "depth"))
    by_path = {path: name for _, name, path, _ in rows}
    steplen = Workplace.steplen
    return {
        pk: WorkplaceLabel(
            pk=pk,
            name=name,
            path=path,
            depth=depth,
            full_name=" / ".join(
                by_path.get(path[:n], "?") for n in range(steplen, len(path) + 1, steplen)
            ),
        )
        for pk, name, path, depth in rows
    }


@dataclass
class WorkplaceRow:
    pk: int | None
    name: str
    full_name: str
    level: int  # 0 for the top rows shown, 1 for their children ...
    own: Counts
    total: Counts  # with every sub-workplace rolled up
    links: dict[str, str] = field(default_factory=dict)

    @property
    def has_children_counts(self) -> bool:
        return self.total.required != self.own.required


@dataclass
class CourseRow:
    pk: int
    title: str
    counts: Counts
    links: dict[str, str] = field(default_factory=dict)


@dataclass
class MonthRow:
    month: datetime.date
    counts: Counts  # assignments due in the month
    completions: int  # completions recorded in the month, whatever their due date
    links: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.month.month}/{self.month.year}"


def subtree_totals(own: dict, labels: dict[int, WorkplaceLabel], factory) -> dict[int, object]:
    """Each workplace's value plus every descendant's; pure, no queries.

    `own` maps workplace ids to values with an `add` method; a workplace's total sums those
    whose path starts with its path, which is what treebeard's materialised path means by
    "in the subtree".
    """
    steplen = Workplace.steplen
    by_path = {label.path: label for label in labels.values()}
    totals: dict[int, object] = {}
    for pk, value in own.items():
        if pk is None or pk not in labels:
            continue
        path = labels[pk].path
        for n in range(steplen, len(path) + 1, steplen):
            ancestor = by_path.get(path[:n])
            if ancestor is not None:
                totals.setdefault(ancestor.pk, factory()).add(value)
    return totals


def rollup(
    own: dict[int | None, Counts], labels: dict[int, WorkplaceLabel], *, root: Workplace | None
) -> list[WorkplaceRow]:
    """Rows of workplaces with anything required, in tree order, below `root` if given."""
    totals = subtree_totals(own, labels, Counts)
    base_depth = root.depth if root is not None else 1
    rows = []
    for label in sorted(labels.values(), key=lambda item: item.path):
        if root is not None and not label.path.startswith(root.path):
            continue
        total = totals.get(label.pk)
        if total is None or total.required == 0:
            continue
        rows.append(
            WorkplaceRow(
                pk=label.pk,
                name=label.name,
                full_name=label.full_name,
                level=label.depth - base_depth,
                own=own.get(label.pk, Counts()),
                total=total,
            )
        )
    nowhere = own.get(None)
    if nowhere is not None and nowhere.required and root is None:
        rows.append(
            WorkplaceRow(
                pk=None,
                name=_("Without a workplace"),
                full_name=_("Without a workplace"),
                level=0,
                own=nowhere,
                total=nowhere,
            )
        )
    return rows


def scope_root_path(
    rows: list[WorkplaceRow], labels: dict[int, WorkplaceLabel], root: Workplace | None
) -> str:
    """The deepest workplace above everybody counted (or the chosen one), as a path.

    "" when the people counted sit under more than one top workplace. A manager whose
    team sits in one section gets that section, whatever workplace they filtered by.
    """
    steplen = Workplace.steplen
    paths = [labels[row.pk].path for row in rows if row.pk is not None and row.own.required]
    common = os.path.commonprefix(paths) if paths else ""
    common = common[: len(common) - len(common) % steplen]
    if root is not None and len(root.path) > len(common):
        return root.path
    return common


def chart_rows(
    rows: list[WorkplaceRow], labels: dict[int, WorkplaceLabel], *, root: Workplace | None
) -> list[WorkplaceRow]:
    """One bar per first-level sub-workplace of the scope root, each with its subtree summed.

    A whole office under one top workplace thus shows its departments, not a single bar.
    A scope root that is a leaf (or has nobody below) is its own bar; people who sit in
    the root itself get a bar of their own ("directly"), so the bars add up to the total.
    Pure: it reads the rolled-up rows, no queries.
    """
    steplen = Workplace.steplen
    base = scope_root_path(rows, labels, root)
    by_path = {labels[row.pk].path: row for row in rows if row.pk is not None}
    children = [
        row
        for path, row in by_path.items()
        if len(path) == len(base) + steplen and path.startswith(base)
    ]
    children.sort(key=lambda row: labels[row.pk].path)
    root_row = by_path.get(base)
    if root_row is not None and not children:
        bars = [root_row]
    elif root_row is not None and root_row.own.required:
        directly = WorkplaceRow(
            pk=root_row.pk,
            name=_("%(name)s (directly)") % {"name": root_row.name},
            full_name=_("%(name)s (directly)") % {"name": root_row.full_name},
            level=root_row.level,
            own=root_row.own,
            total=root_row.own,
        )
        bars = [directly, *children]
    else:
        bars = children
    return bars + [row for row in rows if row.pk is None]


def month_starts(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The first day of every month from `first`'s month to `last`'s, both included."""
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current + datetime.timedelta(days=32)).replace(day=1)
    return months


def trend_months(filters: Filters, today: datetime.date) -> list[datetime.date]:
    """The months of the period (at most three years, so a chart stays legible), or the last 12."""
    last = filters.date_to or today
    first = filters.date_from or (last.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    if not filters.date_from:
        months = month_starts(first, last)
        while len(months) < TREND_MONTHS:
            months.insert(0, (months[0] - datetime.timedelta(days=1)).replace(day=1))
        return months
    return month_starts(first, last)[-MAX_TREND_MONTHS:]


def month_end(month: datetime.date) -> datetime.date:
    return (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)


@dataclass
class HRDashboard:
    filters: Filters
    totals: Counts
    workplaces: list[WorkplaceRow]
    courses: list[CourseRow]
    months: list[MonthRow]
    chart_workplaces: list[WorkplaceRow] = field(default_factory=list)


def drill_links(filters: Filters, **narrowed) -> dict[str, str]:
    """Query strings of the people behind each number of a row, keeping the other filters."""
    return {
        "all": filters.query(status="", **narrowed),
        **{status: filters.query(status=status, **narrowed) for status in STATUSES},
    }


def course_rows(queryset: QuerySet, today: datetime.date) -> list[CourseRow]:
    rows = (
        queryset.values("course_id", "course__title")
        .annotate(**count_aggregates(today))
        .order_by("course__title", "course_id")
    )
    return [
        CourseRow(pk=row["course_id"], title=row["course__title"], counts=Counts.from_row(row))
        for row in rows
    ]


def workplace_and_course_counts(
    queryset: QuerySet, today: datetime.date
) -> tuple[dict[int | None, Counts], list[CourseRow]]:
    """Counts per workplace and per course from one scan of the assignments (2 queries).

    Grouping by both at once yields at most workplaces x courses rows, which Python sums
    either way; scanning the assignments once instead of twice halves the report's cost.
    """
    grid = (
        queryset.values("user__workplace_id", "course_id")
        .annotate(**count_aggregates(today))
        .order_by()
    )
    own: dict[int | None, Counts] = {}
    by_course: dict[int, Counts] = {}
    for row in grid:
        counts = Counts.from_row(row)
        own.setdefault(row["user__workplace_id"], Counts()).add(counts)
        by_course.setdefault(row["course_id"], Counts()).add(counts)
    titles = dict(CoursePage.objects.filter(pk__in=list(by_course)).values_list("pk", "title"))
    courses = [
        CourseRow(pk=pk, title=titles.get(pk, ""), counts=counts)
        for pk, counts in by_course.items()
    ]
    courses.sort(key=lambda row: (row.title, row.pk))
    return own, courses


def next_month(month: datetime.date) -> datetime.date:
    return (month + datetime.timedelta(days=32)).replace(day=1)


def per_month(
    queryset: QuerySet,
    field: str,
    months: list[datetime.date],
    measures: dict[str, tuple[type, str, Q]],
    by: str | None = None,
) -> dict[datetime.date, dict]:
    """Each measure once per month of `field`, in one query, on any database.

    A measure is (Count or Sum, expression, extra filter). No per-row date function is used
    (SQLite runs those in Python, one call per row): a date field is grouped by its own
    value (at most a few hundred distinct days) and folded into months here; a datetime is
    compared with the local midnights that bound each month, one conditional aggregate per
    month, which also puts a completion at 00:30 on the 1st in the right month. (Measured on
    PostgreSQL at 300,000 rows, these comparisons beat date_trunc(... AT TIME ZONE ...) and
    width_bucket: the time zone conversion per row is what costs.)

    With `by`, the rows are also grouped by that column and each measure is reported per
    value as "<measure>:<value>": one filtered aggregate per month instead of one per month
    and value, which is what a breakdown by, say, source would otherwise cost.
    """
    start, end = months[0], next_month(months[-1])
    result = {month: dict.fromkeys(measures, 0) for month in months}
    if not isinstance(queryset.model._meta.get_field(field), DateTimeField):
        if by is not None:
            raise TypeError("per_month(by=...) groups datetime fields only")
        rows = (
            queryset.filter(**{f"{field}__gte": start, f"{field}__lt": end})
            .values(field)
            .annotate(
                **{name: fn(expr, filter=extra) for name, (fn, expr, extra) in measures.items()}
            )
            .order_by()
        )
        for row in rows:
            totals = result[row[field].replace(day=1)]
            for name in measures:
                totals[name] += row[name] or 0
        return result
    aggregates = {}
    for i, month in enumerate(months):
        window = Q(
            **{f"{field}__gte": day_start(month), f"{field}__lt": day_start(next_month(month))}
        )
        for name, (function, expression, extra) in measures.items():
            aggregates[f"m{i}_{name}"] = function(expression, filter=window & extra)
    window = queryset.filter(
        **{f"{field}__gte": day_start(start), f"{field}__lt": day_start(end)}
    ).order_by()
    if by is not None:
        for row in window.values(by).annotate(**aggregates):
            for i, month in enumerate(months):
                for name in measures:
                    result[month][f"{name}:{row[by]}"] = row[f"m{i}_{name}"] or 0
        return result
    row = window.aggregate(**aggregates)
    for i, month in enumerate(months):
        for name in measures:
            result[month][name] = row[f"m{i}_{name}"] or 0
    return result


def count_measures(today: datetime.date) -> dict[str, tuple[type, str, Q]]:
    return {
        "required": (Count, "id", Q()),
        "completed": (Count, "id", Q(status=Assignment.Status.COMPLETED)),
        "overdue": (Count, "id", Q(status=Assignment.Status.ASSIGNED, due_date__lt=today)),
    }


def month_rows(*, scope: Scope, filters: Filters, today: datetime.date) -> list[MonthRow]:
    """Per month: what fell due (and how much of it is done), and what was completed: 2 queries."""
    months = trend_months(filters, today)
    base = assignments(scope=scope, filters=filters, today=today, apply_period=False)
    due = per_month(base, "due_date", months, count_measures(today))
    # COUNT(user_id), not COUNT(id): every column read is then in the partial index on
    # completed assignments (assignment_completed_idx), which PostgreSQL scans without
    # reading the table. (COUNT(*) would do too, but Django allows no filter on it.)
    done = per_month(
        base.filter(status=Assignment.Status.COMPLETED),
        "completed_at",
        months,
        {"n": (Count, "user_id", Q())},
    )
    return [
        MonthRow(month=m, counts=Counts.from_row(due[m]), completions=done[m]["n"]) for m in months
    ]


def hr_dashboard(
    *, scope: Scope, filters: Filters, today: datetime.date | None = None
) -> HRDashboard:
    """Completion and overdue per workplace (rolled up), per course and per month: 5 queries."""
    today = today or timezone.localdate()
    queryset = assignments(scope=scope, filters=filters, today=today)
    own, courses = workplace_and_course_counts(queryset, today)
    labels = workplace_labels()
    workplaces = rollup(own, labels, root=filters.workplace)
    totals = Counts()
    for row in courses:
        totals.add(row.counts)
    months = month_rows(scope=scope, filters=filters, today=today)
    for row in workplaces:
        if row.pk is not None:
            row.links = drill_links(filters, workplace=row.pk)
    for row in courses:
        row.links = drill_links(filters, course=row.pk)
    for row in months:
        row.links = drill_links(
            filters, date_from=row.month.isoformat(), date_to=month_end(row.month).isoformat()
        )
    chart = chart_rows(workplaces, labels, root=filters.workplace)
    return HRDashboard(
        filters=filters,
        totals=totals,
        workplaces=workplaces,
        courses=courses,
        months=months,
        chart_workplaces=chart,
    )


# --- People behind a number ------------------------------------------------------------------


@dataclass
class PersonRow:
    assignment: Assignment
    workplace_name: str
    days_overdue: int
    last_reminder: datetime.datetime | None = None  # the latest reminder e-mail recorded

    @property
    def status_key(self) -> str:
        if self.assignment.status == Assignment.Status.COMPLETED:
            return STATUS_COMPLETED
        if self.assignment.status == Assignment.Status.NOT_REQUIRED:
            return "not_required"
        return STATUS_OVERDUE if self.days_overdue > 0 else STATUS_OPEN


def status_label(key: str) -> str:
    return {
        STATUS_COMPLETED: _("Completed"),
        STATUS_OPEN: _("Open"),
        STATUS_OVERDUE: _("Overdue"),
        "not_required": _("No longer required"),
    }[key]


def days_overdue(due_date: datetime.date | None, status: str, today: datetime.date) -> int:
    if status != Assignment.Status.ASSIGNED or due_date is None or due_date >= today:
        return 0
    return (today - due_date).days


@dataclass
class ListPage:
    """One page of a people list, reached by number (offset) or by a neighbour's row (keyset).

    It answers what the template and Django's Page do (`object_list`, `number`, `has_next`,
    `has_previous`, `has_other_pages`, `paginator.num_pages`), and carries the query strings
    of its neighbours: "next" starts after this page's last row and "previous" ends before
    its first, so following them costs one index range however deep the page is.
    """

    object_list: list
    number: int
    num_pages: int
    next_params: dict[str, str] = field(default_factory=dict)
    previous_params: dict[str, str] = field(default_factory=dict)

    @property
    def paginator(self) -> ListPage:
        return self  # the template reads page.paginator.num_pages

    def has_next(self) -> bool:
        return bool(self.next_params)

    def has_previous(self) -> bool:
        return bool(self.previous_params)

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_query(self) -> str:
        return urlencode(self.next_params)

    @property
    def previous_query(self) -> str:
        return urlencode(self.previous_params)


@dataclass
class PeoplePage:
    filters: Filters
    page: ListPage
    count: int


# The people lists' sort keys: (annotation, expression). The last is always the id, so every
# row has a distinct key and "after this row" is exact.
_LAST, _FIRST = CzechCollate(F("user__last_name")), CzechCollate(F("user__first_name"))
PEOPLE_KEYS = (("k_last", _LAST), ("k_first", _FIRST), ("k_title", F("course__title")))
OVERDUE_KEYS = (("k_due", F("due_date")), ("k_last", _LAST), ("k_first", _FIRST))


def _positive(value, default: int = 1) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


def keyset_q(names: list[str], values: list, *, after: bool) -> Q:
    """Rows whose key (names, in order) sorts after (or before) `values`, as plain comparisons.

    The expanded form (a > x) or (a = x and b > y) ... works on SQLite and PostgreSQL alike;
    the leading `a >= x` is redundant but lets an index on the first key start the scan there.
    """
    op = "gt" if after else "lt"
    edge = "gte" if after else "lte"
    condition = Q()
    for i, name in enumerate(names):
        term = Q(**{f"{n}": v for n, v in zip(names[:i], values[:i], strict=True)})
        condition |= term & Q(**{f"{name}__{op}": values[i]})
    if values[0] is None:
        return condition
    return Q(**{f"{names[0]}__{edge}": values[0]}) & condition


def people(
    *,
    scope: Scope,
    filters: Filters,
    page_number: int | str | None = 1,
    today: datetime.date | None = None,
    overdue_first: bool = False,
    after: int | str | None = None,
    before: int | str | None = None,
) -> PeoplePage:
    """The assignments behind a number, one page at a time: 4 queries (count, page, labels,
    reminders), one more when the page is reached from a neighbour's row (`after`/`before`,
    an assignment id), which makes any page as cheap as the first.
    """
    today = today or timezone.localdate()
    base = assignments(scope=scope, filters=filters, today=today)
    keys = OVERDUE_KEYS if overdue_first else PEOPLE_KEYS
    names = [name for name, _ in keys] + ["id"]
    ordered = base.annotate(**dict(keys))
    count = base.count()
    num_pages = max(1, -(-count // PAGE_SIZE))
    number = min(_positive(page_number), num_pages)

    anchor_id = _positive(after, 0) or _positive(before, 0)
    anchor = None
    if anchor_id:
        # The anchor must itself be a row of this list, so a hand-made cursor reveals
        # nothing about anyone outside the viewer's scope and filters.
        anchor = ordered.filter(pk=anchor_id).values_list(*names).first()
    rows = ordered.select_related("user", "user__manager", "course")
    if anchor is not None and _positive(after, 0):
        page_rows = list(
            rows.filter(keyset_q(names, list(anchor), after=True)).order_by(*names)[: PAGE_SIZE + 1]
        )
        has_more_after = len(page_rows) > PAGE_SIZE
        page_rows = page_rows[:PAGE_SIZE]
        has_more_before = True
    elif anchor is not None:
        backwards = [f"-{name}" for name in names]
        page_rows = list(
            rows.filter(keyset_q(names, list(anchor), after=False)).order_by(*backwards)[
                : PAGE_SIZE + 1
            ]
        )
        has_more_before = len(page_rows) > PAGE_SIZE
        page_rows = page_rows[:PAGE_SIZE][::-1]
        has_more_after = True
    else:
        offset = (number - 1) * PAGE_SIZE
        page_rows = list(rows.order_by(*names)[offset : offset + PAGE_SIZE + 1])
        has_more_after = len(page_rows) > PAGE_SIZE
        page_rows = page_rows[:PAGE_SIZE]
        has_more_before = number > 1
    if not page_rows:
        has_more_after = has_more_before = False
    number = max(1, min(number, num_pages))

    next_params = previous_params = {}
    if has_more_after and page_rows:
        next_params = {"page": str(number + 1), "after": str(page_rows[-1].pk)}
    if has_more_before and page_rows:
        # Back to the first page is the plain first page (no cursor), so it stays shareable.
        previous_params = (
            {"page": "1"}
            if number <= 2
            else {"page": str(number - 1), "before": str(page_rows[0].pk)}
        )

    labels = workplace_labels()
    object_list = [
        PersonRow(
            assignment=a,
            workplace_name=labels[a.user.workplace_id].full_name if a.user.workplace_id else "",
            days_overdue=days_overdue(a.due_date, a.status, today),
        )
        for a in page_rows
    ]
    # When each row was last reminded (HR's "chasing the overdue").
    latest = last_reminders([row.assignment.pk for row in object_list])
    for row in object_list:
        row.last_reminder = latest.get(row.assignment.pk)
    page = ListPage(
        object_list=object_list,
        number=number,
        num_pages=num_pages,
        next_params=next_params,
        previous_params=previous_params,
    )
    return PeoplePage(filters=filters, page=page, count=count)


def last_reminders(assignment_ids: list[int]) -> dict[int, datetime.datetime]:
    """When each assignment's latest reminder (scheduled or sent by hand) went out: 1 query."""
    if not assignment_ids:
        return {}
    rows = (
        Notification.objects.filter(
            kind=Notification.Kind.REMINDER, skipped=False, assignment_id__in=assignment_ids
        )
        .values("assignment_id")
        .annotate(latest=Max("created_at"))
        .order_by()
    )
    return {row["assignment_id"]: row["latest"] for row in rows}
