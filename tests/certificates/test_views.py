"""What people see: their own certificates, downloads by role, the public verification page."""

import datetime
from urllib.parse import quote

import pytest
import time_machine
from django.urls import reverse
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from certificates.services import certificate_revoke
from tests import factories

pytestmark = pytest.mark.django_db


def download_url(certificate) -> str:
    return reverse("certificates:download", args=[certificate.verification_code])


def prepare_url(assignment) -> str:
    return reverse("certificates:prepare", args=[assignment.pk])


def verify_url(code: str) -> str:
    return f"/certificates/verify/{code}/"


# --- the employee's own certificates -------------------------------------------------------


def test_my_certificates_lists_only_my_own(employee_client, certificate, other_employee, course):
    other = factories.issue_certificate(
        factories.CompletedAssignmentFactory(user=other_employee, course=course), pdf=False
    )

    response = employee_client.get(reverse("certificates:mine"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Moje osvědčení" in body
    assert certificate.serial_number in body
    assert other.serial_number not in body
    assert download_url(certificate) in body
    assert certificate.verification_path in body


def test_my_certificates_shows_a_completion_whose_certificate_is_still_being_issued(
    employee_client, completed
):
    body = employee_client.get(reverse("certificates:mine")).content.decode()

    assert "Vydává se" in body
    # No link that a GET would issue by; a form that POSTs instead.
    assert f'action="{prepare_url(completed)}"' in body
    assert 'method="post"' in body


def test_my_training_links_the_certificate_of_a_completed_course(employee_client, completed):
    body = employee_client.get(reverse("courses:my_training")).content.decode()

    assert f"{reverse('certificates:mine')}#assignment-{completed.pk}" in body


def count_queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_my_training_certificate_links_cost_no_queries_per_row(
    employee, employee_client, course_index
):
    url = reverse("courses:my_training")
    factories.CompletedAssignmentFactory(
        user=employee, course=factories.make_course(course_index, title="K1", lessons=1)
    )
    employee_client.get(url)  # the first request creates the site's settings row
    with_one = count_queries(employee_client, url)
    for n in range(4):
        factories.CompletedAssignmentFactory(
            user=employee, course=factories.make_course(course_index, title=f"K{n + 2}", lessons=1)
        )
    # Publishing pages empties the page caches (courses/caching.py): the first request after
    # it fills them, as the first request above did, so both counts are of a warm page.
    employee_client.get(url)

    assert count_queries(employee_client, url) == with_one


def test_my_certificates_query_count_does_not_grow(employee, employee_client, course_index):
    url = reverse("certificates:mine")

    def add(count: int) -> None:
        for n in range(count):
            assignment = factories.CompletedAssignmentFactory(
                user=employee, course=factories.make_course(course_index, title=f"K{n}", lessons=1)
            )
            if n % 2:
                factories.issue_certificate(assignment, pdf=False)

    add(2)
    employee_client.get(url)  # the first request creates the site's settings row
    with_two = count_queries(employee_client, url)
    add(6)

    assert count_queries(employee_client, url) == with_two


# --- downloads -----------------------------------------------------------------------------


def test_employee_downloads_own_certificate_as_pdf(employee_client, certificate):
    response = employee_client.get(download_url(certificate))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"osvedceni-{certificate.serial_number}.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_preparing_before_the_task_ran_issues_the_certificate_once_by_post(
    employee_client, employee, completed
):
    assert not Certificate.objects.exists()

    response = employee_client.post(prepare_url(completed))

    certificate = Certificate.objects.get(assignment=completed)
    assert response.status_code == 302
    assert response["Location"] == download_url(certificate)
    assert certificate.pdf
    # The audit entry names the person whose request issued it.
    entry = ModelLogEntry.objects.get(action="certificates.issue", object_id=str(certificate.pk))
    assert entry.user_id == employee.pk
    # Posting again (a double click) serves the same certificate, not a new one.
    assert employee_client.post(prepare_url(completed))["Location"] == download_url(certificate)
    assert Certificate.objects.count() == 1
    response = employee_client.get(download_url(certificate))
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_certificate_without_its_pdf_shows_being_prepared_and_stores_nothing(
    employee_client, completed
):
    certificate = factories.issue_certificate(completed, pdf=False)

    response = employee_client.get(download_url(certificate))

    body = response.content.decode()
    assert response.status_code == 202
    assert "Osvědčení se připravuje" in body
    assert f'action="{prepare_url(completed)}"' in body
    certificate.refresh_from_db()
    assert not certificate.pdf


def test_prepare_refuses_get_and_other_peoples_assignments(client, other_employee, completed):
    client.force_login(other_employee)

    assert client.post(prepare_url(completed)).status_code == 404
    client.force_login(completed.user)
    assert client.get(prepare_url(completed)).status_code == 405
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("who", ["other_employee", "editor_user"])
def test_other_peoples_certificates_are_not_found(client, certificate, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(download_url(certificate)).status_code == 404


@pytest.mark.parametrize("who", ["hr_user", "security_user"])
def test_hr_and_security_manager_download_anyones_certificate(client, certificate, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.get(download_url(certificate))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_unfinished_assignment_has_no_certificate_even_for_hr(client, hr_user, employee, course):
    open_one = factories.AssignmentFactory(user=employee, course=course)
    client.force_login(hr_user)

    assert client.post(prepare_url(open_one)).status_code == 404
    assert not Certificate.objects.exists()


def test_download_needs_a_login(client, certificate):
    response = client.get(download_url(certificate))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- public verification -------------------------------------------------------------------


def test_verification_page_works_without_login_and_says_valid(client, certificate):
    response = client.get(verify_url(certificate.verification_code))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Jana Nováková" in body
    assert "Phishing a sociální inženýrství" in body
    assert certificate.serial_number in body
    assert 'data-status="valid"' in body
    assert "Osvědčení je pravé a platné." in body
    assert response["Cache-Control"].startswith("max-age=0")


def test_verification_shows_nothing_more_personal(client, certificate):
    user = certificate.assignment.user

    body = client.get(verify_url(certificate.verification_code)).content.decode()

    assert user.email not in body
    assert user.personal_number not in body
    assert user.workplace.name not in body
    assert "92,5" not in body and "92.5" not in body  # the score is the employee's business


def test_expired_certificate_shows_expired(client, certificate):
    last_day = certificate.valid_until

    with time_machine.travel(datetime.datetime.combine(last_day, datetime.time(12))):
        assert (
            'data-status="valid"'
            in client.get(verify_url(certificate.verification_code)).content.decode()
        )
    with time_machine.travel(
        datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time(12))
    ):
        body = client.get(verify_url(certificate.verification_code)).content.decode()

    assert 'data-status="expired"' in body
    assert f"platnost skončila dnem {last_day.day}. {last_day.month}. {last_day.year}" in body


def test_revoked_certificate_shows_revoked_with_its_date_at_once(client, certificate, hr_user):
    revoke_day = datetime.datetime(2027, 2, 3, 10, tzinfo=datetime.UTC)
    with time_machine.travel(revoke_day, tick=False):
        certificate_revoke(certificate=certificate, by=hr_user, reason="Podvod při testu.")

    body = client.get(verify_url(certificate.verification_code)).content.decode()

    assert 'data-status="revoked"' in body
    assert "bylo zrušeno 3. 2. 2027" in body
    assert "Podvod" not in body  # the reason stays internal


ODD_CODES = [
    "neexistuje",
    "A" * 27,
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "%00",
    "ř" * 30,
    "a/b/c",
    "../../etc/passwd",
    "x" * 5000,
    "",
]


def test_unknown_and_malformed_codes_get_one_identical_404_page(client, certificate):
    responses = [
        client.get("/certificates/verify/" + quote(code, safe="/%") + "/") for code in ODD_CODES
    ]
    responses.append(client.get("/certificates/verify/" + certificate.verification_code[:-1]))

    assert {r.status_code for r in responses} == {404}
    bodies = {r.content for r in responses}
    assert len(bodies) == 1
    body = bodies.pop().decode()
    assert "Osvědčení nenalezeno" in body
    assert "script" not in body and "passwd" not in body


def test_a_valid_code_without_the_trailing_slash_still_verifies(client, certificate):
    response = client.get("/certificates/verify/" + certificate.verification_code)

    assert response.status_code == 200
    assert "Jana Nováková" in response.content.decode()


def test_verification_is_rate_limited_per_address(client, certificate, settings):
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 3
    url = verify_url(certificate.verification_code)

    statuses = [client.get(url).status_code for _ in range(3)]
    limited = client.get(url)
    unknown = client.get(verify_url("B" * 27))
    elsewhere = client.get(url, REMOTE_ADDR="10.0.0.7")

    assert statuses == [200, 200, 200]
    assert limited.status_code == 429
    assert "Příliš mnoho dotazů" in limited.content.decode()
    assert limited["Retry-After"] == "60"
    assert unknown.status_code == 429  # guessing codes counts too
    assert elsewhere.status_code == 200


def test_expiry_shows_on_the_employees_list_and_in_the_admin_too(
    client, employee, certificate, hr_user
):
    after = datetime.datetime.combine(
        certificate.valid_until + datetime.timedelta(days=1), datetime.time(12)
    )
    # Logged in inside the travelled time: a year on, the earlier session would have expired.
    with time_machine.travel(after):
        client.force_login(employee)
        mine = client.get(reverse("certificates:mine")).content.decode()
        client.force_login(hr_user)
        expired = client.get("/admin/certificates/", {"status": "expired"}).content.decode()
        valid = client.get("/admin/certificates/", {"status": "valid"}).content.decode()

    assert 'data-status="expired"' in mine and "Po platnosti" in mine
    assert certificate.serial_number in expired
    assert certificate.serial_number not in valid
