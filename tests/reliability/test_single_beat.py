"""Point 9: exactly one beat. A second beat refuses to start while one runs (PostgreSQL
advisory lock; a lock file with SQLite), and a beat killed right after sending and started
again does not send the same period a second time.
"""

import json
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
import redis

from .conftest import ROOT, process_env, stop_process, wait_for

REFUSED = "Another Celery beat is running"


def _beat(env: dict, log) -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "elearning", "beat", "--loglevel=INFO"]
    handle = log.open("wb")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_beat_at_a_time_and_no_period_sent_twice(redis_server, tmp_path):
    queue = f"reliability-{uuid.uuid4().hex[:8]}"
    env = process_env(redis_server.url, queue)
    queued = redis.Redis.from_url(redis_server.url)
    first = _beat(env, tmp_path / "first.log")
    try:
        # The interval entries (the outbox flush, the phishing sender, the xAPI sync) are due
        # at once: the first beat sends them one per tick, each saved to the database; how
        # many is counted once the queue stops growing for 3 s.
        assert wait_for(lambda: queued.llen(queue) >= 1, timeout=60), (
            tmp_path / "first.log"
        ).read_text()

        def settled() -> bool:
            before = queued.llen(queue)
            time.sleep(3)
            return queued.llen(queue) == before

        assert wait_for(settled, timeout=60)
        sent_first = _task_names(queued, queue)
        second = _beat(env, tmp_path / "second.log")
        assert second.wait(timeout=60) != 0
        assert REFUSED in (tmp_path / "second.log").read_text()

        first.send_signal(signal.SIGKILL)
        first.wait()
        third = _beat(env, tmp_path / "third.log")
        try:
            assert wait_for(lambda: b"beat: Starting" in (tmp_path / "third.log").read_bytes(), 60)
            time.sleep(8)  # several beat ticks
            assert third.poll() is None, (tmp_path / "third.log").read_text()
            # The periods the killed beat sent are not sent again (an entry it had not reached
            # yet may still be sent, once).
            sent = _task_names(queued, queue)
            assert sent[: len(sent_first)] == sent_first
            assert len(sent) == len(set(sent)), sent
        finally:
            stop_process(third)
    finally:
        stop_process(first)
    assert REFUSED not in (tmp_path / "third.log").read_text()


def _task_names(queued, queue: str) -> list[str]:
    """The names of the tasks waiting in the queue, oldest first (kombu pushes on the left)."""
    return [json.loads(raw)["headers"]["task"] for raw in reversed(queued.lrange(queue, 0, -1))]


HOLD_THE_LOCK = """
import sys, time, django
django.setup()
from elearning.beat import beat_lock_acquire
print("held" if beat_lock_acquire() is not None else "refused", flush=True)
time.sleep(float(sys.argv[1]))
"""


def test_the_sqlite_lock_file_lets_one_process_hold_it(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "BEAT_LOCK_FILE": str(tmp_path / "beat.lock"),
    }

    def start(seconds: float) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-c", HOLD_THE_LOCK, str(seconds)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )

    holder = start(60)
    assert holder.stdout.readline().strip() == "held"
    try:
        other = start(0)
        assert other.communicate(timeout=60)[0].strip() == "refused"
    finally:
        holder.kill()  # the lock goes with the process, however it ends
        holder.wait()
    after = start(0)
    assert after.communicate(timeout=60)[0].strip() == "held"
