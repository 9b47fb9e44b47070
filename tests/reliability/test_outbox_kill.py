"""Point 5: a worker killed again and again during the outbox flush, against a real SMTP server.

Every outbox row ends up sent exactly once in the database; the SMTP server may see an
e-mail twice only when a kill fell between its accept and the commit, and then with the
same Message-ID (one per outbox row across retries).
"""

import os
import signal
import socket
import threading
import time
import uuid
from collections import Counter
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller

from automation.models import OutboxEmail
from automation.services import message_id

from .conftest import enqueue, pool_children, process_env, start_worker, stop_process, wait_for

EMAILS = 150
KILLS = 3

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class Recorder:
    """An SMTP server's data handler that keeps what it accepted (slowly, like a real relay)."""

    def __init__(self):
        self.accepted = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        time.sleep(0.01)
        message = message_from_bytes(envelope.content)
        with self.lock:
            self.accepted.append((message["Message-ID"], tuple(envelope.rcpt_tos)))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_killed_flushes_send_each_email_once_with_one_message_id(redis_server, tmp_path):
    OutboxEmail.objects.bulk_create(
        OutboxEmail(
            to=[f"adresat{i}@example.cz"], subject=f"Připomínka č. {i}", body_text="Dobrý den"
        )
        for i in range(EMAILS)
    )
    recorder = Recorder()
    port = _free_port()
    smtp = Controller(recorder, hostname="127.0.0.1", port=port)
    smtp.start()
    queue = f"reliability-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"
    env = process_env(redis_server.url, queue, EMAIL_URL=f"smtp://127.0.0.1:{port}")
    worker = start_worker(env, queue, log, concurrency=1)
    kills = 0
    try:
        assert wait_for(lambda: b"ready." in log.read_bytes(), timeout=60), log.read_text()
        enqueue(redis_server.url, queue, "automation.outbox_flush")
        for threshold in range(1, KILLS + 1):
            assert wait_for(
                lambda t=threshold: len(recorder.accepted) >= t * EMAILS // (KILLS + 1),
                timeout=120,
            ), log.read_text()[-3000:]
            for child in pool_children(worker.pid):
                os.kill(child, signal.SIGKILL)
            kills += 1
        assert wait_for(
            lambda: OutboxEmail.objects.filter(sent_at__isnull=False).count() == EMAILS,
            timeout=180,
        ), f"{OutboxEmail.objects.filter(sent_at__isnull=False).count()} of {EMAILS} sent"
    finally:
        stop_process(worker)
        smtp.stop()

    rows = list(OutboxEmail.objects.order_by("pk"))
    expected = {message_id(row): tuple(row.to) for row in rows}
    seen = Counter(mid for mid, _to in recorder.accepted)
    print(f"{kills} kills, {len(recorder.accepted)} deliveries of {EMAILS} e-mails")
    assert set(seen) == set(expected)  # every e-mail arrived, each under its row's Message-ID
    assert all(dict(recorder.accepted)[mid] == to for mid, to in expected.items())
    assert sum(seen.values()) - EMAILS <= kills  # a duplicate only per kill inside the SMTP hop
