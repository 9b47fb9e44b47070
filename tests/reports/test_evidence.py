"""The auditor's evidence pack: one ZIP with a Czech PDF summary and the CSV data behind it."""

import csv
import datetime
import io
import zipfile

import pytest
from pypdf import PdfReader

from courses.models import Assignment
from reports.models import ExportJob
from risk.models import RiskAssessment
from tests.reports import reports_data
from tests.reports.reports_data import client_for

org = reports_data.org  # the shared fixture: an organisation with 24 employees

pytestmark = pytest.mark.django_db


def _pack(client, org, user=None, *, capture, start=None, end=None):
    start = start or org.today - datetime.timedelta(days=365)
    end = end or org.today
    c = client_for(client, user or org.hr)
    with capture(execute=True):
        response = c.post(
            "/reports/evidence/", {"date_from": start.isoformat(), "date_to": end.isoformat()}
        )
    assert response.status_code == 302
    job = ExportJob.objects.get()
    assert job.state == ExportJob.State.DONE, job.error
    download = c.get(f"/reports/jobs/{job.pk}/download/")
    assert download["Content-Type"] == "application/zip"
    return job, zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))


def _csv(archive, name):
    text = archive.read(name).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_pack_holds_a_czech_summary_and_the_data(
    client, org, django_capture_on_commit_callbacks
):
    RiskAssessment.objects.create(
        review=org.review, category=org.categories[0], likelihood=4, impact=4, level="high"
    )
    start, end = org.today - datetime.timedelta(days=365), org.today
    job, archive = _pack(client, org, capture=django_capture_on_commit_callbacks)
    names = set(archive.namelist())
    assert {
        "souhrn.pdf",
        "plan.csv",
        "intervaly_opakovani.csv",
        "absolvovani.csv",
        "po_terminu.csv",
        "plneni_pracoviste.csv",
        "plneni_kurzy.csv",
        "ucinnost_kategorie_rizik.csv",
        "ucinnost_pracoviste.csv",
        "nejcasteji_chybne_otazky.csv",
        "pdca_mesice.csv",
        "manazerska_linie.csv",
    } <= names
    assert job.filename.startswith("dukazni-balicek-")

    completed = _csv(archive, "absolvovani.csv")
    expected = Assignment.objects.filter(
        status=Assignment.Status.COMPLETED,
        completed_at__date__gte=start,
        completed_at__date__lte=end,
    )
    assert completed[0][:3] == ["Osobní číslo", "Příjmení", "Jméno"]
    assert len(completed) - 1 == expected.count()

    # The plan: A and its sections follow A's review, which rates personal data high, so the
    # course covering it is required there and nowhere else.
    plan = _csv(archive, "plan.csv")
    required = {(row[0], row[2]) for row in plan[1:] if row[2]}
    assert ("Odbor A – správní / Oddělení A1 – matrika", "Ochrana osobních údajů") in required
    assert not any(row[0].startswith("Odbor B") and row[2] for row in plan[1:])

    pdf = PdfReader(io.BytesIO(archive.read("souhrn.pdf")))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Plán rozvoje bezpečnostního povědomí" in text
    assert "Ochrana osobních údajů" in text
    assert "Odbor A – správní" in text
    assert "Manažerská linie" in text


def test_overdue_in_the_pack_equals_the_dashboard(client, org, django_capture_on_commit_callbacks):
    start, end = org.today - datetime.timedelta(days=365), org.today
    dashboard = (
        client_for(client, org.hr)
        .get("/reports/", {"date_from": start.isoformat(), "date_to": end.isoformat()})
        .context["dashboard"]
    )
    _job, archive = _pack(client, org, capture=django_capture_on_commit_callbacks)
    overdue = _csv(archive, "po_terminu.csv")
    assert len(overdue) - 1 == dashboard.totals.overdue
    by_workplace = _csv(archive, "plneni_pracoviste.csv")
    assert [int(row[1]) for row in by_workplace[1:]] == [
        row.total.required for row in dashboard.workplaces
    ]


def test_only_hr_and_the_security_manager_get_a_pack(client, org):
    for user in (org.head_a, org.employee):
        response = client_for(client, user).post(
            "/reports/evidence/", {"date_from": "2026-01-01", "date_to": "2026-06-30"}
        )
        assert response.status_code == 403
    assert not ExportJob.objects.exists()


def test_a_period_must_be_in_order(client, org):
    response = client_for(client, org.security).post(
        "/reports/evidence/", {"date_from": "2026-06-30", "date_to": "2026-01-01"}
    )
    assert response.status_code == 400
    assert not ExportJob.objects.exists()


def test_the_summary_prints_the_dashboards_own_tables(
    client, org, monkeypatch, django_capture_on_commit_callbacks
):
    """The PDF's tables are the dashboards' tables (reports/tables.py): one set of headings."""
    from reports import pdf
    from reports.jobs import evidence
    from reports.tables import hr_tables, security_tables

    documents, packs = [], []
    render, summary = pdf.render, evidence.summary_pdf
    monkeypatch.setattr(pdf, "render", lambda d: documents.append(d) or render(d))
    monkeypatch.setattr(evidence, "summary_pdf", lambda p: packs.append(p) or summary(p))
    _pack(client, org, capture=django_capture_on_commit_callbacks)

    grids = [b for b in documents[0].blocks if isinstance(b, pdf.Grid)]
    printed = [list(g.headings) for g in grids]
    hr_view, security_view = hr_tables(packs[0].dashboard), security_tables(packs[0].effectiveness)
    for table in (
        hr_view["workplaces"],
        hr_view["courses"],
        security_view["categories"],
        security_view["workplaces"],
        security_view["questions"],
    ):
        assert table.headings in printed, table.key
    by_workplace = grids[printed.index(hr_view["workplaces"].headings)]
    assert [row[0] for row in by_workplace.rows] == [r[0] for r in hr_view["workplaces"].rows]
