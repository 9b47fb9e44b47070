"""The Wagtail admin screens: HR and the security manager find certificates and revoke them."""

import pytest
from django.urls import NoReverseMatch, reverse
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from tests import factories

pytestmark = pytest.mark.django_db

INDEX = "/admin/certificates/"


def revoke_url(certificate) -> str:
    return reverse("certificates_admin:revoke", args=[certificate.pk])


@pytest.fixture
def tree():
    """Odbor A > Oddělení B > Skupina C, and a separate Odbor D."""
    a = factories.WorkplaceFactory(name="Odbor správních agend", code="osa")
    b = factories.WorkplaceFactory(name="Podatelna", code="osa-podatelna", parent=a)
    c = factories.WorkplaceFactory(name="Výpravna", code="osa-vypravna", parent=b)
    d = factories.WorkplaceFactory(name="Odbor ekonomický", code="oe")
    return a, b, c, d


@pytest.mark.parametrize("who", ["hr_user", "security_user"])
def test_hr_and_security_manager_see_the_listing(client, certificate, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.get(INDEX)

    body = response.content.decode()
    assert response.status_code == 200
    assert certificate.serial_number in body
    assert "Jana Nováková" in body
    assert reverse("certificates:download", args=[certificate.verification_code]) in body


@pytest.mark.parametrize("who", ["editor_user", "employee"])
def test_others_do_not_get_the_listing(client, certificate, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.get(INDEX)

    assert response.status_code in (302, 403)
    assert certificate.serial_number not in response.content.decode()


def test_search_by_name_course_or_serial(client, hr_user, certificate, course):
    other = factories.issue_certificate(
        factories.CompletedAssignmentFactory(
            user=factories.UserFactory(first_name="Karel", last_name="Veselý"), course=course
        ),
        pdf=False,
    )
    client.force_login(hr_user)

    by_name = client.get(INDEX, {"q": "Veselý"}).content.decode()
    by_serial = client.get(INDEX, {"q": certificate.serial_number}).content.decode()
    by_course = client.get(INDEX, {"q": "Phishing"}).content.decode()

    assert other.serial_number in by_name and certificate.serial_number not in by_name
    assert certificate.serial_number in by_serial and other.serial_number not in by_serial
    assert certificate.serial_number in by_course and other.serial_number in by_course


def test_filter_by_status_and_by_workplace_subtree(client, hr_user, course, tree):
    a, b, c, d = tree
    in_b, in_c, in_d = (
        factories.issue_certificate(
            factories.CompletedAssignmentFactory(
                user=factories.UserFactory(workplace=workplace), course=course
            ),
            pdf=False,
        )
        for workplace in (b, c, d)
    )
    from certificates.services import certificate_revoke

    certificate_revoke(certificate=in_c, by=hr_user, reason="Chyba v evidenci.")
    client.force_login(hr_user)

    subtree = client.get(INDEX, {"workplace": b.pk}).content.decode()
    revoked = client.get(INDEX, {"status": "revoked"}).content.decode()
    valid = client.get(INDEX, {"status": "valid"}).content.decode()

    assert in_b.serial_number in subtree and in_c.serial_number in subtree
    assert in_d.serial_number not in subtree
    assert in_c.serial_number in revoked and in_b.serial_number not in revoked
    assert in_c.serial_number not in valid and in_d.serial_number in valid


def test_listing_query_count_does_not_grow_with_rows(client, hr_user, course):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def issue(count):
        for _ in range(count):
            factories.issue_certificate(
                factories.CompletedAssignmentFactory(course=course), pdf=False
            )

    client.force_login(hr_user)
    issue(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(INDEX).status_code == 200
    issue(12)
    with CaptureQueriesContext(connection) as many:
        assert client.get(INDEX).status_code == 200

    assert len(many) == len(few)


def test_there_is_no_way_to_add_edit_or_delete_in_the_admin():
    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"certificates_admin:{name}", args=[1] if name != "add" else [])


def test_revoking_with_a_reason_records_it_and_the_audit_log(client, hr_user, certificate):
    client.force_login(hr_user)

    form = client.get(revoke_url(certificate))
    response = client.post(revoke_url(certificate), {"reason": "Test složen jiným zaměstnancem."})

    assert form.status_code == 200 and "csrfmiddlewaretoken" in form.content.decode()
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert certificate.revoked_by == hr_user
    assert certificate.revoke_reason == "Test složen jiným zaměstnancem."
    entry = ModelLogEntry.objects.get(action="certificates.revoke")
    assert entry.object_id == str(certificate.pk)
    assert entry.user_id == hr_user.pk
    assert entry.data["reason"] == "Test složen jiným zaměstnancem."
    verify = client.get(f"/certificates/verify/{certificate.verification_code}/")
    assert 'data-status="revoked"' in verify.content.decode()


def test_issuing_is_in_the_audit_log_too(certificate):
    entry = ModelLogEntry.objects.get(action="certificates.issue")

    assert entry.object_id == str(certificate.pk)
    assert entry.data["serial_number"] == certificate.serial_number


def test_revocation_without_a_reason_changes_nothing(client, security_user, certificate):
    client.force_login(security_user)

    response = client.post(revoke_url(certificate), {"reason": "   "})

    assert response.status_code == 200
    assert "error" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert not ModelLogEntry.objects.filter(action="certificates.revoke").exists()


def test_a_second_revocation_keeps_the_first(client, hr_user, security_user, certificate):
    client.force_login(hr_user)
    client.post(revoke_url(certificate), {"reason": "První důvod."})
    client.force_login(security_user)

    client.post(revoke_url(certificate), {"reason": "Druhý důvod."})

    certificate.refresh_from_db()
    assert certificate.revoke_reason == "První důvod."
    assert certificate.revoked_by == hr_user
    assert ModelLogEntry.objects.filter(action="certificates.revoke").count() == 1


@pytest.mark.parametrize("who", ["editor_user", "employee"])
def test_only_hr_and_security_manager_may_revoke(client, certificate, who, request):
    client.force_login(request.getfixturevalue(who))

    client.post(revoke_url(certificate), {"reason": "Zkouška."})

    assert Certificate.objects.get(pk=certificate.pk).revoked_at is None


def test_inspect_page_shows_the_record_and_its_revoke_button(client, security_user, certificate):
    client.force_login(security_user)

    response = client.get(reverse("certificates_admin:inspect", args=[certificate.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert certificate.serial_number in body
    assert revoke_url(certificate) in body


def test_history_shows_the_audit_trail_to_hr(client, hr_user, certificate):
    client.force_login(hr_user)
    client.post(revoke_url(certificate), {"reason": "Chybně přiřazený kurz."})

    response = client.get(reverse("certificates_admin:history", args=[certificate.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Osvědčení zrušeno: Chybně přiřazený kurz." in body
    assert "Osvědčení vydal automaticky systém" in body
