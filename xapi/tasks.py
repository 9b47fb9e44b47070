"""Celery task of the xAPI outbox: derive the missing statements, then forward (every minute)."""

from celery import shared_task

from . import services


@shared_task(name="xapi.sync", acks_late=True, reject_on_worker_lost=True)
def sync() -> dict:
    return {**services.statements_collect(), **services.statements_forward()}
