"""Background report jobs: a full records export or an evidence pack, with progress and a file."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.jobs import BackgroundJob


def job_file_path(instance, filename: str) -> str:
    # Random, never the requester's name or the workplace: media may be served by a plain web
    # server in production, and a guessable path would hand anyone the organisation's records.
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"reports/jobs/{secrets.token_urlsafe(18)}.{extension}"


class ExportJob(BackgroundJob):
    """One request for a file built by Celery; only its requester may see or download it."""

    download_url_name = "reports:job_download"

    class Kind(models.TextChoices):
        RECORDS = "records", _("Training records")
        EVIDENCE = "evidence", _("Evidence pack")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"
        ZIP = "zip", "ZIP"

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="report_jobs",
        verbose_name=_("requested by"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    # The filters as the form cleaned them (ids and ISO dates). The scope is not stored: the
    # task derives it from the requester when it runs, so a stored parameter cannot widen it.
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    file = models.FileField(_("file"), upload_to=job_file_path, blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="records", format__in=["csv", "xlsx"])
                | Q(kind="evidence", format="zip"),
                name="exportjob_kind_format",
            ),
            models.CheckConstraint(
                condition=Q(done__lte=models.F("total")), name="exportjob_done_within_total"
            ),
            models.CheckConstraint(
                condition=~Q(state="done") | ~Q(file=""), name="exportjob_done_has_file"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.format} #{self.pk}"


class Report(models.Model):
    """No table: it only carries the permissions that open the report pages.

    Views and menus check these permissions, never a group name, so access follows
    organisation/roles.py (synced to the groups after migrate) or a permission granted to one
    person directly.
    """

    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [
            (
                "view_all_training_records",
                _("Can see everyone's training records (dashboard, people, transcripts)"),
            ),
            ("view_security_dashboard", _("Can see the security effectiveness dashboard")),
            ("view_risk_heatmap", _("Can see the risk heat map")),
            ("request_evidence_pack", _("Can request the audit evidence pack")),
            # Chasing the overdue from the people lists (issue 13, point 6).
            ("send_reminders", _("Can send a training reminder now to people in their scope")),
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
