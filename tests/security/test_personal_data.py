"""Issue 12 point 9: an administrator erases a departed person; the retention purge does too."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from courses.models import Assignment
from organisation import erasure, roles
from organisation.models import Erasure, User
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def departed(employee, course):
    assignment = factories.CompletedAssignmentFactory(user=employee, course=course)
    certificate = factories.issue_certificate(assignment)
    employee.is_active = False
    employee.save(update_fields=["is_active"])
    return employee, assignment, certificate


@pytest.fixture
def admin(db):
    return factories.UserFactory(is_superuser=True, is_staff=True)


def erase_url(user) -> str:
    return f"/admin/people/{user.pk}/erase/"


def snapshot():
    return (
        list(User.objects.order_by("pk").values_list("pk", "first_name", "last_name", "email")),
        list(Certificate.objects.values_list("pk", "holder_name", "revoked_at")),
        Erasure.objects.count(),
    )


def test_an_admin_erases_a_departed_person(client, admin, departed):
    person, assignment, certificate = departed
    name, email = person.get_full_name(), person.email
    client.force_login(admin)

    assert client.get(erase_url(person)).status_code == 200
    assert not Erasure.objects.exists()  # the GET only asks
    response = client.post(erase_url(person), {"reason": "Odchod z úřadu", "confirm": "on"})

    assert response.status_code == 302
    person.refresh_from_db()
    erased = Erasure.objects.get(user=person)
    assert erased.erased_by == admin
    assert person.get_full_name() == erased.pseudonym and name not in person.get_full_name()
    assert person.email != email and person.personal_number is None
    assert not person.has_usable_password() and not person.is_active
    # Statistics keep the record, under the pseudonym.
    kept = Assignment.objects.get(pk=assignment.pk)
    assert kept.status == Assignment.Status.COMPLETED and str(kept.score) == "92.50"
    # The QR code answers "revoked, erased", without the name.
    certificate.refresh_from_db()
    assert certificate.holder_name == "" and certificate.revoked_at is not None
    assert not certificate.pdf
    client.logout()  # the public page, as anyone scanning the QR code sees it
    page = client.get(certificate.verification_path).content.decode()
    assert 'data-status="revoked"' in page and 'data-holder="erased"' in page
    assert "Nováková" not in page and "Jana" not in page
    # Audited, and the audit log no longer carries the name in its labels.
    [entry] = ModelLogEntry.objects.filter(action="organisation.erase", object_id=str(person.pk))
    assert entry.user_id == admin.pk
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    about_them = ModelLogEntry.objects.filter(
        Q(content_type=ContentType.objects.get_for_model(User), object_id=str(person.pk))
        | Q(
            content_type=ContentType.objects.get_for_model(Certificate),
            object_id=str(certificate.pk),
        )
    )
    assert about_them.exists() and not about_them.filter(label__contains="Nováková").exists()


def test_without_the_permission_nothing_is_erased(client, departed):
    person, _assignment, _certificate = departed
    client.force_login(factories.UserFactory(roles=[roles.HR, roles.SECURITY_MANAGER]))
    before = snapshot()

    response = client.post(erase_url(person), {"reason": "x", "confirm": "on"})

    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == "/admin/"
    assert snapshot() == before


def test_an_active_person_or_a_missing_confirmation_is_refused(client, admin, employee):
    client.force_login(admin)
    before = snapshot()

    active = client.post(erase_url(employee), {"reason": "x", "confirm": "on"})
    unconfirmed = client.post(erase_url(employee), {"reason": "x"})

    assert active.status_code == 200 and "Nejprve účet deaktivujte" in active.content.decode()
    assert unconfirmed.status_code == 200
    assert snapshot() == before


def test_erasing_twice_changes_nothing(admin, departed):
    person, _a, _c = departed
    first = erasure.person_erase(user=person, by=admin)
    before = snapshot()

    assert erasure.person_erase(user=person, by=admin) == first
    assert snapshot() == before


def test_the_retention_purge_erases_only_those_past_it(settings, departed, other_employee):
    person, _assignment, certificate = departed
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    later = timezone.now() + datetime.timedelta(days=31)
    User.objects.filter(pk=person.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=400), last_login=None
    )

    assert erasure.people_purge(now=later) == 1
    assert erasure.people_purge(now=later) == 0  # idempotent
    assert Erasure.objects.get(user=person).erased_by is None
    certificate.refresh_from_db()
    assert certificate.revoked_at and certificate.revoked_by is None
    # Still employed: untouched.
    other_employee.refresh_from_db()
    assert other_employee.is_active and not Erasure.objects.filter(user=other_employee).exists()


def test_a_recent_departure_is_not_purged(settings, departed):
    person, _a, _c = departed
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    User.objects.filter(pk=person.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=400)
    )
    # Deactivated today (an audit entry on the account): the period starts now.
    from wagtail.log_actions import log

    log(instance=person, action="wagtail.edit")

    assert erasure.people_purge() == 0


def test_the_purge_is_a_beat_job():
    from django_celery_beat.models import PeriodicTask

    assert PeriodicTask.objects.filter(task="organisation.tasks.people_purge_task").exists()


def test_everything_kept_about_a_person_is_listed(departed):
    person, _assignment, certificate = departed

    data = erasure.personal_data(user=person)

    assert {"profile", "audit_trail", "assignments", "quiz_attempts", "certificates"} <= set(data)
    assert data["profile"]["email"] == person.email
    assert data["certificates"][0]["serial_number"] == certificate.serial_number
    assert data["assignments"][0]["status"] == "completed"


def test_the_own_data_download_and_the_erasure_cover_e_mails_and_phishing(client, admin, site):
    import json

    from automation.models import OutboxEmail
    from phishing.models import Campaign, PhishingTemplate, Recipient

    person = factories.UserFactory(first_name="Šárka", last_name="Čermáková")
    OutboxEmail.objects.create(
        to=[person.email], subject="Připomínka školení", body_text="Dobrý den, Šárko,"
    )
    OutboxEmail.objects.create(to=["jiny@example.cz"], subject="Jiné", body_text="Dobrý den")
    now = timezone.now()
    campaign = Campaign.objects.create(
        name="Zásilky", starts_at=now, ends_at=now + datetime.timedelta(days=1)
    )
    template = PhishingTemplate.objects.get(name="Doručení zásilky")
    Recipient.objects.create(
        campaign=campaign,
        user=person,
        template=template,
        scheduled_at=now,
        sent_at=now,
        clicked_at=now,
    )
    client.force_login(person)
    data = json.loads(client.get("/reports/my-data.json").content)
    assert [e["subject"] for e in data["emails"]] == ["Připomínka školení"]
    assert data["phishing_simulations"][0]["campaign"] == "Zásilky"
    assert data["phishing_simulations"][0]["clicked_at"] is not None
    assert "audit_trail" in data

    person.is_active = False
    person.save(update_fields=["is_active"])
    erasure.person_erase(user=person, by=admin)
    mine = OutboxEmail.objects.get(subject="Připomínka školení")
    assert person.email not in mine.to and "Šárko" not in mine.body_text
    assert OutboxEmail.objects.get(subject="Jiné").to == ["jiny@example.cz"]
    assert Recipient.objects.get().clicked_at is not None  # the campaign's rates stay true
