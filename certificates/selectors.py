"""The read side of certificates: lists and look-ups in a fixed number of queries."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from courses.models import Assignment

from .models import Certificate, CertificateExport

# What new_verification_code() produces (URL-safe base64), with room for longer codes later.
# Checked before the database is asked, so junk (NUL bytes, 10 kB strings) never reaches it.
_CODE_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")


@dataclass(frozen=True)
class CompletedTraining:
    """A completed assignment and its certificate, or None while the task has not run yet."""

    assignment: Assignment
    certificate: Certificate | None


def my_certificates(*, user) -> list[CompletedTraining]:
    """Every completed assignment of the user with its certificate, newest first, in one query."""
    assignments = (
        Assignment.objects.filter(user=user, status=Assignment.Status.COMPLETED)
        .select_related("course", "certificate")
        .order_by("-completed_at", "-id")
    )
    # A missing reverse one-to-one raises a subclass of AttributeError, hence getattr.
    return [CompletedTraining(a, getattr(a, "certificate", None)) for a in assignments]


def certificate_by_code(*, code: str) -> Certificate | None:
    """The certificate a verification code belongs to; None for unknown or malformed codes."""
    if not _CODE_PATTERN.fullmatch(code):
        return None
    return Certificate.objects.filter(verification_code=code).first()


def certificate_for_download(*, code: str, assignments) -> Certificate | None:
    """The certificate with `code` if its assignment is among `assignments` (the user's own)."""
    if not _CODE_PATTERN.fullmatch(code):
        return None
    return (
        Certificate.objects.filter(verification_code=code, assignment__in=assignments)
        .select_related("assignment__course")
        .first()
    )


def certificates_for_export(*, workplace, date_from: datetime.date, date_to: datetime.date):
    """Certificates of holders in the workplace or below it, completed within the period."""
    return (
        Certificate.objects.in_workplace(workplace)
        .filter(completed_on__gte=date_from, completed_on__lte=date_to)
        .select_related("assignment__user__workplace")
        .order_by("serial_number")
    )


def export_for_user(*, user, export_id: int, can_see_all: bool) -> CertificateExport | None:
    """An export its requester (or anyone allowed to see all exports) may look at."""
    exports = CertificateExport.objects.select_related("workplace")
    if not can_see_all:
        exports = exports.filter(requested_by=user)
    return exports.filter(pk=export_id).first()
