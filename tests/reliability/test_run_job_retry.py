"""Point 10: a transient database error in a running job is retried with backoff, each try
recorded; the retried job completes the batch without repeating an effect.

The fault is real: PostgreSQL terminates the worker's connections (pg_terminate_backend)
while the reminders job is half-way through its batch.
"""

import datetime
import re
import uuid
from collections import Counter

import pytest
from django.db import connection
from django.utils import timezone

from automation.models import JobRun, Notification, OutboxEmail
from courses.models import Assignment
from organisation.models import User
from tests import factories

from .conftest import enqueue, process_env, start_worker, stop_process, wait_for

EMPLOYEES = 600

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _terminate_other_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_a_dropped_database_connection_is_retried_and_each_try_recorded(
    site, redis_server, tmp_path
):
    course = factories.make_course(site[1], title="Spisová služba", lessons=1)
    workplace = factories.WorkplaceFactory()
    users = User.objects.bulk_create(
        User(
            email=f"referent{i}@example.cz",
            first_name="Eva",
            last_name=f"Řezníčková {i}",
            workplace=workplace,
        )
        for i in range(EMPLOYEES)
    )
    due = timezone.localdate() + datetime.timedelta(days=20)
    Assignment.objects.bulk_create(
        Assignment(user=u, course=course, due_date=due, reason="Přezkum rizik") for u in users
    )
    queue = f"reliability-{uuid.uuid4().hex[:8]}"
    mail_dir = tmp_path / "mail"
    log = tmp_path / "worker.log"
    worker = start_worker(
        process_env(redis_server.url, queue, EMAIL_FILE_PATH=str(mail_dir)), queue, log
    )
    try:
        assert wait_for(lambda: b"ready." in log.read_bytes(), timeout=60), log.read_text()
        enqueue(redis_server.url, queue, "automation.run_job", "reminders")
        assert wait_for(lambda: Notification.objects.count() >= 30, timeout=60)
        assert _terminate_other_connections() >= 1
        assert wait_for(
            lambda: JobRun.objects.filter(job="reminders", status="done").exists(), timeout=120
        ), log.read_text()[-3000:]
        assert wait_for(
            lambda: OutboxEmail.objects.filter(sent_at__isnull=False).count() == EMPLOYEES,
            timeout=120,
        )
    finally:
        stop_process(worker)

    runs = list(JobRun.objects.filter(job="reminders").order_by("started_at"))
    assert [(r.attempt, r.status) for r in runs] == [(1, "failed"), (2, "done")]
    assert "terminat" in runs[0].error or "connection" in runs[0].error.lower()
    assert Notification.objects.filter(step="assigned").count() == EMPLOYEES
    delivered = "".join(p.read_text(encoding="utf-8") for p in mail_dir.iterdir())
    recipients = Counter(re.findall(r"^To: (referent\d+@example\.cz)$", delivered, re.M))
    assert len(recipients) == EMPLOYEES
    assert set(recipients.values()) == {1}
