"""Celery tasks of the Act phase: thin wrappers that take names, not objects."""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import RedisError

from core.enqueue import enqueue

from . import services

# Worth another try: the next one usually finds the server back (a dropped or locked
# database connection, the broker or the cache away). Anything else is a bug that
# retrying would only repeat.
TRANSIENT = (OperationalError, InterfaceError, BrokerError, RedisError, ConnectionError)


@shared_task(
    name="automation.run_job",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT,
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=6,
)
def run_job(self, name: str, request_id: int | None = None) -> dict:
    """Run a scheduled job; safe to run twice (effects are keyed), then send its e-mails.

    A transient error (the database, the broker or the cache away for a moment) is retried
    with growing pauses (about 2, 4, 8 ... s, at most 5 minutes); each try is a JobRun.
    `request_id` is set when staff started the job from the admin ("run now"): its runs
    point at the request, which closes with the counts (or the error of the last try).
    """
    try:
        run = services.job_run(
            name=name,
            attempt=self.request.retries + 1,
            task_id=self.request.id or "",
            seconds=settings.AUTOMATION_JOB_SLICE_SECONDS,
            request_id=request_id,
        )
    except Exception as exc:
        if request_id is not None and (
            not isinstance(exc, TRANSIENT) or self.request.retries >= self.max_retries
        ):
            services.job_request_fail(request_id=request_id, error=repr(exc))
        raise
    # The job is done (or its slice is) even if the broker is away now: the 5-minute flush
    # sends its e-mails, and the next scheduled run (or the catch-up) does the rest.
    enqueue(outbox_flush)
    if run.status == run.Status.CONTINUED:
        enqueue(run_job, name, request_id=request_id)
    return run.counts


@shared_task(name="automation.outbox_flush", acks_late=True, reject_on_worker_lost=True)
def outbox_flush() -> dict:
    """Send a batch of waiting e-mails; a full batch means more wait, sent by the next task."""
    batch = settings.AUTOMATION_FLUSH_BATCH
    counts = services.outbox_flush(limit=batch)
    if counts["sent"] + counts["failed"] >= batch:
        enqueue(outbox_flush)
    return counts
