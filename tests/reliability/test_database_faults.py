"""Point 8: the database misbehaving gives a Czech 503 page, a bug a Czech 500 page, and a
database that accepts connections and never answers does not hold a request.

The silent database is real: a TCP port that accepts and then says nothing; a separate
Django process (the web configuration) serves a page against it.
"""

import os
import socket
import subprocess
import sys
import threading

import pytest
from django.test import Client

from .conftest import ROOT, database_url


@pytest.fixture
def failing_client(settings, db):
    settings.ROOT_URLCONF = "tests.reliability.urls"
    return Client(raise_request_exception=False)


def test_a_bug_shows_the_czech_500_page(failing_client):
    response = failing_client.get("/test-boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Něco se pokazilo" in page
    assert 'lang="cs"' in page


def test_a_lost_database_shows_the_czech_maintenance_page(failing_client):
    response = failing_client.get("/test-database-gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Probíhá údržba" in response.content.decode()


def test_maintenance_mode_answers_every_page_with_503(client, settings, db):
    settings.MAINTENANCE_MODE = True
    response = client.get("/my-training/")
    assert response.status_code == 503
    assert "Školení je na chvíli nedostupné" in response.content.decode()


@pytest.fixture
def silent_port():
    """A port that accepts connections and never sends a byte (a hung database host)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()
    assert held, "nothing connected to the silent port"


SERVE_ONE_PAGE = """
from django.test import Client
response = Client(raise_request_exception=False).get("/", HTTP_HOST="127.0.0.1")
print(response.status_code)
print(response.content.decode())
"""


def _serve(database: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SERVE_ONE_PAGE],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "elearning.settings.test",
            "DATABASE_URL": database,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_database_that_never_answers_gives_the_maintenance_page(silent_port):
    result = _serve(
        f"postgres://elearning@127.0.0.1:{silent_port}/elearning", DATABASE_CONNECT_TIMEOUT="2"
    )
    status, _newline, page = result.stdout.partition("\n")
    assert status == "503", result.stdout + result.stderr
    assert "Probíhá údržba" in page


@pytest.mark.redis  # needs the PostgreSQL server of .ci/run's second leg
def test_a_web_statement_longer_than_the_timeout_is_cancelled(django_db_setup):
    script = (
        "from django.db import connection, OperationalError\n"
        "try:\n"
        "    connection.cursor().execute('SELECT pg_sleep(5)')\n"
        "    print('finished')\n"
        "except OperationalError as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "elearning.settings.test",
            "DATABASE_URL": database_url(),
            "DATABASE_STATEMENT_TIMEOUT_MS": "300",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "canceling statement due to statement timeout" in result.stdout, result.stderr
