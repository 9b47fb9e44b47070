"""Exports: formula neutralisation, Czech letters in CSV and XLSX, and the background export."""

import csv
import datetime
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from courses.models import Assignment
from reports import exports
from reports.models import ExportJob
from reports.services import export_job_run
from tests import factories
from tests.reports import reports_data
from tests.reports.reports_data import add_employees, client_for

org = reports_data.org  # the shared fixture: an organisation with 24 employees

TRIGGERS = "=+-@\t\r"
CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy – ěščřžýáíéůúťďň ĚŠČŘŽÝÁÍÉŮÚŤĎŇ"


@given(st.text())
def test_csv_and_xlsx_cells_are_neutralised(text):
    dialect = exports.dialect_for("cs")
    for cell in (exports.csv_value(text, dialect), exports.xlsx_value(text)):
        assert not cell.startswith(tuple(TRIGGERS))


# --- Czech letters read back exactly ---------------------------------------------------------


def _read_csv(content: bytes, delimiter=";") -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def test_czech_letters_survive_csv():
    buffer = io.BytesIO()
    exports.write_csv(
        buffer, ["Jméno", "Kurz"], [[CZECH, "=1+1"], ["Šťastný", 12.5]], language="cs"
    )
    rows = _read_csv(buffer.getvalue())
    assert rows == [["Jméno", "Kurz"], [CZECH, "'=1+1"], ["Šťastný", "12,5"]]


def test_czech_letters_survive_xlsx():
    buffer = io.BytesIO()
    exports.write_xlsx(
        buffer, ["Jméno", "Kurz"], [[CZECH, "=1+1"], ["Šťastný", 12.5]], title="Žáci"
    )
    buffer.seek(0)
    sheet = load_workbook(buffer).active
    assert sheet.title == "Žáci"
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values == [["Jméno", "Kurz"], [CZECH, "'=1+1"], ["Šťastný", 12.5]]
    assert sheet["B2"].data_type == "s"  # text, never a formula


@pytest.mark.django_db
def test_dashboard_export_reads_back_in_both_formats(client, org):
    c = client_for(client, org.hr)
    dashboard = c.get("/reports/").context["dashboard"]
    expected = [[r.full_name, r.total.required, r.total.overdue] for r in dashboard.workplaces]

    response = c.get("/reports/export/workplaces.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _read_csv(b"".join(response.streaming_content))
    assert [[r[0], int(r[1]), int(r[4])] for r in rows[1:]] == expected
    assert "Odbor A – správní / Oddělení A1 – matrika" in [r[0] for r in rows]

    response = c.get("/reports/export/workplaces.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [[r[0], r[1], r[4]] for r in values] == expected


@pytest.mark.django_db
def test_people_export_neutralises_reasons(client, org):
    response = client_for(client, org.hr).get("/reports/people/export.csv")
    rows = _read_csv(b"".join(response.streaming_content))
    reasons = [r[11] for r in rows[1:]]
    assert any(r.startswith("Ruční přiřazení – =HYPERLINK") for r in reasons)
    assert all(not r.startswith(tuple(TRIGGERS)) for r in reasons)


@pytest.mark.django_db
def test_an_unknown_table_is_404(client, org):
    assert client_for(client, org.hr).get("/reports/export/nope.csv").status_code == 404
    assert client_for(client, org.hr).get("/reports/export/workplaces.pdf").status_code == 404


@pytest.mark.django_db
def test_transcript_exports_in_czech(client, org):
    person = factories.UserFactory(first_name="Ďobromila", last_name="Ňůťová")
    factories.AssignmentFactory(user=person, course=org.courses[0], reason="@SUM(A1) – přiřazeno")
    c = client_for(client, org.hr)
    rows = _read_csv(b"".join(c.get(f"/reports/people/{person.pk}/export.csv").streaming_content))
    assert rows[0][0] == "Kurz"
    assert rows[1][0] == "Ochrana osobních údajů"
    assert "'@SUM(A1) – přiřazeno" in rows[1][3]
    response = c.get(f"/reports/people/{person.pk}/export.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet["A2"].value == "Ochrana osobních údajů"


# --- The background export -------------------------------------------------------------------


@pytest.mark.django_db
def test_requesting_a_big_export_runs_the_task_and_offers_a_download(
    client, org, django_capture_on_commit_callbacks
):
    c = client_for(client, org.hr)
    with django_capture_on_commit_callbacks(execute=True):
        response = c.post("/reports/exports/records/", {"format": "xlsx"})
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/jobs/{job.pk}/"
    job.refresh_from_db()
    assert job.state == ExportJob.State.DONE and job.percent == 100
    status = c.get(f"/reports/jobs/{job.pk}/status/").json()
    assert status["state"] == "done" and status["download_url"].endswith("/download/")
    page = c.get(f"/reports/jobs/{job.pk}/")
    assert status["download_url"] in page.content.decode()

    download = c.get(status["download_url"])
    assert download.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content)), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    # Every record, history included: people who left, training no longer required.
    assert len(rows) - 1 == Assignment.objects.count() == job.total
    assert any(row[0] == org.employee.personal_number for row in rows[1:])


@pytest.mark.django_db
def test_the_big_export_file_is_complete(org):
    """Many rows through the streaming path: every assignment once, Czech intact."""
    add_employees(org, 600)
    job = ExportJob.objects.create(
        requested_by=org.hr, kind=ExportJob.Kind.RECORDS, format=ExportJob.Format.CSV
    )
    job = export_job_run(job=job)
    assert job.state == ExportJob.State.DONE
    with job.file.open("rb") as handle:
        rows = _read_csv(handle.read())
    ids = Assignment.objects.count()
    assert len(rows) - 1 == ids == job.total == job.done
    assert len({(r[3], r[8], r[15]) for r in rows[1:]}) == ids  # e-mail, course, assigned at
    assert {r[2] for r in rows[1:]} >= {"Jiří", "Anežka", "Čeněk", "Dagmar"}


@pytest.mark.django_db
def test_a_managers_background_export_holds_only_their_people(org):
    job = ExportJob.objects.create(
        requested_by=org.head_a1,
        kind=ExportJob.Kind.RECORDS,
        format=ExportJob.Format.CSV,
        # A tampered stored filter cannot widen the scope: it is re-derived from the user.
        params={"workplace": org.workplaces["B1"].pk},
    )
    job = export_job_run(job=job)
    with job.file.open("rb") as handle:
        rows = _read_csv(handle.read())
    assert rows[1:] == []
    job = ExportJob.objects.create(
        requested_by=org.head_a1, kind=ExportJob.Kind.RECORDS, format=ExportJob.Format.CSV
    )
    job = export_job_run(job=job)
    with job.file.open("rb") as handle:
        rows = _read_csv(handle.read())
    people = {u.email for u in org.employees if u.manager_id == org.head_a1.pk}
    assert rows[1:] and {r[3] for r in rows[1:]} == people


@pytest.mark.django_db
def test_jobs_belong_to_their_requester(client, org):
    job = ExportJob.objects.create(
        requested_by=org.hr, kind=ExportJob.Kind.RECORDS, format=ExportJob.Format.CSV
    )
    export_job_run(job=job)
    for user in (org.security, org.employee, org.head_a):
        c = client_for(client, user)
        for suffix in ("", "status/", "download/"):
            assert c.get(f"/reports/jobs/{job.pk}/{suffix}").status_code == 404


@pytest.mark.django_db
def test_a_job_run_twice_builds_once(org):
    job = ExportJob.objects.create(
        requested_by=org.hr, kind=ExportJob.Kind.RECORDS, format=ExportJob.Format.CSV
    )
    first = export_job_run(job=job)
    again = export_job_run(job=job)
    assert again.file.name == first.file.name


@pytest.mark.django_db
def test_a_job_of_someone_who_lost_the_role_fails_closed(org):
    job = ExportJob.objects.create(
        requested_by=org.employee, kind=ExportJob.Kind.RECORDS, format=ExportJob.Format.CSV
    )
    job = export_job_run(job=job)
    assert job.state == ExportJob.State.FAILED and not job.file


@pytest.mark.django_db
def test_old_exports_are_purged_with_their_files(org):
    from django.core.files.storage import default_storage
    from django.utils import timezone

    from reports.services import export_jobs_purge

    job = export_job_run(
        job=ExportJob.objects.create(
            requested_by=org.hr, kind=ExportJob.Kind.RECORDS, format=ExportJob.Format.CSV
        )
    )
    name = job.file.name
    assert default_storage.exists(name)
    assert export_jobs_purge(now=timezone.now()) == 0  # fresh: kept
    assert export_jobs_purge(now=timezone.now() + datetime.timedelta(days=8)) == 1
    assert not ExportJob.objects.exists() and not default_storage.exists(name)
