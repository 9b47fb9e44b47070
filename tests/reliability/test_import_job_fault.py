"""Point 6: a worker killed in the middle of a big employee import leaves nothing half-done.

HR uploads 3,000 employees and confirms; a real worker process applies them and is SIGKILLed
(main process and pool) once the result page shows progress. Nothing of the file is in the
database then; a new worker gets the redelivered task, imports the file again from the start,
and in the end every employee is there exactly once and the result page says done.
"""

import codecs
import os
import signal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from organisation.models import EmployeeImport, User
from tests import factories
from tests.workers import broker, pool_children, process_env, start_worker, stop_process, wait_for

ROWS = 3000
QUEUE = "celery"  # the private redis-server serves this test alone

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def employees_csv() -> bytes:
    lines = ["Osobní číslo;Jméno;Příjmení;E-mail;Pracoviště;Funkce"] + [
        f"{n};Vojtěch;Dvořák {n};vojtech.{n}@example.cz;osa-podatelna;referent"
        for n in range(40001, 40001 + ROWS)
    ]
    return codecs.BOM_UTF8 + ("\r\n".join(lines) + "\r\n").encode()


def imported():
    return User.objects.filter(email__startswith="vojtech.")


def test_a_worker_killed_mid_import_leaves_nothing_and_the_restart_imports_each_row_once(
    client, site, redis_server, tmp_path
):
    factories.WorkplaceFactory(name="Podatelna a výpravna", code="osa-podatelna")
    hr = factories.UserFactory(roles=["HR"], email="hana.hr@example.cz")
    client.force_login(hr)
    preview = client.post(
        "/admin/employees/import/", {"file": SimpleUploadedFile("lide.csv", employees_csv())}
    )
    assert preview.status_code == 200
    token = preview.context["token"]

    env = process_env(redis_server.url, QUEUE, CELERY_VISIBILITY_TIMEOUT="10")
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    first = start_worker(env, QUEUE, first_log, concurrency=1)
    second = None
    try:
        assert wait_for(lambda: b"ready." in first_log.read_bytes(), timeout=60)
        with broker(redis_server.url):
            confirmed = client.post("/admin/employees/import/", {"confirm": "1", "token": token})
        assert confirmed.status_code == 302
        job = EmployeeImport.objects.get()
        status_url = f"/admin/employees/import/{job.pk}/status/"

        assert wait_for(lambda: client.get(status_url).json()["done"] > 0, timeout=180), (
            first_log.read_text()[-3000:]
        )
        for pid in [*pool_children(first.pid), first.pid]:
            os.kill(pid, signal.SIGKILL)
        first.wait()
        killed = client.get(status_url).json()
        assert killed["state"] == "running"
        assert 0 < killed["done"] < ROWS
        assert imported().count() == 0  # the open transaction died with the worker

        second = start_worker(env, QUEUE, second_log, concurrency=1)
        assert wait_for(lambda: client.get(status_url).json()["state"] == "done", timeout=600), (
            second_log.read_text()[-3000:]
        )
    finally:
        if second is not None:
            stop_process(second)
        stop_process(first)

    assert imported().count() == ROWS
    numbers = list(imported().values_list("personal_number", flat=True))
    assert sorted(numbers) == [str(n) for n in range(40001, 40001 + ROWS)]
    created = ModelLogEntry.objects.filter(action="organisation.import", data__change="created")
    assert created.count() == ROWS  # one audit entry each: the killed attempt left none
    page = client.get(f"/admin/employees/import/{job.pk}/").content.decode()
    assert "Import dokončen" in page
    assert f"vytvořeno {ROWS} zaměstnanců" in page
    job.refresh_from_db()
    assert (job.state, job.done, job.total, bytes(job.data)) == ("done", ROWS, ROWS, b"")
