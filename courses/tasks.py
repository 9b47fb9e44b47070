"""Background jobs of courses: thin, idempotent wrappers that take ids and call planning."""

from dataclasses import asdict

from celery import shared_task
from django.db import OperationalError

from . import planning

# A lock timeout or deadlock is transient: the whole transaction is retried, and it is idempotent.
_RETRY = {"autoretry_for": (OperationalError,), "retry_backoff": True, "max_retries": 5}


@shared_task(**_RETRY)
def plan_apply_review(review_id: int) -> dict:
    """Apply an approved risk review's plan; running it twice changes nothing the second time."""
    return asdict(planning.plan_apply_review(review_id=review_id))


@shared_task(**_RETRY)
def plan_apply_user(user_id: int) -> dict:
    """Give a joiner or mover their workplace's current plan; safe to run twice."""
    return asdict(planning.plan_apply_user(user_id=user_id))
