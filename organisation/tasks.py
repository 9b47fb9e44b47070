"""Celery tasks of the organisation: the scheduled purge of personal data after retention."""

from celery import shared_task

from . import erasure


@shared_task
def people_purge_task() -> int:
    """Erase every departed person past the retention period; safe to run again."""
    return erasure.people_purge()
