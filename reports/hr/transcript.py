"""An employee's transcript: every assignment with version, dates, score, attempts, certificate.

The same record rows as the exports (reports.records), so the page, the PDF and the CSV agree;
three queries whatever the number of assignments.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from courses.models import Assignment
from organisation.models import User

from .. import pdf
from ..records import Record, records
from .selectors import workplace_labels


@dataclass
class Transcript:
    person: User
    workplace: str
    rows: list[Record]
    generated_at: datetime.datetime

    @property
    def completed(self) -> int:
        return sum(1 for r in self.rows if r.status_key == "completed")

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.rows if r.status_key == "overdue")


def transcript(*, person_id: int, today: datetime.date | None = None) -> Transcript | None:
    """The person's whole history, newest assignment first; access is the caller's check."""
    person = User.objects.select_related("manager").filter(pk=person_id).first()
    if person is None:
        return None
    queryset = Assignment.objects.filter(user_id=person.pk).order_by("-created_at", "-id")
    labels = workplace_labels()
    rows = list(records(queryset, today=today, labels=labels))
    workplace = labels[person.workplace_id].full_name if person.workplace_id in labels else ""
    return Transcript(person=person, workplace=workplace, rows=rows, generated_at=timezone.now())


# Columns of the transcript's table and CSV/XLSX: a subset of the records' columns, since the
# person's own details are printed once above the table.
TRANSCRIPT_COLUMNS = (
    "course",
    "version",
    "source",
    "reason",
    "status",
    "assigned_at",
    "due_date",
    "completed_at",
    "score",
    "attempts",
    "first_score",
    "certificate_serial",
    "certificate_status",
    "certificate_valid_until",
)


def _date(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(value, "j. n. Y")
    return formats.date_format(value, "j. n. Y")


def _percent(value) -> str:
    return "–" if value is None else f"{formats.number_format(value, 0)} %"


def transcript_pdf(data: Transcript, *, organisation: str = "") -> bytes:
    """The transcript as a PDF in the active language (labels through gettext)."""
    person = data.person
    facts = [
        (_("Employee"), person.get_full_name() or person.email),
        (_("Personal number"), person.personal_number or "–"),
        (_("E-mail"), person.email),
        (_("Workplace"), data.workplace or "–"),
        (_("Job title"), person.job_title or "–"),
        (_("Manager"), str(person.manager) if person.manager_id else "–"),
        (_("Generated"), formats.date_format(timezone.localtime(data.generated_at), "j. n. Y H:i")),
    ]
    rows = []
    for r in data.rows:
        certificate = "–"
        if r.certificate_serial:
            certificate = f"{r.certificate_serial} ({r.certificate_status})"
            if r.certificate_valid_until:
                certificate += " " + _("until %(date)s") % {
                    "date": _date(r.certificate_valid_until)
                }
        status = r.status
        if r.days_overdue:
            status += " (" + _("%(days)s d") % {"days": r.days_overdue} + ")"
        rows.append(
            [
                r.course,
                r.version or "–",
                f"{r.source}. {r.reason}".strip(". ") if r.reason else r.source,
                status,
                _date(r.assigned_at),
                _date(r.due_date),
                _date(r.completed_at),
                _percent(r.score),
                f"{r.attempts} / {_percent(r.first_score)}" if r.attempts else "0",
                certificate,
            ]
        )
    document = pdf.Document(
        title=_("Training transcript"),
        author=organisation,
        footer=" – ".join(p for p in (organisation, person.get_full_name()) if p),
        page_label=_("Page %(page)s"),
        blocks=[
            pdf.Facts(facts),
            pdf.Heading(_("Assignments")),
            pdf.Grid(
                headings=[
                    _("Course"),
                    _("Version"),
                    _("Reason"),
                    _("Status"),
                    _("Assigned"),
                    _("Due"),
                    _("Completed"),
                    _("Score"),
                    _("Attempts / first score"),
                    _("Certificate"),
                ],
                rows=rows,
                widths=[3, 0.8, 4.4, 1.7, 1.5, 1.5, 1.5, 1, 1.5, 2.8],
                empty=_("No training has been assigned yet."),
            ),
        ],
    )
    return pdf.render(document)
