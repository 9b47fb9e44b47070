"""Training records as flat rows: one per assignment, for exports, the transcript and the pack.

One values() query with two correlated subqueries (attempt count, first-attempt score) and the
certificate joined in, streamed with `.iterator(chunk_size=...)`: memory stays flat however
many records there are, and each row is built without model instances.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates import validity
from certificates.models import Status as CertificateStatus
from courses.models import Assignment
from quizzes.models import Attempt
from risk.models import RiskLevel

from .hr.selectors import (
    STATUS_COMPLETED,
    STATUS_OPEN,
    STATUS_OVERDUE,
    days_overdue,
    status_label,
    workplace_labels,
)

CHUNK_SIZE = 2000

_FIELDS = (
    "id",
    "user_id",
    "user__personal_number",
    "user__last_name",
    "user__first_name",
    "user__email",
    "user__workplace_id",
    "user__job_title",
    "user__manager__first_name",
    "user__manager__last_name",
    "user__is_management",
    "user__is_active",
    "course_id",
    "course__title",
    "course__version",
    "completed_version",
    "source",
    "reason",
    "review_id",
    "review__workplace__name",
    "review__review_date",
    "risk_category_id",
    "risk_category__name",
    "risk_level",
    "status",
    "created_at",
    "due_date",
    "completed_at",
    "score",
    "attempt_count",
    "first_score",
    "certificate__serial_number",
    "certificate__revoked_at",
    "certificate__valid_until",
)


@dataclass(slots=True)
class Record:
    """One assignment with everything an auditor asks about it, already resolved to text."""

    assignment_id: int
    user_id: int
    personal_number: str
    last_name: str
    first_name: str
    email: str
    workplace: str
    job_title: str
    manager: str
    is_management: bool
    is_active: bool
    course_id: int
    course: str
    version: int | None
    source: str
    reason: str
    risk_category: str
    risk_level: str
    status_key: str
    status: str
    assigned_at: datetime.datetime
    due_date: datetime.date | None
    completed_at: datetime.datetime | None
    days_overdue: int
    score: Decimal | None
    attempts: int
    first_score: Decimal | None
    certificate_serial: str
    certificate_status: str
    certificate_valid_until: datetime.date | None


def reason_text(
    *, reason: str, review_id, workplace: str, review_date, category_id, category: str, level: str
) -> str:
    """The assignment's "why" in the model's own words, from plain values.

    Assignment.reason_display holds the wording (and its translation) once; a stand-in object
    with the attributes it reads lets a values() row use it without loading model instances.
    """
    stand_in = SimpleNamespace(
        review_id=review_id,
        risk_category_id=category_id,
        review=SimpleNamespace(workplace=workplace, review_date=review_date),
        risk_category=category,
        get_risk_level_display=lambda: RiskLevel(level).label if level else "",
        reason=reason,
    )
    return str(Assignment.reason_display.fget(stand_in))


def with_record_fields(queryset: QuerySet) -> QuerySet:
    submitted = Attempt.objects.filter(assignment=OuterRef("pk"), submitted_at__isnull=False)
    attempt_count = submitted.order_by().values("assignment").annotate(n=Count("id")).values("n")
    first_score = submitted.filter(number=1).values("score")[:1]
    return queryset.annotate(
        attempt_count=Coalesce(Subquery(attempt_count, output_field=IntegerField()), Value(0)),
        first_score=Subquery(first_score),
    ).values_list(*_FIELDS)


def records(
    queryset: QuerySet,
    *,
    today: datetime.date | None = None,
    chunk_size: int = CHUNK_SIZE,
    labels: dict | None = None,
) -> Iterator[Record]:
    """Stream the assignments of `queryset` as Records (two queries: workplaces, then rows)."""
    today = today or timezone.localdate()
    labels = workplace_labels() if labels is None else labels
    sources = dict(Assignment.Source.choices)
    levels = dict(RiskLevel.choices)
    certificate_labels = {key: str(label) for key, label in CertificateStatus.choices}
    # Per-row translations are the export's main cost after the query; most rows share a
    # handful of statuses and reasons, so each text is resolved once per distinct value.
    status_texts = {
        key: str(status_label(key))
        for key in (STATUS_COMPLETED, STATUS_OPEN, STATUS_OVERDUE, "not_required")
    }
    source_texts = {key: str(label) for key, label in sources.items()}
    level_texts = {key: str(label) for key, label in levels.items()}
    reasons: dict[tuple, str] = {}
    rows = with_record_fields(queryset).iterator(chunk_size=chunk_size)
    for row in rows:
        values = dict(zip(_FIELDS, row, strict=True))
        late = days_overdue(values["due_date"], values["status"], today)
        if values["status"] == Assignment.Status.COMPLETED:
            status_key = STATUS_COMPLETED
        elif values["status"] == Assignment.Status.NOT_REQUIRED:
            status_key = "not_required"
        else:
            status_key = STATUS_OVERDUE if late else STATUS_OPEN
        certificate_state = ""
        if values["certificate__serial_number"]:
            certificate_state = certificate_labels[
                validity.status(
                    revoked_at=values["certificate__revoked_at"],
                    valid_until=values["certificate__valid_until"],
                    today=today,
                )
            ]
        manager = " ".join(
            part
            for part in (values["user__manager__first_name"], values["user__manager__last_name"])
            if part
        )
        workplace_id = values["user__workplace_id"]
        reason_key = (
            values["reason"],
            values["review_id"],
            values["review__workplace__name"],
            values["review__review_date"],
            values["risk_category_id"],
            values["risk_category__name"],
            values["risk_level"],
        )
        reason = reasons.get(reason_key)
        if reason is None:
            reason = reasons[reason_key] = reason_text(
                reason=values["reason"],
                review_id=values["review_id"],
                workplace=values["review__workplace__name"],
                review_date=values["review__review_date"],
                category_id=values["risk_category_id"],
                category=values["risk_category__name"],
                level=values["risk_level"],
            )
        yield Record(
            assignment_id=values["id"],
            user_id=values["user_id"],
            personal_number=values["user__personal_number"] or "",
            last_name=values["user__last_name"],
            first_name=values["user__first_name"],
            email=values["user__email"],
            workplace=labels[workplace_id].full_name if workplace_id in labels else "",
            job_title=values["user__job_title"],
            manager=manager,
            is_management=values["user__is_management"],
            is_active=values["user__is_active"],
            course_id=values["course_id"],
            course=values["course__title"],
            version=values["completed_version"] or values["course__version"],
            source=source_texts.get(values["source"], values["source"]),
            reason=reason,
            risk_category=values["risk_category__name"] or "",
            risk_level=level_texts.get(values["risk_level"], "") if values["risk_level"] else "",
            status_key=status_key,
            status=status_texts[status_key],
            assigned_at=values["created_at"],
            due_date=values["due_date"],
            completed_at=values["completed_at"],
            days_overdue=late,
            score=values["score"],
            attempts=values["attempt_count"],
            first_score=values["first_score"],
            certificate_serial=values["certificate__serial_number"] or "",
            certificate_status=certificate_state,
            certificate_valid_until=values["certificate__valid_until"],
        )


# The export's columns: (attribute of Record, heading). Headings are lazy so they follow the
# language active when a file is written (the requester's, or Czech for the evidence pack).
COLUMNS: tuple[tuple[str, object], ...] = (
    ("personal_number", _("Personal number")),
    ("last_name", _("Last name")),
    ("first_name", _("First name")),
    ("email", _("E-mail")),
    ("workplace", _("Workplace")),
    ("job_title", _("Job title")),
    ("manager", _("Manager")),
    ("is_management", _("Management")),
    ("course", _("Course")),
    ("version", _("Version")),
    ("source", _("Source")),
    ("reason", _("Reason")),
    ("risk_category", _("Risk category")),
    ("risk_level", _("Risk level")),
    ("status", _("Status")),
    ("assigned_at", _("Assigned at")),
    ("due_date", _("Due date")),
    ("completed_at", _("Completed at")),
    ("days_overdue", _("Days overdue")),
    ("score", _("Score (%)")),
    ("attempts", _("Attempts")),
    ("first_score", _("First-attempt score (%)")),
    ("certificate_serial", _("Certificate")),
    ("certificate_status", _("Certificate status")),
    ("certificate_valid_until", _("Certificate valid until")),
)


def headings(columns=COLUMNS) -> list[str]:
    return [str(label) for _key, label in columns]


def cells(record: Record, columns=COLUMNS) -> list:
    return [getattr(record, key) for key, _label in columns]
