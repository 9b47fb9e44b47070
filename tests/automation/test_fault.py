"""Crash safety: a worker process killed mid-batch, then restarted, still sends one e-mail each.

Runs against real Redis and PostgreSQL (second run of .ci/run): the worker is a separate
process reading the test database, and its pool process is SIGKILLed while the reminder
job is half-way through its batch.
"""

import datetime
import os
import re
import signal
import uuid
from collections import Counter

import pytest
from django.conf import settings
from django.utils import timezone

from automation import tasks
from automation.models import JobRun, Notification, OutboxEmail
from courses.models import Assignment
from elearning.celery import app
from organisation.models import User
from tests import factories
from tests.workers import pool_children, process_env, start_worker, stop_process, wait_for

EMPLOYEES = 1500  # three chunks of 500: the kill falls between two chunk commits

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_killed_worker_process_sends_each_reminder_exactly_once(site, tmp_path):
    if not settings.CELERY_BROKER_URL.startswith("redis"):
        pytest.fail("The fault test needs Redis as the broker (CELERY_BROKER_URL)")
    course = factories.make_course(site[1], title="Phishing a sociální inženýrství", lessons=1)
    workplace = factories.WorkplaceFactory()
    users = User.objects.bulk_create(
        User(
            email=f"zamestnanec{i}@example.cz",
            first_name="Jiří",
            last_name=f"Kůň {i}",
            workplace=workplace,
        )
        for i in range(EMPLOYEES)
    )
    due = timezone.localdate() + datetime.timedelta(days=20)
    Assignment.objects.bulk_create(
        Assignment(user=u, course=course, due_date=due, reason="Přezkum rizik") for u in users
    )

    queue = f"fault-{uuid.uuid4().hex[:8]}"
    mail_dir = tmp_path / "mail"
    env = process_env(settings.CELERY_BROKER_URL, queue, EMAIL_FILE_PATH=str(mail_dir))
    worker = start_worker(env, queue, tmp_path / "worker.log", concurrency=1)
    try:
        assert wait_for(lambda: pool_children(worker.pid), timeout=60), "worker did not start"
        # The test settings run tasks in-process; this one must go to the worker.
        app.conf.task_always_eager = False
        try:
            tasks.run_job.apply_async(args=["reminders"], queue=queue)
        finally:
            app.conf.task_always_eager = True

        # Kill the pool process while the batch is half done.
        assert wait_for(lambda: Notification.objects.count() >= 50, timeout=60)
        before_kill = Notification.objects.count()
        for child in pool_children(worker.pid):
            os.kill(child, signal.SIGKILL)
        done_at_kill = Notification.objects.count()
        print("notifications before/after the kill:", before_kill, done_at_kill)
        assert done_at_kill < EMPLOYEES, "the batch finished before the kill; raise EMPLOYEES"

        # The worker restarts its pool process; the late-acked task is redelivered and
        # finishes the batch, then the outbox flush sends the e-mails.
        assert wait_for(
            lambda: OutboxEmail.objects.filter(sent_at__isnull=False).count() == EMPLOYEES,
            timeout=180,
        ), f"sent {OutboxEmail.objects.filter(sent_at__isnull=False).count()} of {EMPLOYEES}"
    finally:
        stop_process(worker)

    assert Notification.objects.filter(step="assigned").count() == EMPLOYEES
    assert JobRun.objects.filter(job="reminders", status="done").count() >= 1
    # Every employee received exactly one e-mail, counted in what the backend delivered.
    delivered = "".join(p.read_text(encoding="utf-8") for p in mail_dir.iterdir())
    recipients = Counter(re.findall(r"^To: (zamestnanec\d+@example\.cz)$", delivered, re.M))
    assert len(recipients) == EMPLOYEES
    assert set(recipients.values()) == {1}
