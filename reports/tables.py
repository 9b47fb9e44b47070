"""The dashboards' tables as plain rows for CSV/XLSX: the same numbers the pages show."""

from __future__ import annotations

from django.utils.translation import gettext as _

from courses.models import Assignment

from .exports import Table
from .hr.selectors import Counts, CourseRow, HRDashboard, MonthRow, WorkplaceRow
from .security.selectors import Effectiveness, SecurityDashboard


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _count_headings() -> list[str]:
    return [_("Required"), _("Completed"), _("Open"), _("Overdue"), _("Completion rate (%)")]


def _count_cells(counts: Counts) -> list:
    return [counts.required, counts.completed, counts.open, counts.overdue, _rate(counts.rate)]


def workplaces_table(rows: list[WorkplaceRow]) -> Table:
    return Table(
        key="workplaces",
        title=_("Completion by workplace"),
        headings=[_("Workplace"), *_count_headings()],
        rows=[[row.full_name, *_count_cells(row.total)] for row in rows],
    )


def courses_table(rows: list[CourseRow], *, key: str = "courses", heading: str = "") -> Table:
    """Completion per course; the evidence pack reuses it for the management track."""
    return Table(
        key=key,
        title=_("Completion by course"),
        headings=[heading or _("Course"), *_count_headings()],
        rows=[[row.title, *_count_cells(row.counts)] for row in rows],
    )


def months_table(rows: list[MonthRow]) -> Table:
    return Table(
        key="months",
        title=_("Completion by month due"),
        headings=[
            _("Month"),
            _("Due"),
            _("Completed"),
            _("Overdue"),
            _("Completion rate (%)"),
            _("Completions recorded"),
        ],
        rows=[
            [
                row.month.strftime("%Y-%m"),
                row.counts.required,
                row.counts.completed,
                row.counts.overdue,
                _rate(row.counts.rate),
                row.completions,
            ]
            for row in rows
        ],
    )


def hr_tables(dashboard: HRDashboard) -> dict[str, Table]:
    tables = [
        workplaces_table(dashboard.workplaces),
        courses_table(dashboard.courses),
        months_table(dashboard.months),
    ]
    return {table.key: table for table in tables}


def _effectiveness_headings() -> list[str]:
    return [
        _("First attempts"),
        _("Average first-attempt score (%)"),
        _("First-attempt pass rate (%)"),
        _("Learners"),
        _("Passed (%)"),
    ]


def _effectiveness_cells(e: Effectiveness) -> list:
    return [
        e.first_attempts,
        _rate(e.average_first_score),
        _rate(e.first_pass_rate),
        e.learners,
        _rate(e.pass_rate),
    ]


def security_tables(dashboard: SecurityDashboard) -> dict[str, Table]:
    sources = [str(label) for _value, label in Assignment.Source.choices]
    return {
        "categories": Table(
            key="categories",
            title=_("Effectiveness by risk category"),
            headings=[_("Risk category"), *_effectiveness_headings()],
            rows=[[r.name, *_effectiveness_cells(r.effectiveness)] for r in dashboard.categories],
        ),
        "workplaces": Table(
            key="workplaces",
            title=_("Effectiveness by workplace"),
            headings=[_("Workplace"), *_effectiveness_headings()],
            rows=[
                [r.full_name, *_effectiveness_cells(r.effectiveness)] for r in dashboard.workplaces
            ],
        ),
        "questions": Table(
            key="questions",
            title=_("Most often missed questions"),
            headings=[
                _("Question"),
                _("Question bank"),
                _("Risk category"),
                _("Answers"),
                _("Not fully correct"),
                _("Facility (%)"),
            ],
            rows=[
                [q.name, q.bank, q.category, q.responses, q.wrong, _rate(q.facility_percent)]
                for q in dashboard.questions
            ],
        ),
        "pdca": Table(
            key="pdca",
            title=_("PDCA by month"),
            headings=[
                _("Month"),
                _("Plan: reviews approved"),
                _("Plan: reviews coming due"),
                _("Do: due"),
                _("Do: completion rate (%)"),
                _("Do: completions recorded"),
                _("Check: first attempts"),
                _("Check: average first-attempt score (%)"),
                _("Check: first-attempt pass rate (%)"),
                *[_("Act: new assignments – %(source)s") % {"source": s} for s in sources],
                _("Act: reviews superseded"),
            ],
            rows=[
                [
                    m.month.strftime("%Y-%m"),
                    m.reviews_approved,
                    m.reviews_due,
                    m.due.required,
                    _rate(m.due.rate),
                    m.completions,
                    m.first_attempts,
                    _rate(m.average_first_score),
                    _rate(m.first_pass_rate),
                    *m.source_counts(),
                    m.reviews_superseded,
                ]
                for m in dashboard.months
            ],
        ),
    }
