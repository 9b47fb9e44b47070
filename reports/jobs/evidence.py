"""The auditor's evidence pack: one ZIP with a Czech PDF summary and the CSV data behind it.

It answers what ISO/IEC 27001 A.6.3, NIS2 and the Czech cybersecurity decrees ask a body to
show for a period: the awareness plan (which workplaces and roles take which courses, how
often and why), who completed what and when with what score, who is overdue, the refresher
intervals, whether the training works (scores, pass rates, missed questions) and how the
management track is doing. Every number comes from the same selectors as the dashboards.
"""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from courses import planning
from courses.models import Assignment, CoursePage
from organisation.models import Workplace
from risk import plan
from risk.models import RiskAssessment, RiskCategory, RiskLevel, RiskReview
from risk.selectors import policy_current

from .. import pdf, records
from ..exports import Table, write_csv
from ..hr import selectors as hr
from ..scope import EVERYONE, Scope
from ..security import selectors as security
from ..tables import courses_table, hr_tables, security_tables, workplaces_table

LANGUAGE = "cs"  # the pack is for Czech auditors, whoever asks for it
OVERDUE_IN_PDF = 100


@dataclass
class PlanRow:
    workplace: str
    review: str
    course: str
    audience: str
    category: str
    level: str
    due_days: int | None
    refresher_months: int | None
    reason: str

    def cells(self) -> list:
        return [
            self.workplace,
            self.review,
            self.course,
            self.audience,
            self.category,
            self.level,
            self.due_days,
            self.refresher_months,
            self.reason,
        ]


def plan_headings() -> list[str]:
    return [
        _("Workplace"),
        _("Risk review"),
        _("Course"),
        _("Who"),
        _("Risk category"),
        _("Risk level"),
        _("Days to complete"),
        _("Refresher interval (months)"),
        _("Why"),
    ]


def plan_rows() -> list[PlanRow]:
    """The current plan per workplace, derived by risk.plan from the approved reviews.

    A workplace without its own review follows its nearest reviewed ancestor, as the plan
    itself does; one without any gets a row saying so. What was measured beside a rating
    (e.g. the phishing click rate, kept with the review at approval) follows its reason.
    Eight queries in all.
    """
    labels = hr.workplace_labels()
    approved = list(
        RiskReview.objects.filter(status=RiskReview.Status.APPROVED).values_list(
            "pk", "workplace_id", "review_date"
        )
    )
    by_path = {labels[w].path: (pk, w, day) for pk, w, day in approved if w in labels}
    nearest = plan.effective_review_paths(
        [label.path for label in labels.values()], by_path, steplen=Workplace.steplen
    )
    catalogue = planning.catalogue_load()
    reviews = planning.reviews_load([pk for pk, _w, _d in approved])
    needs = {pk: plan.required_courses(review=r, courses=catalogue) for pk, r in reviews.items()}
    titles = dict(CoursePage.objects.values_list("pk", "title"))
    refreshers = {c.id: c.refresher_months for c in catalogue}
    categories = dict(RiskCategory.objects.values_list("pk", "name"))
    measured = {
        (review_id, category_id): text
        for review_id, category_id, text in RiskAssessment.objects.filter(
            review_id__in=[pk for pk, _w, _d in approved]
        )
        .exclude(evidence="")
        .values_list("review_id", "category_id", "evidence")
    }
    policy = policy_current()
    levels = dict(RiskLevel.choices)
    everyone, management = _("All employees"), _("Management")
    rows = []
    for label in sorted(labels.values(), key=lambda item: item.path):
        path = nearest.get(label.path)
        if path is None:
            rows.append(
                PlanRow(
                    label.full_name, "", "", "", "", "", None, None, _("No approved risk review.")
                )
            )
            continue
        review_pk, review_workplace, review_date = by_path[path]
        day = formats.date_format(review_date, "j. n. Y")
        review = (
            day
            if review_workplace == label.pk
            else _("%(date)s (of %(workplace)s)")
            % {"date": day, "workplace": labels[review_workplace].name}
        )
        for need in sorted(needs.get(review_pk, []), key=lambda n: titles.get(n.course_id, "")):
            level = str(levels.get(need.level, need.level))
            category = categories.get(need.category_id, "")
            rows.append(
                PlanRow(
                    workplace=label.full_name,
                    review=review,
                    course=titles.get(need.course_id, ""),
                    audience=management if need.management_only else everyone,
                    category=category,
                    level=level,
                    due_days=policy.due_days.get(need.level),
                    refresher_months=refreshers.get(need.course_id),
                    reason=" ".join(
                        filter(
                            None,
                            [
                                _("The review rated the risk “%(category)s” as %(level)s.")
                                % {"category": category, "level": level},
                                measured.get((review_pk, need.category_id), ""),
                            ],
                        )
                    ),
                )
            )
    return rows


def interval_rows() -> tuple[list[str], list[list]]:
    """Every live course with its version, audience, categories and refresher interval."""
    through = CoursePage.risk_categories.through
    names = dict(RiskCategory.objects.values_list("pk", "name"))
    covered: dict[int, list[str]] = {}
    for course_id, category_id in through.objects.values_list("coursepage_id", "riskcategory_id"):
        covered.setdefault(course_id, []).append(names.get(category_id, ""))
    audiences = dict(CoursePage.Audience.choices)
    levels = dict(RiskLevel.choices)
    headings = [
        _("Course"),
        _("Version"),
        _("Who"),
        _("Risk categories"),
        _("Required from risk level"),
        _("Refresher interval (months)"),
    ]
    rows = [
        [
            title,
            version,
            str(audiences.get(audience, audience)),
            ", ".join(sorted(covered.get(pk, []))),
            str(levels.get(level, "")) if level else _("optional"),
            months if months else _("does not expire"),
        ]
        for pk, title, version, audience, level, months in CoursePage.objects.live()
        .order_by("title")
        .values_list(
            "pk", "title", "version", "audience", "required_from_level", "refresher_months"
        )
    ]
    return headings, rows


def _records_file(archive: zipfile.ZipFile, name: str, queryset, today) -> int:
    with archive.open(name, "w") as handle:
        return write_csv(
            handle,
            records.headings(),
            (records.cells(r) for r in records.records(queryset, today=today)),
            language=LANGUAGE,
        )


def _table_file(archive: zipfile.ZipFile, name: str, headings, rows) -> None:
    with archive.open(name, "w") as handle:
        write_csv(handle, headings, rows, language=LANGUAGE)


def _date(value: datetime.date) -> str:
    return formats.date_format(value, "j. n. Y")


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} %"


def build(
    *,
    handle,
    requested_by,
    date_from: datetime.date,
    date_to: datetime.date,
    organisation: str = "",
    today: datetime.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write the pack's ZIP to `handle`; the caller has checked the requester's role."""
    today = today or timezone.localdate()
    with translation.override(LANGUAGE):
        _build(
            handle=handle,
            requested_by=requested_by,
            date_from=date_from,
            date_to=date_to,
            organisation=organisation,
            today=today,
            progress=progress or (lambda done, total: None),
        )


def _management(scope: Scope, period: hr.Filters, today: datetime.date):
    """The management track's assignments and rows per course, and all training of management.

    Two different sets: management-track courses (whoever holds them), and every course of
    the people marked as management, whose total the summary gives.
    """
    in_period = hr.assignments(scope=scope, filters=period, today=today)
    track = in_period.filter(course__audience=CoursePage.Audience.MANAGEMENT)
    total = hr.Counts()
    for row in hr.course_rows(in_period.filter(user__is_management=True), today):
        total.add(row.counts)
    return track, hr.course_rows(track, today), total


def _build(*, handle, requested_by, date_from, date_to, organisation, today, progress) -> None:
    steps = 8
    # The pack covers the whole organisation: only HR and the security manager may ask for it.
    scope = Scope(viewer_id=requested_by.pk, kind=EVERYONE)
    period = hr.Filters(date_from=date_from, date_to=date_to)
    completed = Assignment.objects.filter(
        hr.days_q("completed_at", date_from, date_to), status=Assignment.Status.COMPLETED
    ).order_by(*hr.PERSON_ORDER, "completed_at", "id")
    overdue = hr.assignments(
        scope=scope,
        filters=hr.Filters(date_from=date_from, date_to=date_to, status="overdue"),
        today=today,
    ).order_by("due_date", *hr.PERSON_ORDER, "id")

    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        plan_table = plan_rows()
        _table_file(archive, "plan.csv", plan_headings(), [r.cells() for r in plan_table])
        interval_headings, intervals = interval_rows()
        _table_file(archive, "intervaly_opakovani.csv", interval_headings, intervals)
        progress(1, steps)

        completions = _records_file(archive, "absolvovani.csv", completed, today)
        progress(2, steps)
        overdue_count = _records_file(archive, "po_terminu.csv", overdue, today)
        overdue_rows = list(records.records(overdue[:OVERDUE_IN_PDF], today=today))
        progress(3, steps)

        dashboard = hr.hr_dashboard(scope=scope, filters=period, today=today)
        for key, table in hr_tables(dashboard).items():
            _table_file(archive, f"{_HR_FILES[key]}.csv", table.headings, table.rows)
        progress(4, steps)

        effectiveness = security.security_dashboard(scope=scope, filters=period, today=today)
        for key, table in security_tables(effectiveness).items():
            _table_file(archive, f"{_SECURITY_FILES[key]}.csv", table.headings, table.rows)
        progress(5, steps)

        management, management_courses, management_total = _management(scope, period, today)
        _records_file(
            archive, "manazerska_linie.csv", management.order_by(*hr.PERSON_ORDER, "id"), today
        )
        progress(6, steps)

        pack = Pack(
            organisation=organisation,
            requested_by=requested_by,
            date_from=date_from,
            date_to=date_to,
            plan=plan_table,
            intervals=(interval_headings, intervals),
            dashboard=dashboard,
            completions=completions,
            overdue_count=overdue_count,
            overdue_rows=overdue_rows,
            effectiveness=effectiveness,
            management_courses=management_courses,
            management_total=management_total,
        )
        summary = summary_pdf(pack)
        progress(7, steps)
        archive.writestr("souhrn.pdf", summary)
        progress(8, steps)


_HR_FILES = {
    "workplaces": "plneni_pracoviste",
    "courses": "plneni_kurzy",
    "months": "plneni_mesice",
}
_SECURITY_FILES = {
    "categories": "ucinnost_kategorie_rizik",
    "workplaces": "ucinnost_pracoviste",
    "questions": "nejcasteji_chybne_otazky",
    "pdca": "pdca_mesice",
}


def pack_files() -> list[tuple[str, str]]:
    return [
        ("souhrn.pdf", _("This summary.")),
        ("plan.csv", _("The plan: workplaces, courses, who takes them, why and how soon.")),
        ("intervaly_opakovani.csv", _("Courses with their versions and refresher intervals.")),
        ("absolvovani.csv", _("Everyone who completed a course in the period, with scores.")),
        ("po_terminu.csv", _("Training due in the period and still overdue today.")),
        ("plneni_pracoviste.csv", _("Completion by workplace, sub-workplaces included.")),
        ("plneni_kurzy.csv", _("Completion by course.")),
        ("plneni_mesice.csv", _("Completion by month due.")),
        ("ucinnost_kategorie_rizik.csv", _("Quiz results by risk category.")),
        ("ucinnost_pracoviste.csv", _("Quiz results by workplace.")),
        ("nejcasteji_chybne_otazky.csv", _("The questions most often missed.")),
        ("pdca_mesice.csv", _("The PDCA cycle by month.")),
        ("manazerska_linie.csv", _("The management track's assignments.")),
    ]


# Relative column widths of the PDF's tables: a name, then the columns of reports/tables.py.
_COUNT_WIDTHS = [5, 1, 1, 1, 1, 1.2]
_EFFECTIVENESS_WIDTHS = [4.5, 1, 1.5, 1.5, 1, 1]
_QUESTION_WIDTHS = [4.5, 2.5, 2.5, 1, 1, 1]
# The overdue in the PDF: who, where, what and how late, in the records export's own columns.
_OVERDUE_COLUMNS = tuple(
    (key, label)
    for key, label in records.COLUMNS
    if key
    in {"last_name", "first_name", "workplace", "manager", "course", "due_date", "days_overdue"}
)
_OVERDUE_WIDTHS = [2, 1.8, 3, 2, 3, 1.2, 1]


@dataclass(frozen=True)
class Pack:
    """Everything the summary reports, gathered once while the CSV files are written."""

    organisation: str
    requested_by: object
    date_from: datetime.date
    date_to: datetime.date
    plan: list[PlanRow]
    intervals: tuple[list[str], list[list]]
    dashboard: hr.HRDashboard
    completions: int
    overdue_count: int
    overdue_rows: list[records.Record]
    effectiveness: security.SecurityDashboard
    management_courses: list[hr.CourseRow]
    management_total: hr.Counts

    @property
    def period(self) -> str:
        return f"{_date(self.date_from)} – {_date(self.date_to)}"


def _cell(value) -> object:
    """A table value as the PDF prints it: Czech dates and decimals, a dash for nothing."""
    if value is None or value == "":
        return "–"
    if isinstance(value, datetime.date):
        return _date(value)
    if isinstance(value, float):
        return formats.number_format(value, decimal_pos=1, use_l10n=True)
    return value


def _grid(table: Table, widths: list[float], empty: str = "") -> pdf.Grid:
    rows = [[_cell(value) for value in row] for row in table.rows]
    return pdf.Grid(table.headings, rows, widths=widths, empty=empty)


def _cover(pack: Pack) -> list:
    generated = formats.date_format(timezone.localtime(), "j. n. Y H:i")
    by = pack.requested_by.get_full_name() or pack.requested_by.email
    return [
        pdf.Facts(
            [
                (_("Organisation"), pack.organisation or "–"),
                (_("Period"), pack.period),
                (_("Generated"), generated),
                (_("Generated by"), by),
            ]
        )
    ]


def _plan_section(pack: Pack) -> list:
    return [
        pdf.Heading(_("1. The security-awareness plan")),
        pdf.Text(
            _(
                "The security manager rates each workplace's risks (likelihood x impact per "
                "risk category) and approves the review. Each course covering a category rated "
                "at or above the course's threshold is then required of everyone in the "
                "workplace (management-track courses of management only), due within the days "
                "the level allows. A workplace without a review of its own follows its parent's."
            )
        ),
        pdf.Grid(
            plan_headings(),
            [r.cells() for r in pack.plan],
            widths=[3, 1.6, 3, 1.4, 2, 1, 1, 1.1, 3.5],
            empty=_("No workplaces yet."),
        ),
    ]


def _intervals_section(pack: Pack) -> list:
    headings, rows = pack.intervals
    return [
        pdf.Heading(_("2. Courses and refresher intervals")),
        pdf.Grid(headings, rows, widths=[4, 0.8, 1.5, 4, 1.5, 1.5]),
    ]


def _completion_section(pack: Pack) -> list:
    totals = pack.dashboard.totals
    nothing_due = _("Nothing was due in the period.")
    return [
        pdf.Heading(_("3. Completion")),
        pdf.Text(
            _(
                "Training due in the period (without a due date: assigned in it), active "
                "employees: %(required)s required, %(completed)s completed (%(rate)s), "
                "%(overdue)s overdue. %(completions)s completions were recorded in the period."
            )
            % {
                "required": totals.required,
                "completed": totals.completed,
                "rate": _pct(totals.rate),
                "overdue": totals.overdue,
                "completions": pack.completions,
            }
        ),
        pdf.Heading(_("By workplace (sub-workplaces included)"), level=2),
        _grid(workplaces_table(pack.dashboard.workplaces), _COUNT_WIDTHS, nothing_due),
        pdf.Heading(_("By course"), level=2),
        _grid(courses_table(pack.dashboard.courses), _COUNT_WIDTHS, nothing_due),
    ]


def _overdue_section(pack: Pack) -> list:
    table = Table(
        key="overdue",
        title=_("Overdue training"),
        headings=records.headings(_OVERDUE_COLUMNS),
        rows=[records.cells(r, _OVERDUE_COLUMNS) for r in pack.overdue_rows],
    )
    return [
        pdf.Heading(_("4. Overdue training")),
        pdf.Text(
            _(
                "%(count)s assignments due in the period are overdue today. The first "
                "%(shown)s by due date follow; po_terminu.csv lists them all."
            )
            % {"count": pack.overdue_count, "shown": min(pack.overdue_count, OVERDUE_IN_PDF)}
        ),
        _grid(table, _OVERDUE_WIDTHS),
    ]


def _effectiveness_section(pack: Pack) -> list:
    overall = pack.effectiveness.overall
    tables = security_tables(pack.effectiveness)
    return [
        pdf.Heading(_("5. Effectiveness")),
        pdf.Text(
            _(
                "First attempts measure what people knew before retrying: average score "
                "%(score)s, passed at once %(first)s; %(passed)s of learners passed in the end."
            )
            % {
                "score": _pct(overall.average_first_score),
                "first": _pct(overall.first_pass_rate),
                "passed": _pct(overall.pass_rate),
            }
        ),
        pdf.Heading(_("By risk category"), level=2),
        _grid(tables["categories"], _EFFECTIVENESS_WIDTHS),
        pdf.Heading(_("By workplace"), level=2),
        _grid(tables["workplaces"], _EFFECTIVENESS_WIDTHS, _("No quiz was taken in the period.")),
        pdf.Heading(_("The questions most often missed"), level=2),
        _grid(tables["questions"], _QUESTION_WIDTHS, _("Not enough answers in the period.")),
    ]


def _management_section(pack: Pack) -> list:
    total = pack.management_total
    table = courses_table(
        pack.management_courses, key="management", heading=_("Management-track course")
    )
    return [
        pdf.Heading(_("6. Management track")),
        pdf.Text(
            _(
                "All training of management: %(required)s required, %(completed)s completed "
                "(%(rate)s), %(overdue)s overdue."
            )
            % {
                "required": total.required,
                "completed": total.completed,
                "rate": _pct(total.rate),
                "overdue": total.overdue,
            }
        ),
        _grid(table, _COUNT_WIDTHS, _("No management-track course was due in the period.")),
    ]


def _contents_section(pack: Pack) -> list:
    return [
        pdf.Heading(_("7. Contents of the pack")),
        pdf.Grid([_("File"), _("Contents")], pack_files(), widths=[2, 6]),
    ]


_SECTIONS = (
    _cover,
    _plan_section,
    _intervals_section,
    _completion_section,
    _overdue_section,
    _effectiveness_section,
    _management_section,
    _contents_section,
)


def summary_pdf(pack: Pack) -> bytes:
    """The pack's Czech summary: one short function per section, in the order printed."""
    document = pdf.Document(
        title=_("Evidence of security-awareness training"),
        author=pack.organisation,
        footer=" – ".join(p for p in (pack.organisation, pack.period) if p),
        page_label=_("Page %(page)s"),
        blocks=[block for section in _SECTIONS for block in section(pack)],
    )
    return pdf.render(document)
