"""Crash safety: a worker process killed mid-batch, then restarted, still sends one e-mail each.

Runs against real Redis and PostgreSQL (second run of .ci/run): the worker is a separate
process reading the test database, and its pool process is SIGKILLed while the reminder
job is half-way through its batch.
"""

import datetime
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from automation import tasks
from automation.models import JobRun, Notification, OutboxEmail
from courses.models import Assignment
from elearning.celery import app
from organisation.models import User
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
EMPLOYEES = 300

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.fail("The fault test needs PostgreSQL (a worker process shares the database)")
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _wait_for(condition, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _pool_children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


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
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DATABASE_URL": _database_url(),
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "elearning",
        "worker",
        "--pool=prefork",
        "--concurrency=1",
        "-Q",
        queue,
        "--without-gossip",
        "--without-mingle",
        "--loglevel=WARNING",
    ]
    worker = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        assert _wait_for(lambda: _pool_children(worker.pid), timeout=60), "worker did not start"
        # The test settings run tasks in-process; this one must go to the worker.
        app.conf.task_always_eager = False
        try:
            tasks.run_job.apply_async(args=["reminders"], queue=queue)
        finally:
            app.conf.task_always_eager = True

        # Kill the pool process while the batch is half done.
        assert _wait_for(lambda: Notification.objects.count() >= 50, timeout=60)
        before_kill = Notification.objects.count()
        for child in _pool_children(worker.pid):
            os.kill(child, signal.SIGKILL)
        done_at_kill = Notification.objects.count()
        print("notifications before/after the kill:", before_kill, done_at_kill)
        assert done_at_kill < EMPLOYEES, "the batch finished before the kill; raise EMPLOYEES"

        # The worker restarts its pool process; the late-acked task is redelivered and
        # finishes the batch, then the outbox flush sends the e-mails.
        assert _wait_for(
            lambda: OutboxEmail.objects.filter(sent_at__isnull=False).count() == EMPLOYEES,
            timeout=180,
        ), f"sent {OutboxEmail.objects.filter(sent_at__isnull=False).count()} of {EMPLOYEES}"
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()

    assert Notification.objects.filter(step="assigned").count() == EMPLOYEES
    assert JobRun.objects.filter(job="reminders", status="done").count() >= 1
    # Every employee received exactly one e-mail, counted in what the backend delivered.
    delivered = "".join(p.read_text(encoding="utf-8") for p in mail_dir.iterdir())
    recipients = Counter(re.findall(r"^To: (zamestnanec\d+@example\.cz)$", delivered, re.M))
    assert len(recipients) == EMPLOYEES
    assert set(recipients.values()) == {1}
