"""Real worker processes and a private redis-server for the tests that kill or starve them.

Shared by tests/reliability/, tests/automation/test_fault.py and tests/phishing/test_fault.py.
Tests that start a worker process need PostgreSQL (the worker shares the test database)
and carry the `redis` marker, so they run in the second leg of .ci/run.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
PORTS = range(6390, 6400)


def wait_for(condition, timeout: float, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


class RedisServer:
    """One redis-server on a port of our own; restart() is a real stop and start."""

    def __init__(self, port: int, workdir: Path):
        self.port = port
        self.workdir = workdir
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert wait_for(lambda: not _port_free(self.port), timeout=10), "redis did not start"

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=10)
        self.process = None

    def restart(self):
        self.stop()
        self.start()


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.fail("A worker process shares the test database: this test needs PostgreSQL")
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def process_env(broker_url: str, queue: str, **extra) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_BROKER_URL": broker_url,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DATABASE_URL": database_url(),
        **extra,
    }


def start_worker(env: dict, queue: str, log: Path, concurrency: int = 2) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "elearning",
        "worker",
        "--pool=prefork",
        f"--concurrency={concurrency}",
        "-Q",
        queue,
        "--without-gossip",
        "--without-mingle",
        "--loglevel=INFO",
    ]
    handle = log.open("wb")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)


def pool_children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def stop_process(process: subprocess.Popen):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def enqueue(broker_url: str, queue: str, task_name: str, *args):
    """Send a task to a worker process through the given broker (the test app runs eagerly)."""
    from elearning.celery import app

    eager, app.conf.task_always_eager = app.conf.task_always_eager, False
    try:
        with app.connection_for_write(broker_url) as conn:
            app.send_task(task_name, args=list(args), queue=queue, connection=conn)
    finally:
        app.conf.task_always_eager = eager


@contextlib.contextmanager
def broker(url: str):
    """Point the in-process Celery app at `url` and send tasks there instead of running them."""
    from elearning.celery import app

    saved = app.conf.broker_write_url, app.conf.task_always_eager
    app.conf.broker_write_url, app.conf.task_always_eager = url, False
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
    finally:
        app.conf.broker_write_url, app.conf.task_always_eager = saved
        app._pool = None
        app.amqp._producer_pool = None
