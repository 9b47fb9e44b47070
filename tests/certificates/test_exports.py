"""Bulk export: one ZIP of a workplace subtree's certificates over a period, built by Celery."""

import csv
import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from certificates.models import CertificateExport
from certificates.services import certificate_revoke, certificates_zip_build
from tests import factories

pytestmark = pytest.mark.django_db

PRAGUE = datetime.timezone(datetime.timedelta(hours=1))
NEW = reverse("certificates:export_create")


@pytest.fixture
def tree():
    """Odbor A > Oddělení B > Skupina C, and a separate Odbor D."""
    a = factories.WorkplaceFactory(name="Odbor správních agend", code="osa")
    b = factories.WorkplaceFactory(name="Podatelna", code="osa-podatelna", parent=a)
    c = factories.WorkplaceFactory(name="Výpravna", code="osa-vypravna", parent=b)
    d = factories.WorkplaceFactory(name="Odbor ekonomický", code="oe")
    return a, b, c, d


def certificate_in(workplace, course, day: datetime.date, name=("Jana", "Nováková")):
    user = factories.UserFactory(workplace=workplace, first_name=name[0], last_name=name[1])
    completed_at = datetime.datetime.combine(day, datetime.time(10), tzinfo=PRAGUE)
    # PDF not rendered yet: the export renders what is missing.
    return factories.issue_certificate(
        factories.CompletedAssignmentFactory(user=user, course=course, completed_at=completed_at),
        pdf=False,
    )


def read_zip(export: CertificateExport) -> zipfile.ZipFile:
    export.refresh_from_db()
    with export.file.open("rb") as handle:
        return zipfile.ZipFile(io.BytesIO(handle.read()))


def test_zip_holds_the_subtree_and_period_with_a_list(course, tree, hr_user):
    a, b, c, d = tree
    in_b = certificate_in(b, course, datetime.date(2026, 3, 10), ("Řehoř", "Šťastný"))
    in_c = certificate_in(c, course, datetime.date(2026, 6, 30))
    certificate_in(d, course, datetime.date(2026, 4, 1))  # another branch of the tree
    certificate_in(b, course, datetime.date(2025, 12, 31))  # before the period
    certificate_in(a, course, datetime.date(2026, 5, 5))  # above the chosen workplace
    certificate_revoke(certificate=in_c, by=hr_user, reason="Chyba.")
    export = CertificateExport.objects.create(
        requested_by=hr_user,
        workplace=b,
        date_from=datetime.date(2026, 1, 1),
        date_to=datetime.date(2026, 6, 30),
    )

    certificates_zip_build(export=export)

    archive = read_zip(export)
    names = sorted(archive.namelist())
    assert names == sorted(
        [
            f"{in_b.serial_number}_rehor-stastny.pdf",
            f"{in_c.serial_number}_jana-novakova.pdf",
            "seznam.csv",
        ]
    )
    assert archive.read(names[0]).startswith(b"%PDF")
    listing = archive.read("seznam.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(listing), delimiter=";"))
    assert rows[0][:2] == ["Sériové číslo", "Držitel"]
    by_serial = {row[0]: row for row in rows[1:]}
    assert by_serial[in_b.serial_number][1] == "Řehoř Šťastný"
    assert by_serial[in_c.serial_number][9] == "Zrušené"
    export.refresh_from_db()
    assert (export.state, export.done, export.total) == ("done", 2, 2)


def test_names_that_look_like_formulas_stay_text_in_the_list(course, tree, hr_user):
    _, b, _, _ = tree
    certificate_in(b, course, datetime.date(2026, 3, 10), ("=HYPERLINK(1)", "X"))
    export = CertificateExport.objects.create(
        requested_by=hr_user,
        workplace=b,
        date_from=datetime.date(2026, 1, 1),
        date_to=datetime.date(2026, 12, 31),
    )

    certificates_zip_build(export=export)

    listing = read_zip(export).read("seznam.csv").decode("utf-8-sig")
    assert ";'=HYPERLINK(1) X;" in listing


def test_hr_requests_an_export_and_downloads_it_when_ready(
    client, hr_user, course, tree, django_capture_on_commit_callbacks
):
    _, b, c, _ = tree
    certificate_in(c, course, datetime.date(2026, 2, 2))
    client.force_login(hr_user)
    assert client.get(NEW).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            NEW, {"workplace": b.pk, "date_from": "2026-01-01", "date_to": "2026-12-31"}
        )

    export = CertificateExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates:export_detail", args=[export.pk])
    page = client.get(response["Location"]).content.decode()
    assert "<progress" in page
    download = reverse("certificates:export_download", args=[export.pk])
    assert download in page
    status = client.get(reverse("certificates:export_status", args=[export.pk])).json()
    assert status == {
        "state": "done",
        "state_label": "Připraveno",
        "done": 1,
        "total": 1,
        "percent": 100,
        "download_url": download,
    }
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).testzip() is None


def test_progress_page_polls_while_the_export_waits(
    client, hr_user, tree, django_capture_on_commit_callbacks
):
    _, b, _, _ = tree
    client.force_login(hr_user)

    # Callbacks captured but not run: the worker has not picked the export up yet.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            NEW, {"workplace": b.pk, "date_from": "2026-01-01", "date_to": "2026-12-31"}
        )

    assert len(callbacks) == 1
    export = CertificateExport.objects.get()
    page = client.get(response["Location"]).content.decode()
    status = client.get(reverse("certificates:export_status", args=[export.pk])).json()
    assert '<progress id="job-bar" max="100" value="0"' in page
    assert "js/job_progress.js" in page
    assert 'http-equiv="refresh"' in page
    assert status["state"] == "pending" and status["download_url"] is None
    assert client.get(reverse("certificates:export_download", args=[export.pk])).status_code == 404


def test_only_the_requester_and_hr_see_an_export(
    client, hr_user, employee, security_user, tree, django_capture_on_commit_callbacks
):
    _, b, _, _ = tree
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(hr_user)
        client.post(NEW, {"workplace": b.pk, "date_from": "2026-01-01", "date_to": "2026-12-31"})
    export = CertificateExport.objects.get()
    urls = [
        reverse(name, args=[export.pk])
        for name in (
            "certificates:export_detail",
            "certificates:export_status",
            "certificates:export_download",
        )
    ]
    other_hr = factories.UserFactory(roles=["HR"])

    for user, expected in ((employee, 404), (security_user, 404), (other_hr, 200)):
        client.force_login(user)
        assert [client.get(url).status_code for url in urls] == [expected] * 3


@pytest.mark.parametrize("who", ["employee", "security_user", "editor_user"])
def test_only_hr_may_request_an_export(client, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(NEW).status_code == 404


def test_a_period_that_ends_before_it_starts_is_refused(client, hr_user, tree):
    _, b, _, _ = tree
    client.force_login(hr_user)

    response = client.post(
        NEW, {"workplace": b.pk, "date_from": "2026-12-31", "date_to": "2026-01-01"}
    )

    assert response.status_code == 200
    assert "Konec období nesmí být před jeho začátkem." in response.content.decode()
    assert not CertificateExport.objects.exists()


def test_a_failed_build_says_so(client, hr_user, tree, monkeypatch):
    from certificates import services

    _, b, _, _ = tree
    export = CertificateExport.objects.create(
        requested_by=hr_user,
        workplace=b,
        date_from=datetime.date(2026, 1, 1),
        date_to=datetime.date(2026, 12, 31),
    )

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.selectors, "certificates_for_export", broken)
    with pytest.raises(RuntimeError):
        certificates_zip_build(export=export)
    client.force_login(hr_user)

    page = client.get(reverse("certificates:export_detail", args=[export.pk])).content.decode()
    assert '<p id="job-failed" class="field-error">Export se nepodařil.' in page
