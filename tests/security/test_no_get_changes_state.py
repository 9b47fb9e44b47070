"""Issue 12 point 4 (and point 3's last sentence): reading a certificate never issues one."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, SerialCounter
from tests import factories

pytestmark = pytest.mark.django_db


def state():
    return (
        list(Certificate.objects.values_list("pk", "serial_number", "pdf")),
        list(SerialCounter.objects.values_list("year", "last_number")),
        ModelLogEntry.objects.count(),
    )


@pytest.fixture
def completed(employee, course):
    return factories.CompletedAssignmentFactory(user=employee, course=course)


def test_the_old_sequential_url_issues_nothing(employee_client, completed):
    before = state()

    response = employee_client.get(f"/certificates/assignment/{completed.pk}/pdf/")

    assert response.status_code == 404
    assert state() == before
    assert not Certificate.objects.exists()


def test_get_of_the_prepare_url_is_refused_and_issues_nothing(employee_client, completed):
    before = state()

    response = employee_client.get(reverse("certificates:prepare", args=[completed.pk]))

    assert response.status_code == 405
    assert state() == before


def test_a_certificate_without_pdf_is_not_rendered_by_a_get(employee_client, completed):
    certificate = factories.issue_certificate(completed, pdf=False)
    before = state()

    response = employee_client.get(
        reverse("certificates:download", args=[certificate.verification_code])
    )

    assert response.status_code == 202
    assert "připravuje" in response.content.decode()
    assert state() == before


def test_pdf_urls_are_not_sequential_ids(client, employee, other_employee, course, course_index):
    mine = factories.issue_certificate(
        factories.CompletedAssignmentFactory(user=employee, course=course)
    )
    theirs = factories.issue_certificate(
        factories.CompletedAssignmentFactory(user=other_employee, course=course)
    )
    client.force_login(employee)
    url = reverse("certificates:download", args=[mine.verification_code])

    assert str(mine.pk) not in url.replace(mine.verification_code, "")
    assert len(mine.verification_code) * 6 >= 128
    # Guessing: the neighbour's id, or their code while logged in as someone else.
    assert client.get(f"/certificates/pdf/{theirs.pk}/").status_code == 404
    assert (
        client.get(reverse("certificates:download", args=[theirs.verification_code])).status_code
        == 404
    )
    assert client.get(url).status_code == 200
