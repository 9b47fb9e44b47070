"""Jobs through a real Celery worker: the task runs once, a rolled-back enqueue never runs."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import OperationalError, transaction

from automation import tasks
from automation.models import JobRun, OutboxEmail
from elearning.celery import app
from tests import factories


@pytest.fixture
def worker(django_db_serialized_rollback, transactional_db):
    """A worker thread consuming from the configured broker (memory:// or Redis in CI)."""
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            yield app
    finally:
        app.conf.task_always_eager = True


def _wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OperationalError:
            # The shared in-memory SQLite locks a table while the worker thread writes it;
            # the poll only looks, so it looks again.
            pass
        time.sleep(0.2)
    return False


def test_reminders_job_runs_in_a_worker_and_sends_once(worker, people, course):
    factories.assign(people["employee"], course, due_in=14)
    tasks.run_job.delay("reminders")
    assert _wait_for(lambda: OutboxEmail.objects.filter(sent_at__isnull=False).exists())
    tasks.run_job.delay("reminders")
    assert _wait_for(lambda: JobRun.objects.filter(job="reminders", status="done").count() == 2)
    assert OutboxEmail.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["jana@example.cz"]]


def test_a_task_enqueued_in_a_rolled_back_transaction_never_runs(worker, people, course):
    with pytest.raises(RuntimeError), transaction.atomic():
        tasks.run_job.delay_on_commit("reminders")
        raise RuntimeError("the request failed after enqueueing")
    # A committed one afterwards proves the worker is alive and the queue is in order.
    tasks.run_job.delay_on_commit("escalation")
    assert _wait_for(lambda: JobRun.objects.filter(job="escalation").exists())
    time.sleep(1)
    assert not JobRun.objects.filter(job="reminders").exists()


def _setup_for(name: str, people, course_index):
    """Data on which the job has exactly one kind of effect to produce."""
    import datetime

    from django.utils import timezone

    if name == "reminders":
        factories.assign(people["employee"], factories.make_course(course_index), due_in=14)
    elif name == "escalation":
        factories.assign(people["employee"], factories.make_course(course_index), due_in=-10)
    elif name == "refreshers":
        course = factories.make_course(course_index, refresher_months=12)
        completed = timezone.now() - datetime.timedelta(days=350)
        assignment = factories.CompletedAssignmentFactory(
            user=people["employee"], course=course, completed_at=completed
        )
        factories.issue_certificate(assignment, pdf=False)
    # check-summary and review-cycle need only the security manager and an unreviewed
    # workplace, which `people` provides.


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("reminders", "reminder"),
        ("escalation", "escalation"),
        ("refreshers", "refresher"),
        ("check-summary", "check_summary"),
        ("review-cycle", "review_cycle"),
    ],
)
def test_every_job_runs_in_a_worker_and_its_e_mails_go_out(
    worker, people, course_index, name, kind
):
    from automation.models import Notification

    _setup_for(name, people, course_index)
    tasks.run_job.delay(name)
    assert _wait_for(lambda: JobRun.objects.filter(job=name, status="done").exists())
    assert Notification.objects.filter(kind=kind).exists()
    assert _wait_for(
        lambda: (
            not OutboxEmail.objects.filter(sent_at__isnull=True).exists()
            and OutboxEmail.objects.exists()
        )
    )
    assert len(mail.outbox) == OutboxEmail.objects.count()
