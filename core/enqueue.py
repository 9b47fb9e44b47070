"""Enqueueing Celery tasks so that a broker outage is logged and never fails the caller.

The data a task works on is committed first; if the broker is away the task is lost, and
the scheduled catch-up (automation's `catch_up` job) re-derives what it should have done.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue(task, *args, **kwargs) -> bool:
    """Send `task` now; False (and a log line) if the broker cannot take it."""
    if task.app.conf.task_always_eager:
        # Tests run tasks in-process: there is no broker to lose, and a task's own error
        # must reach the test instead of a log.
        task.apply_async(args, kwargs)
        return True
    try:
        task.apply_async(args, kwargs)
    except Exception:  # noqa: BLE001 - any broker failure: the catch-up job redoes the work
        logger.exception("Could not enqueue %s%r; the catch-up job will redo it", task.name, args)
        return False
    return True


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Send `task` once the current transaction commits (never if it rolls back)."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))
