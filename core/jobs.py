"""The progress core every background file job shares (certificate ZIPs, report exports)."""

import time
from typing import ClassVar

from celery import shared_task
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, models
from django.db.models import Q
from django.db.models.sql import UpdateQuery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class BackgroundJob(models.Model):
    """A request for a file built by Celery: state, progress and when it ran.

    Concrete jobs add who asked, what to build and the file field (each app stores its
    files under its own random paths) and name the URL of their download; the progress page
    polls the same JSON (`state_json`) for all, and their Celery tasks retry alike
    (`retrying_task`).
    """

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    # A database that is briefly away or locked, a full disk or a storage hiccup is worth
    # another try; anything else is a bug that retrying would only repeat.
    RETRY_ON: ClassVar[tuple[type[Exception], ...]] = (DatabaseError, OSError)

    # The URL name of the finished file, reversed with the job's pk, e.g. "reports:job_download".
    download_url_name: ClassVar[str] = ""

    # With a context: "Failed" of a quiz attempt ("nevyhověl") is another word in Czech.
    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("job state", "Waiting")
        RUNNING = "running", pgettext_lazy("job state", "Running")
        DONE = "done", pgettext_lazy("job state", "Ready")
        FAILED = "failed", pgettext_lazy("job state", "Failed")

    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return min(100, round(100 * self.done / self.total)) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    def state_json(self) -> dict:
        """What the progress page shows and polls: state, progress, the file's URL once done."""
        done = self.state == self.State.DONE
        return {
            "state": self.state,
            "state_label": self.get_state_display(),
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "download_url": reverse(self.download_url_name, args=[self.pk]) if done else None,
        }

    @staticmethod
    def retrying_task(*, max_retries: int = 3, retry_backoff_max: int = 300):
        """The Celery task decorator of a job's build (or any file task): retries on RETRY_ON.

        Backs off exponentially from 5 s with jitter, so a database restart is ridden out
        without every worker knocking at the same second.
        """
        return shared_task(
            autoretry_for=BackgroundJob.RETRY_ON,
            retry_backoff=5,
            retry_backoff_max=retry_backoff_max,
            retry_jitter=True,
            max_retries=max_retries,
        )


class SideProgress:
    """Writes a job's `done`/`total` on a database connection of its own, at most once a second.

    For work done all or nothing inside one long transaction (the employee import): its own
    UPDATEs would stay invisible until the commit, so the page polling the job could show no
    progress. On PostgreSQL a second connection in autocommit writes the row the work never
    locks; SQLite has one writer, so there the figures go through the work's own connection
    and appear at its commit.
    """

    def __init__(self, job: BackgroundJob, *, interval: float = 1.0):
        self.model = type(job)
        self.pk = job.pk
        self.interval = interval
        self.total = 0
        self.last = time.monotonic()
        self.side = None
        if connection.vendor == "postgresql":
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)

    def _write(self, **values) -> None:
        if self.side is None:
            self.model.objects.filter(pk=self.pk).update(**values)
            return
        # The ORM's own UPDATE, compiled for the side connection (no hand-built SQL).
        query = UpdateQuery(self.model)
        query.add_update_values(values)
        query.add_q(Q(pk=self.pk))
        sql, params = query.get_compiler(connection=self.side).as_sql()
        with self.side.cursor() as cursor:
            cursor.execute(sql, params)

    def start(self, total: int) -> None:
        self._write(done=0, total=total)
        self.total = total

    def __call__(self, done: int) -> None:
        if time.monotonic() - self.last >= self.interval:
            self._write(done=min(done, self.total))
            self.last = time.monotonic()

    def close(self) -> None:
        if self.side is not None:
            self.side.close()
            self.side = None
