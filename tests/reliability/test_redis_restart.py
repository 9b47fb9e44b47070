"""Point 1: a Redis restart while a job runs does not kill the worker (kombu 5.7 crashed it).

The worker runs the reminders job over many assignments; Redis is stopped and started
again (its data lost) while the job is half-way; the same worker process must then take
a new job within 30 s, and every employee still receives exactly one reminder.
"""

import datetime
import re
import uuid
from collections import Counter

import pytest
from django.utils import timezone

from automation.models import JobRun, Notification, OutboxEmail
from courses.models import Assignment
from organisation.models import User
from tests import factories

from .conftest import enqueue, pool_children, process_env, start_worker, stop_process, wait_for

EMPLOYEES = 2500  # chunks of 500: the restart lands while later chunks are still due

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_worker_survives_a_redis_restart_during_a_job(site, redis_server, tmp_path):
    course = factories.make_course(site[1], title="Hesla a přihlašování", lessons=1)
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
    queue = f"reliability-{uuid.uuid4().hex[:8]}"
    mail_dir = tmp_path / "mail"
    log = tmp_path / "worker.log"
    env = process_env(redis_server.url, queue, EMAIL_FILE_PATH=str(mail_dir))
    worker = start_worker(env, queue, log, concurrency=2)
    try:
        assert wait_for(lambda: len(pool_children(worker.pid)) == 2, timeout=60)
        assert wait_for(lambda: b"ready." in log.read_bytes(), timeout=60), log.read_text()
        enqueue(redis_server.url, queue, "automation.run_job", "reminders")
        assert wait_for(lambda: Notification.objects.count() >= 30, timeout=60)

        redis_server.restart()
        restarted_with = Notification.objects.count()
        print("reminders recorded when Redis restarted:", restarted_with)
        assert restarted_with < EMPLOYEES, "the job finished before the restart"

        # The same worker process takes a new job within 30 s of the restart.
        enqueue(redis_server.url, queue, "automation.run_job", "escalation")
        took_new_job = wait_for(
            lambda: JobRun.objects.filter(job="escalation", status="done").exists(), timeout=30
        )
        assert worker.poll() is None, "the worker exited:\n" + log.read_text()[-3000:]
        assert took_new_job, log.read_text()[-3000:]
        # The interrupted job finished in its pool process and its e-mails went out.
        assert wait_for(
            lambda: OutboxEmail.objects.filter(sent_at__isnull=False).count() == EMPLOYEES,
            timeout=120,
        ), f"sent {OutboxEmail.objects.filter(sent_at__isnull=False).count()} of {EMPLOYEES}"
    finally:
        stop_process(worker)

    assert "Unrecoverable error" not in log.read_text()
    assert Notification.objects.filter(step="assigned").count() == EMPLOYEES
    assert OutboxEmail.objects.count() == EMPLOYEES
    delivered = "".join(p.read_text(encoding="utf-8") for p in mail_dir.iterdir())
    recipients = Counter(re.findall(r"^To: (zamestnanec\d+@example\.cz)$", delivered, re.M))
    assert len(recipients) == EMPLOYEES
    assert set(recipients.values()) == {1}
