"""Operations that change certificates (issue, render, revoke, export), one transaction each."""

from __future__ import annotations

import csv
import datetime
import io
import logging
import tempfile
import time
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.log_actions import log
from wagtail.models import Site

from core.enqueue import enqueue_on_commit
from core.models import OrganisationSettings
from core.spreadsheets import neutralise
from courses.models import Assignment

from . import pdf, selectors, validity
from .models import Certificate, CertificateExport, SerialCounter, Status

logger = logging.getLogger(__name__)

ISSUE_ACTION = "certificates.issue"
REVOKE_ACTION = "certificates.revoke"
EXPORT_ACTION = "certificates.export"
ISSUED_BY_SYSTEM = "system"
ISSUED_BY_PERSON = "person"

# Progress is written at most this often, so a 10,000-certificate export costs a few hundred
# small UPDATEs rather than 10,000, and the progress bar still moves every second.
_PROGRESS_INTERVAL_SECONDS = 0.5


class CertificateNotIssuable(ValueError):
    """The assignment is not completed, so there is nothing to certify."""


def _organisation() -> OrganisationSettings | None:
    # Tasks have no request, so the certificate speaks for the default site's organisation.
    site = Site.objects.filter(is_default_site=True).first()
    return OrganisationSettings.for_site(site) if site else None


def _organisation_name() -> str:
    organisation = _organisation()
    if organisation is not None and organisation.name:
        return organisation.name
    return OrganisationSettings._meta.get_field("name").default


def _organisation_logo() -> bytes | None:
    organisation = _organisation()
    if organisation is None or organisation.logo is None:
        return None
    try:
        with organisation.logo.file.open("rb") as handle:
            return handle.read()
    except OSError:
        # A missing logo file must not cost the employee their certificate.
        logger.warning("Organisation logo %s could not be read", organisation.logo.pk)
        return None


def _holder_name(user) -> str:
    return user.get_full_name().strip() or user.email


def _serial_allocate(year: int) -> str:
    """Next number of the year; runs inside the issuing transaction, so a rollback returns it."""
    SerialCounter.objects.get_or_create(year=year)
    # The row lock makes concurrent issuers queue here (SQLite's IMMEDIATE transactions
    # already serialise writers), so no two can read the same last number.
    counter = SerialCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{year}-{counter.last_number:06d}"


def _certificate_create(*, assignment_id: int, by=None) -> Certificate:
    assignment = Assignment.objects.select_related("user", "course").get(pk=assignment_id)
    if assignment.status != Assignment.Status.COMPLETED or assignment.completed_at is None:
        raise CertificateNotIssuable(f"Assignment {assignment_id} is not completed.")
    user, course = assignment.user, assignment.course
    completed_on = timezone.localdate(assignment.completed_at)
    certificate = Certificate(
        assignment=assignment,
        holder_name=_holder_name(user),
        course_title=course.title,
        course_version=assignment.completed_version or course.version,
        organisation_name=_organisation_name(),
        language=_language(user.language),
        completed_on=completed_on,
        score=assignment.score,
        valid_until=validity.valid_until(completed_on, course.refresher_months),
    )
    # Last, right before the insert: the counter's lock is held for as short a time as possible.
    certificate.serial_number = _serial_allocate(timezone.localdate().year)
    certificate.save(force_insert=True)
    # The audit entry names who issued it: the system (the completion's task) or the person
    # whose request issued it; user=None alone would let Wagtail guess from the request.
    log(
        instance=certificate,
        action=ISSUE_ACTION,
        user=by,
        data={
            "serial_number": certificate.serial_number,
            "assignment": assignment.pk,
            "issued_by": ISSUED_BY_PERSON if by is not None else ISSUED_BY_SYSTEM,
        },
    )
    return certificate


def certificate_issue(*, assignment: Assignment, by=None) -> Certificate:
    """The assignment's certificate, issued now if it has none; safe to call any number of times.

    `by` is the person whose request issues it; None means the system (the completion task).
    Raises CertificateNotIssuable if the assignment is not completed.
    """
    existing = _existing(assignment_id=assignment.pk)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return _certificate_create(assignment_id=assignment.pk, by=by)
    except IntegrityError:
        # The unique assignment column: a retried task, a second worker or a download got
        # there first and committed. Theirs is the certificate; ours was rolled back whole,
        # serial number included.
        existing = Certificate.objects.filter(assignment_id=assignment.pk).first()
        if existing is None:
            raise
        return existing


def _existing(*, assignment_id: int) -> Certificate | None:
    return Certificate.objects.filter(assignment_id=assignment_id).first()


def _language(code: str) -> str:
    """A language the site is translated into; anything else gets the site's own (Czech)."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def certificate_labels(*, language: str) -> pdf.Labels:
    """The certificate's fixed wording in `language`, from the certificates' catalogue."""
    context = "certificate PDF"
    with translation.override(language):
        return pdf.Labels(
            title=pgettext(context, "Certificate of Completion"),
            intro=pgettext(context, "This is to certify that"),
            completed=pgettext(context, "has successfully completed the course"),
            version=pgettext(context, "Version"),
            completed_on=pgettext(context, "Completed on"),
            score=pgettext(context, "Score"),
            valid_until=pgettext(context, "Valid until"),
            serial_number=pgettext(context, "Serial number"),
            verification_code=pgettext(context, "Verification code"),
            verify_at=pgettext(context, "Verify at"),
        )


def certificate_date(value: datetime.date, *, language: str) -> str:
    """A date as the language writes it in full (22. listopadu 2026; English: Nov. 22, 2026)."""
    # The project's Czech DATE_FORMAT is numeric (elearning/formats); a certificate spells it out.
    with translation.override(language):
        return date_format(value, "j. E Y" if language == "cs" else "DATE_FORMAT", use_l10n=True)


def certificate_data(*, certificate: Certificate, logo: bytes | None = None) -> pdf.CertificateData:
    """What the PDF prints, taken from the certificate's snapshot, never from today's data."""
    language = _language(certificate.language)
    return pdf.CertificateData(
        organisation_name=certificate.organisation_name,
        logo=logo,
        holder_name=certificate.holder_name,
        course_title=certificate.course_title,
        course_version=str(certificate.course_version),
        completed_on=certificate.completed_on,
        score_percent=certificate.score,
        valid_until=certificate.valid_until,
        serial_number=certificate.serial_number,
        verification_code=certificate.verification_code,
        verification_url=certificate.verification_url,
        language=language,
        labels=certificate_labels(language=language),
        completed_on_text=certificate_date(certificate.completed_on, language=language),
        valid_until_text=certificate_date(certificate.valid_until, language=language)
        if certificate.valid_until
        else "",
    )


@transaction.atomic
def certificate_pdf(*, certificate: Certificate) -> Certificate:
    """Render and store the certificate's PDF once; a stored PDF is returned untouched."""
    # The row lock lets one of two simultaneous callers render; the other finds the file.
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.pdf:
        return certificate
    content = pdf.render_certificate(
        certificate_data(certificate=certificate, logo=_organisation_logo())
    )
    certificate.pdf.save(f"{certificate.serial_number}.pdf", ContentFile(content), save=False)
    certificate.save(update_fields=["pdf"])
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Revoke with a reason and record it in the audit log; a second revocation changes nothing."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for the revocation."), code="required")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        # A double click or a colleague at the same time: the first revocation stands.
        return certificate
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoke_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    log(
        instance=certificate,
        action=REVOKE_ACTION,
        user=by,
        data={"serial_number": certificate.serial_number, "reason": reason},
    )
    return certificate


@transaction.atomic
def certificate_export_request(
    *, requested_by, workplace, date_from: datetime.date, date_to: datetime.date
) -> CertificateExport:
    """Record the request and build the ZIP in the background once the request is committed."""
    from .tasks import certificates_zip_build_task

    export = CertificateExport.objects.create(
        requested_by=requested_by, workplace=workplace, date_from=date_from, date_to=date_to
    )
    log(
        instance=export,
        action=EXPORT_ACTION,
        user=requested_by,
        data={
            "workplace": workplace.name,
            "date_from": date_from.isoformat(),
            "date_to": date_to.isoformat(),
        },
    )
    enqueue_on_commit(certificates_zip_build_task, export.pk)
    return export


def _archive_name(certificate: Certificate) -> str:
    # ASCII names: Windows' built-in ZIP tool still mangles UTF-8 names without the flag.
    return f"{certificate.serial_number}_{slugify(certificate.holder_name) or 'osvedceni'}.pdf"


def _manifest(certificates: list[Certificate], language: str) -> bytes:
    """The archive's list for auditors: UTF-8 with BOM and semicolons, as Czech Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    with translation.override(language):
        writer.writerow(
            [
                _("Serial number"),
                _("Holder"),
                _("Personal number"),
                _("Workplace"),
                _("Course"),
                _("Version"),
                _("Completed on"),
                _("Score (%)"),
                _("Valid until"),
                _("Status"),
                _("Revoked on"),
                _("File"),
            ]
        )
        for certificate in certificates:
            user = certificate.assignment.user
            writer.writerow(
                [
                    neutralise("" if value is None else str(value))
                    for value in (
                        certificate.serial_number,
                        certificate.holder_name,
                        user.personal_number or "",
                        user.workplace.name if user.workplace else "",
                        certificate.course_title,
                        certificate.course_version,
                        certificate.completed_on.isoformat(),
                        certificate.score if certificate.score is not None else "",
                        certificate.valid_until.isoformat() if certificate.valid_until else "",
                        Status(certificate.status).label,
                        timezone.localdate(certificate.revoked_at).isoformat()
                        if certificate.revoked_at
                        else "",
                        _archive_name(certificate),
                    )
                ]
            )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def certificates_zip_build(*, export: CertificateExport) -> CertificateExport:
    """Build the export's ZIP: every certificate of the workplace subtree and period, plus a list.

    Deliberately not one transaction: the progress has to be committed as it goes so the
    requester's page can show it. Each write (progress, a missing PDF, the result) is its own
    short transaction, and running the build again starts it over.
    """
    export = CertificateExport.objects.select_related("workplace", "requested_by").get(pk=export.pk)
    if export.state == CertificateExport.State.DONE:
        return export
    progress = CertificateExport.objects.filter(pk=export.pk)
    try:
        certificates = list(
            selectors.certificates_for_export(
                workplace=export.workplace, date_from=export.date_from, date_to=export.date_to
            )
        )
        total = len(certificates)
        progress.update(state=CertificateExport.State.RUNNING, total=total, done=0, error="")
        # Spooled: small exports stay in memory, large ones go to a temporary file.
        with tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024) as buffer:
            with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                last_report = time.monotonic()
                for done, certificate in enumerate(certificates, start=1):
                    if not certificate.pdf:
                        certificate.pdf = certificate_pdf(certificate=certificate).pdf
                    with certificate.pdf.open("rb") as handle:
                        # PDFs are compressed already; deflating them again only costs time.
                        archive.writestr(
                            _archive_name(certificate),
                            handle.read(),
                            compress_type=zipfile.ZIP_STORED,
                        )
                    if time.monotonic() - last_report >= _PROGRESS_INTERVAL_SECONDS:
                        progress.update(done=done)
                        last_report = time.monotonic()
                archive.writestr(
                    "seznam.csv" if export.requested_by.language == "cs" else "certificates.csv",
                    _manifest(certificates, export.requested_by.language),
                )
            buffer.seek(0)
            with transaction.atomic():
                export.file.save(
                    "certificates.zip", File(buffer, name="certificates.zip"), save=False
                )
                export.state = CertificateExport.State.DONE
                export.total = export.done = total
                export.finished_at = timezone.now()
                export.error = ""
                export.save(
                    update_fields=["file", "state", "total", "done", "finished_at", "error"]
                )
    except Exception as exc:
        # Shown to the requester instead of a bar that never moves; the task may retry.
        logger.exception("Certificate export %s failed", export.pk)
        progress.update(
            state=CertificateExport.State.FAILED,
            error=type(exc).__name__,
            finished_at=timezone.now(),
        )
        raise
    return export
