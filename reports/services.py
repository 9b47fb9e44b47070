"""Operations of reports: request a background export and build it, with progress as it goes."""

from __future__ import annotations

import datetime
import logging
import tempfile
import time

from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from wagtail.models import Site

from core.audit import export_log
from core.enqueue import enqueue_on_commit
from core.models import OrganisationSettings
from courses.models import CoursePage
from organisation.models import Workplace

from . import exports, records
from .hr import selectors as hr
from .jobs import evidence
from .models import ExportJob
from .permissions import EVIDENCE_PACK
from .scope import scope_for

logger = logging.getLogger(__name__)

# Progress is written at most this often: often enough for a moving bar, rarely enough that
# the UPDATEs cost nothing next to the export itself.
PROGRESS_INTERVAL_SECONDS = 1.0


class NotAllowed(Exception):
    """The requester may not (or may no longer) have this export."""


def export_job_request(
    *, requested_by, kind: str, export_format: str, params: dict | None = None
) -> ExportJob:
    """Record the request and enqueue its build once the request's transaction commits."""
    from .tasks import export_job_run_task

    if not _may_have(requested_by, kind):
        raise NotAllowed
    job = ExportJob.objects.create(
        requested_by=requested_by, kind=kind, format=export_format, params=params or {}
    )
    export_log(
        user=requested_by,
        instance=job,
        what=f"reports.{kind}",
        export_format=export_format,
        filters=params or {},
    )
    enqueue_on_commit(export_job_run_task, job.pk)
    return job


def _may_have(user, kind: str) -> bool:
    # An evidence pack is organisation-wide; records are whatever the requester's scope covers.
    if kind == ExportJob.Kind.EVIDENCE:
        return user.has_perm(EVIDENCE_PACK)  # False for a deactivated account
    return scope_for(user) is not None


def filters_from_params(params: dict) -> hr.Filters:
    """The stored filters back as objects; a workplace or course deleted since is dropped."""

    def day(key):
        value = params.get(key)
        return datetime.date.fromisoformat(value) if value else None

    workplace = course = None
    if params.get("workplace"):
        workplace = Workplace.objects.filter(pk=params["workplace"]).first()
    if params.get("course"):
        course = CoursePage.objects.filter(pk=params["course"]).first()
    status = params.get("status") or ""
    return hr.Filters(
        workplace=workplace,
        course=course,
        date_from=day("date_from"),
        date_to=day("date_to"),
        status=status if status in hr.STATUSES else "",
        search=(params.get("q") or "")[:100],
    )


class _Progress:
    """Writes `done` (never above `total`) to the job row, at most once a second."""

    def __init__(self, job_id: int, total: int):
        self.rows = ExportJob.objects.filter(pk=job_id)
        self.total = total
        self.last = time.monotonic()

    def __call__(self, done: int, total: int | None = None) -> None:
        if total is not None and total != self.total:
            self.total = total
            self.rows.update(total=total)
        if time.monotonic() - self.last >= PROGRESS_INTERVAL_SECONDS:
            self.rows.update(done=min(done, self.total))
            self.last = time.monotonic()


def _records_filename(language: str, export_format: str) -> str:
    stem = "zaznamy-skoleni" if language == "cs" else "training-records"
    return exports.safe_filename(stem, export_format)


def _build_records(job: ExportJob, handle) -> tuple[int, str]:
    scope = scope_for(job.requested_by)
    if scope is None:
        raise NotAllowed
    filters = filters_from_params(job.params)
    # Every record in scope, history included (deactivated people, no longer required).
    queryset = hr.assignments(scope=scope, filters=filters, include_history=True).order_by(
        *hr.PERSON_ORDER, "user_id", "created_at", "id"
    )
    total = queryset.count()
    ExportJob.objects.filter(pk=job.pk).update(total=total, done=0)
    progress = _Progress(job.pk, total)
    rows = (records.cells(r) for r in records.records(queryset))
    if job.format == ExportJob.Format.XLSX:
        written = exports.write_xlsx(
            handle,
            records.headings(),
            rows,
            title=str(ExportJob.Kind.RECORDS.label),
            progress=progress,
        )
    else:
        written = exports.write_csv(handle, records.headings(), rows, progress=progress)
    return written, _records_filename(translation.get_language(), job.format)


def organisation_name() -> str:
    """The default site's organisation: a task has no request to tell the site by."""
    site = Site.objects.filter(is_default_site=True).first()
    name = OrganisationSettings.for_site(site).name if site else ""
    return name or OrganisationSettings._meta.get_field("name").default


def _build_evidence(job: ExportJob, handle) -> tuple[int, str]:
    if not _may_have(job.requested_by, job.kind):
        raise NotAllowed
    filters = filters_from_params(job.params)
    if filters.date_from is None or filters.date_to is None:
        raise ValueError("an evidence pack needs a period")
    ExportJob.objects.filter(pk=job.pk).update(total=8, done=0)
    progress = _Progress(job.pk, 8)
    evidence.build(
        handle=handle,
        requested_by=job.requested_by,
        date_from=filters.date_from,
        date_to=filters.date_to,
        organisation=organisation_name(),
        progress=progress,
    )
    name = f"dukazni-balicek-{filters.date_from:%Y%m%d}-{filters.date_to:%Y%m%d}.zip"
    return 8, name


def export_job_run(*, job: ExportJob) -> ExportJob:
    """Build the job's file into a temporary file on disk, then store it; a done job stays.

    Deliberately not one transaction: progress must be committed as it goes so the
    requester's page can show it. Running it again (a retried task) starts over.
    """
    job = ExportJob.objects.select_related("requested_by").get(pk=job.pk)
    if job.state == ExportJob.State.DONE:
        return job
    rows = ExportJob.objects.filter(pk=job.pk)
    rows.update(state=ExportJob.State.RUNNING, error="", done=0)
    builder = _build_evidence if job.kind == ExportJob.Kind.EVIDENCE else _build_records
    try:
        # On disk, not in memory: a full export of every record is hundreds of megabytes.
        with (
            tempfile.TemporaryFile() as handle,
            translation.override(job.requested_by.language or "cs"),
        ):
            count, filename = builder(job, handle)
            handle.seek(0)
            with transaction.atomic():
                job.file.save(filename, File(handle, name=filename), save=False)
                job.filename = filename
                job.state = ExportJob.State.DONE
                job.total = job.done = count
                job.finished_at = timezone.now()
                job.error = ""
                job.save(
                    update_fields=[
                        "file",
                        "filename",
                        "state",
                        "total",
                        "done",
                        "finished_at",
                        "error",
                    ]
                )
    except NotAllowed:
        rows.update(state=ExportJob.State.FAILED, error="not allowed", finished_at=timezone.now())
        return rows.get()
    except Exception as exc:
        # Shown to the requester instead of a bar that never moves; the task may retry.
        logger.exception("Report export %s failed", job.pk)
        rows.update(
            state=ExportJob.State.FAILED, error=type(exc).__name__, finished_at=timezone.now()
        )
        raise
    return job


# Exports hold personal data; they are for downloading, not for keeping.
EXPORT_RETENTION_DAYS = 7


def export_jobs_purge(*, older_than_days: int = EXPORT_RETENTION_DAYS, now=None) -> int:
    """Delete finished jobs older than the retention period, with their files; returns count."""
    now = now or timezone.now()
    old = ExportJob.objects.filter(
        created_at__lt=now - datetime.timedelta(days=older_than_days),
        state__in=[ExportJob.State.DONE, ExportJob.State.FAILED],
    )
    count = 0
    for job in old.iterator():
        if job.file:
            job.file.delete(save=False)
        job.delete()
        count += 1
    return count
