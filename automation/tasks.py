"""Celery tasks of the Act phase: thin wrappers that take names, not objects."""

from celery import shared_task

from core.enqueue import enqueue

from . import services


@shared_task(name="automation.run_job", acks_late=True, reject_on_worker_lost=True)
def run_job(name: str) -> dict:
    """Run a scheduled job; safe to run twice (effects are keyed), then send its e-mails."""
    run = services.job_run(name=name)
    # The job is done even if the broker is away now: the 5-minute flush sends its e-mails.
    enqueue(outbox_flush)
    return run.counts


@shared_task(name="automation.outbox_flush", acks_late=True, reject_on_worker_lost=True)
def outbox_flush() -> dict:
    return services.outbox_flush()
