"""The progress core every background file job shares (certificate ZIPs, report exports)."""

from typing import ClassVar

from celery import shared_task
from django.db import DatabaseError, models
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
