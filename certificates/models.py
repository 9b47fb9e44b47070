"""Certificates earned by completing a course, their serial numbers and bulk ZIP exports."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.jobs import BackgroundJob

from . import validity

# 20 random bytes: 160 bits, above the 128 an unguessable link needs, in 27 URL-safe characters
# so the QR code stays small.
VERIFICATION_CODE_BYTES = 20


def new_verification_code() -> str:
    return secrets.token_urlsafe(VERIFICATION_CODE_BYTES)


def _random_name(folder: str, extension: str) -> str:
    # Random, not the serial or the name: media may be served by a plain web server in
    # production, and a guessable path would hand anyone a colleague's certificate.
    return f"{folder}/{secrets.token_urlsafe(18)}.{extension}"


def certificate_pdf_path(instance, filename: str) -> str:
    return _random_name("certificates/pdf", "pdf")


def export_zip_path(instance, filename: str) -> str:
    return _random_name("certificates/exports", "zip")


class Status(models.TextChoices):
    VALID = validity.VALID, _("Valid")
    EXPIRED = validity.EXPIRED, _("Expired")
    REVOKED = validity.REVOKED, _("Revoked")


class SerialCounter(models.Model):
    """The last serial number handed out in a year; its row lock orders concurrent issuers."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("serial number counter")
        verbose_name_plural = _("serial number counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class CertificateQuerySet(models.QuerySet):
    def with_status(self, status: str, today=None):
        """Certificates in the given state today; the database does what Certificate.status does."""
        today = today or timezone.localdate()
        if status == Status.REVOKED:
            return self.filter(revoked_at__isnull=False)
        not_revoked = self.filter(revoked_at__isnull=True)
        if status == Status.EXPIRED:
            return not_revoked.filter(valid_until__lt=today)
        if status == Status.VALID:
            return not_revoked.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        return self.none()

    def in_workplace(self, workplace):
        """Holders who work in the workplace or anywhere below it (treebeard path prefix)."""
        return self.filter(assignment__user__workplace__path__startswith=workplace.path)


class Certificate(models.Model):
    """Proof that one assignment was completed; what it says is frozen when it is issued."""

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    assignment = models.OneToOneField(
        "courses.Assignment",
        # A certificate is a record the organisation must keep for its retention period;
        # deleting the assignment (or the employee) must not silently take it along.
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("assignment"),
    )
    serial_number = models.CharField(_("serial number"), max_length=20, unique=True)
    verification_code = models.CharField(
        _("verification code"), max_length=64, unique=True, default=new_verification_code
    )
    # Snapshots: a later change of name, title or version must not rewrite what was certified.
    holder_name = models.CharField(_("holder"), max_length=310)
    course_title = models.CharField(_("course"), max_length=255)
    course_version = models.PositiveIntegerField(_("course version"))
    organisation_name = models.CharField(_("organisation"), max_length=200)
    language = models.CharField(_("language"), max_length=5, default="cs")
    completed_on = models.DateField(_("completed on"))
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: does not expire.")
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    pdf = models.FileField(_("PDF"), upload_to=certificate_pdf_path, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoke_reason = models.TextField(_("reason for revocation"), blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-completed_on", "-id"]
        permissions = [("revoke_certificate", _("Can revoke certificates"))]
        constraints = [
            # Revoked means when and why, never a half-revoked record; by whom is empty only
            # when the system revoked it (the retention purge erasing its holder).
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True, revoked_by__isnull=True, revoke_reason="")
                | (Q(revoked_at__isnull=False) & ~Q(revoke_reason="")),
                name="certificate_revocation_complete",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_until__gte=models.F("completed_on")),
                name="certificate_valid_after_completion",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="certificate_score_0_100",
            ),
        ]
        indexes = [
            models.Index(fields=["completed_on"], name="certificate_completed_on"),
            models.Index(fields=["valid_until"], name="certificate_valid_until"),
        ]

    def __str__(self) -> str:
        return f"{self.serial_number} – {self.holder_name}"

    @property
    def status(self) -> str:
        return validity.status(
            revoked_at=self.revoked_at, valid_until=self.valid_until, today=timezone.localdate()
        )

    status.fget.short_description = _("status")

    def get_status_display(self) -> str:
        return Status(self.status).label

    get_status_display.short_description = _("status")

    @property
    def verification_path(self) -> str:
        return reverse("certificates:verify", args=[self.verification_code])

    @property
    def verification_url(self) -> str:
        return settings.BASE_URL.rstrip("/") + self.verification_path


class CertificateExport(BackgroundJob):
    """One HR request for a ZIP of a workplace's certificates over a period, built by Celery."""

    download_url_name = "certificates:export_download"

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificate_exports",
        verbose_name=_("requested by"),
    )
    workplace = models.ForeignKey(
        "organisation.Workplace",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("workplace"),
    )
    date_from = models.DateField(_("completed from"))
    date_to = models.DateField(_("completed to"))
    file = models.FileField(_("file"), upload_to=export_zip_path, blank=True)

    class Meta:
        verbose_name = _("certificate export")
        verbose_name_plural = _("certificate exports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_from__lte=models.F("date_to")), name="export_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(done__lte=models.F("total")), name="export_progress_within_total"
            ),
            models.CheckConstraint(
                condition=~Q(state="done") | ~Q(file=""), name="export_done_has_file"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.workplace} {self.date_from}–{self.date_to}"
