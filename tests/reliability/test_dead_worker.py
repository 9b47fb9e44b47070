"""Point 4: a worker killed outright (main process and pool) does not delay its job by the
two-hour visibility timeout: another worker gets the task within the timeout (minutes;
seconds here), marks the dead worker's job run interrupted and resumes the batch.
"""

import datetime
import os
import re
import signal
import uuid
from collections import Counter

import pytest
from django.utils import timezone

from automation.models import JobRun, Notification, OutboxEmail
from courses.models import Assignment
from organisation.models import User
from tests import factories

from .conftest import enqueue, pool_children, process_env, start_worker, stop_process, wait_for

EMPLOYEES = 1500  # three chunks of 500: the kill falls between two chunk commits

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_dead_workers_job_is_resumed_by_another_worker(site, redis_server, tmp_path):
    course = factories.make_course(site[1], title="Bezpečná práce z domova", lessons=1)
    workplace = factories.WorkplaceFactory()
    users = User.objects.bulk_create(
        User(
            email=f"kolega{i}@example.cz",
            first_name="Ondřej",
            last_name=f"Růžička {i}",
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
    env = process_env(
        redis_server.url, queue, EMAIL_FILE_PATH=str(mail_dir), CELERY_VISIBILITY_TIMEOUT="10"
    )
    first = start_worker(env, queue, tmp_path / "first.log", concurrency=1)
    second = None
    try:
        assert wait_for(lambda: b"ready." in (tmp_path / "first.log").read_bytes(), timeout=60)
        enqueue(redis_server.url, queue, "automation.run_job", "reminders")
        assert wait_for(lambda: Notification.objects.count() >= 30, timeout=60)
        for pid in [*pool_children(first.pid), first.pid]:
            os.kill(pid, signal.SIGKILL)
        first.wait()
        assert Notification.objects.count() < EMPLOYEES, "the batch finished before the kill"

        second = start_worker(env, queue, tmp_path / "second.log", concurrency=1)
        assert wait_for(
            lambda: JobRun.objects.filter(job="reminders", status="done").exists(), timeout=120
        ), (tmp_path / "second.log").read_text()[-3000:]
        assert wait_for(
            lambda: OutboxEmail.objects.filter(sent_at__isnull=False).count() == EMPLOYEES,
            timeout=120,
        )
    finally:
        if second is not None:
            stop_process(second)
        stop_process(first)

    runs = list(JobRun.objects.filter(job="reminders").order_by("started_at"))
    assert [r.status for r in runs] == ["interrupted", "done"]
    assert runs[0].task_id == runs[1].task_id != ""
    assert Notification.objects.filter(step="assigned").count() == EMPLOYEES
    delivered = "".join(p.read_text(encoding="utf-8") for p in mail_dir.iterdir())
    recipients = Counter(re.findall(r"^To: (kolega\d+@example\.cz)$", delivered, re.M))
    assert len(recipients) == EMPLOYEES
    assert set(recipients.values()) == {1}
