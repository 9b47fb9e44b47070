"""Issue 16, point 6: a confirmed employee import runs as a background job with progress.

Upload and preview as before; the confirmation enqueues an EmployeeImport that the worker
(in-process here, a real one in tests/reliability/test_import_job_fault.py) applies all or
nothing; the result page polls it and then shows the counts and the per-line report.
"""

import codecs
import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import pre_save
from django.utils import timezone
from wagtail.models import ModelLogEntry

from organisation.models import EmployeeImport, User
from organisation.services import IMPORT_CONFIRM_ACTION, IMPORT_FINISH_ACTION
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/admin/employees/import/"
HEADER = "Osobní číslo;Jméno;Příjmení;E-mail;Pracoviště;Funkce"


def csv_bytes(lines) -> bytes:
    return codecs.BOM_UTF8 + ("\r\n".join([HEADER, *lines]) + "\r\n").encode()


def people(count: int, start: int = 30001) -> list[str]:
    return [
        f"{n};Květa;Nováková {n};kveta.{n}@example.cz;osa-podatelna;referentka"
        for n in range(start, start + count)
    ]


@pytest.fixture
def podatelna(db):
    return factories.WorkplaceFactory(name="Podatelna a výpravna", code="osa-podatelna")


@pytest.fixture
def hr(db):
    return factories.UserFactory(roles=["HR"], email="hana.hr@example.cz")


def preview(client, data: bytes, **extra):
    response = client.post(URL, {"file": SimpleUploadedFile("lide.csv", data), **extra})
    assert response.status_code == 200
    return response


def confirm(client, token: str, capture):
    with capture(execute=True):
        return client.post(URL, {"confirm": "1", "token": token})


def test_the_preview_keeps_the_file_and_the_confirmation_enqueues_one_job(
    client, site, podatelna, hr, django_capture_on_commit_callbacks
):
    client.force_login(hr)
    page = preview(client, csv_bytes(people(3)))
    [job] = EmployeeImport.objects.all()
    assert (job.requested_by, job.confirmed_at, job.total) == (hr, None, 3)
    assert bytes(job.data) == csv_bytes(people(3))
    assert page.context["token"] == job.key
    assert not User.objects.filter(email__startswith="kveta.").exists()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(URL, {"confirm": "1", "token": job.key})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/employees/import/{job.pk}/"
    assert len(callbacks) == 1  # the task, sent once the confirmation commits
    job.refresh_from_db()
    assert job.confirmed_at is not None and job.state == "pending"
    waiting = client.get(response["Location"]).content.decode()
    assert "Import čeká na zpracování" in waiting
    assert "organisation/import_progress.js" in waiting
    assert "<script>" not in waiting  # no inline script: the CSP allows only static files


def test_the_worker_applies_the_rows_and_the_result_page_reports_them(
    client, site, podatelna, hr, django_capture_on_commit_callbacks
):
    factories.UserFactory(
        personal_number="30002",
        email="kveta.30002@example.cz",
        first_name="Květa",
        last_name="Stará",
        workplace=podatelna,
    )
    client.force_login(hr)
    token = preview(client, csv_bytes(people(3))).context["token"]
    response = confirm(client, token, django_capture_on_commit_callbacks)

    job = EmployeeImport.objects.get()
    assert (job.state, job.done, job.total, bytes(job.data)) == ("done", 3, 3, b"")
    assert User.objects.filter(email__startswith="kveta.").count() == 3
    assert User.objects.get(personal_number="30002").last_name == "Nováková 30002"
    page = client.get(response["Location"]).content.decode()
    assert "Import dokončen" in page
    assert "vytvořeni 2 zaměstnanci" in page
    assert "změněn 1 zaměstnanec" in page
    assert "deaktivováno 0 zaměstnanců" in page
    assert "kveta.30003@example.cz" in page and "příjmení" in page  # per line: what changed
    assert "import_progress.js" not in page  # finished: nothing left to poll
    status = client.get(f"{response['Location']}status/").json()
    assert (status["state"], status["percent"], status["done"]) == ("done", 100, 3)


def test_a_line_that_became_bad_after_the_preview_fails_the_whole_file(
    client, site, podatelna, hr, django_capture_on_commit_callbacks
):
    client.force_login(hr)
    token = preview(client, csv_bytes(people(4))).context["token"]
    # Meanwhile a colleague gives the e-mail of line 4 to someone else.
    factories.UserFactory(email="kveta.30003@example.cz", first_name="Jiná", last_name="Osoba")

    response = confirm(client, token, django_capture_on_commit_callbacks)

    job = EmployeeImport.objects.get()
    assert job.state == "failed"
    assert User.objects.filter(email__startswith="kveta.").count() == 1  # the colleague's only
    page = client.get(response["Location"]).content.decode()
    assert "Soubor nelze importovat" in page
    assert "1 řádek obsahuje chyby. Nic nebylo zapsáno" in page
    assert "<td>4</td>" in page and "patří jiné osobě (Jiná Osoba)" in page


def test_a_row_the_database_refuses_while_applying_rolls_back_every_row(
    client, site, podatelna, hr, django_capture_on_commit_callbacks
):
    """The race the checks cannot see: the e-mail is taken after they ran, before the insert."""
    client.force_login(hr)
    token = preview(client, csv_bytes(people(5))).context["token"]

    def race(sender, instance, **kwargs):
        if instance.personal_number == "30004" and instance.pk is None:
            User.objects.create(email="kveta.30004@example.cz", first_name="Rychlejší")

    pre_save.connect(race, sender=User, dispatch_uid="import-race")
    try:
        response = confirm(client, token, django_capture_on_commit_callbacks)
    finally:
        pre_save.disconnect(sender=User, dispatch_uid="import-race")

    job = EmployeeImport.objects.get()
    assert job.state == "failed"
    assert [e["line"] for e in job.report["errors"]] == [5]
    # Lines 2-4 had been saved before line 5 failed: the rollback took them back too, and
    # the colleague's record raced in within the same transaction went with them.
    assert User.objects.filter(email__startswith="kveta.").count() == 0
    assert not User.objects.filter(email="kveta.30004@example.cz").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Databáze tento řádek odmítla" in page and "<td>5</td>" in page


def test_confirming_the_same_preview_twice_imports_once(
    client, site, podatelna, hr, django_capture_on_commit_callbacks
):
    client.force_login(hr)
    token = preview(client, csv_bytes(people(3))).context["token"]
    first = confirm(client, token, django_capture_on_commit_callbacks)
    second = confirm(client, token, django_capture_on_commit_callbacks)

    assert first["Location"] == second["Location"]
    job = EmployeeImport.objects.get()
    assert job.state == "done"
    assert User.objects.filter(email__startswith="kveta.").count() == 3
    created = ModelLogEntry.objects.filter(action="organisation.import", data__change="created")
    assert created.count() == 3
    assert ModelLogEntry.objects.filter(action=IMPORT_CONFIRM_ACTION).count() == 1
    [finished] = ModelLogEntry.objects.filter(action=IMPORT_FINISH_ACTION)
    assert finished.user_id == hr.pk
    assert finished.data["counts"]["created"] == 3


def test_a_new_preview_replaces_the_unconfirmed_one(client, site, podatelna, hr):
    forgotten = EmployeeImport.objects.create(
        key="zapomenuty",
        requested_by=factories.UserFactory(roles=["HR"]),
        data=b"osobni cislo",
        created_at=timezone.now() - datetime.timedelta(days=2),
    )
    client.force_login(hr)
    old = preview(client, csv_bytes(people(2))).context["token"]
    preview(client, csv_bytes(people(3)))
    assert EmployeeImport.objects.count() == 1  # the latest preview; a day-old one went too
    assert not EmployeeImport.objects.filter(pk=forgotten.pk).exists()
    response = client.post(URL, {"confirm": "1", "token": old}, follow=True)
    assert "Platnost náhledu vypršela" in response.content.decode()
    assert not User.objects.filter(email__startswith="kveta.").exists()


def test_other_peoples_imports_are_hidden(client, site, podatelna, hr):
    client.force_login(hr)
    token = preview(client, csv_bytes(people(2))).context["token"]
    job = EmployeeImport.objects.get()
    # Not confirmed yet: there is no result page to see.
    assert client.get(f"{URL}{job.pk}/").status_code == 404

    other_hr = factories.UserFactory(roles=["HR"])
    client.force_login(other_hr)
    response = client.post(URL, {"confirm": "1", "token": token}, follow=True)
    assert "Platnost náhledu vypršela" in response.content.decode()
    assert EmployeeImport.objects.get().confirmed_at is None

    EmployeeImport.objects.filter(pk=job.pk).update(state="done", confirmed_at=job.created_at)
    assert client.get(f"{URL}{job.pk}/").status_code == 404
    assert client.get(f"{URL}{job.pk}/status/").status_code == 404

    client.force_login(factories.UserFactory(roles=[]))  # no permission to import at all
    assert client.get(f"{URL}{job.pk}/").status_code == 403
    assert client.get(f"{URL}{job.pk}/status/").status_code == 403

    admin = factories.UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)  # may view every import (organisation.view_employeeimport)
    assert client.get(f"{URL}{job.pk}/").status_code == 200
    client.force_login(hr)
    assert client.get(f"{URL}{job.pk}/").status_code == 200
    assert client.post(f"{URL}{job.pk}/").status_code == 405  # the page changes nothing


@pytest.mark.parametrize("count", [10, 120])
def test_the_result_page_and_its_status_take_the_same_queries_for_any_file(
    client,
    site,
    podatelna,
    hr,
    count,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    client.force_login(hr)
    token = preview(client, csv_bytes(people(count))).context["token"]
    location = confirm(client, token, django_capture_on_commit_callbacks)["Location"]
    assert User.objects.filter(email__startswith="kveta.").count() == count
    with django_assert_max_num_queries(12):
        page = client.get(location)
    assert f"vytvořeno {count} zaměstnanců" in page.content.decode()
    with django_assert_max_num_queries(8):
        client.get(f"{location}status/")
