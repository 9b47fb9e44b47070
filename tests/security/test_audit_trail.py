"""Issue 12 point 5: every staff action lands in Wagtail's audit log with actor and object."""

import codecs
import datetime

import pytest
from django.urls import reverse
from wagtail.log_actions import LogContext
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from certificates.services import certificate_revoke
from certificates.tasks import certificate_issue_task
from courses.models import Assignment
from courses.services import assignment_create, assignments_assign_manually
from organisation import roles
from organisation.models import User
from organisation.services import employees_import
from tests import factories

pytestmark = pytest.mark.django_db


def entries(action: str, obj=None):
    found = ModelLogEntry.objects.filter(action=action)
    if obj is not None:
        found = found.filter(object_id=str(obj.pk))
    return list(found)


@pytest.fixture
def hr_user(db):
    return factories.UserFactory(first_name="Petra", last_name="Dvořáková", roles=[roles.HR])


@pytest.fixture
def security_user(db):
    return factories.UserFactory(
        first_name="Tomáš", last_name="Černý", roles=[roles.SECURITY_MANAGER]
    )


def test_manual_assignment_names_the_manager_and_each_assignment(
    hr_user, employee, other_employee, course
):
    assignments_assign_manually(
        course=course,
        users=User.objects.filter(pk__in=[employee.pk, other_employee.pk]),
        due_date=datetime.date(2027, 1, 31),
        reason="Nový kurz",
        assigned_by=hr_user,
    )

    for person in (employee, other_employee):
        assignment = Assignment.objects.get(user=person, course=course)
        [entry] = entries("courses.assign", assignment)
        assert entry.user_id == hr_user.pk
        assert entry.data["source"] == "manual" and entry.data["reason"] == "Nový kurz"


def test_automatic_assignment_is_logged_without_a_person(employee, course):
    assignment, created = assignment_create(
        user=employee,
        course=course,
        due_date=None,
        reason="Opakování",
        source=Assignment.Source.REFRESHER,
    )

    [entry] = entries("courses.assign", assignment)
    assert created and entry.user_id is None and entry.data["source"] == "refresher"


def test_an_own_enrolment_is_not_an_assignment(employee, course):
    from courses.services import assignment_enrol

    assignment_enrol(user=employee, course=course)

    assert entries("courses.assign") == []


def test_review_approval_is_logged(security_user):
    workplace = factories.WorkplaceFactory()
    category = factories.RiskCategoryFactory()
    review = factories.make_review(workplace, {category: (4, 4)}, approve_by=security_user)

    [entry] = entries("risk.review.approve", review)
    assert entry.user_id == security_user.pk


def test_employee_import_logs_each_person_with_the_importer(hr_user):
    factories.WorkplaceFactory(name="Odbor správních agend", code="osa")
    data = (
        codecs.BOM_UTF8
        + (
            "Osobní číslo;Jméno;Příjmení;E-mail;Pracoviště;Funkce;Osobní číslo vedoucího;"
            "Vedoucí zaměstnanec\r\n"
            "20001;Marie;Svobodová;marie.svobodova@example.cz;osa;referentka;;ne\r\n"
        ).encode()
    )

    plan = employees_import(data=data, imported_by=hr_user)

    assert plan.ok
    marie = User.objects.get(personal_number="20001")
    [entry] = entries("organisation.import", marie)
    assert entry.user_id == hr_user.pk and entry.data["change"] == "created"


def test_a_role_change_names_who_changed_it(employee):
    admin = factories.UserFactory(is_superuser=True, is_staff=True)
    from django.contrib.auth.models import Group

    # What the Wagtail user editor does: it saves the groups inside the admin's log context.
    with LogContext(user=admin):
        employee.groups.add(Group.objects.get(name=roles.HR))

    [entry] = [
        e for e in entries("organisation.role_change", employee) if e.data == {"added": [roles.HR]}
    ]
    assert entry.user_id == admin.pk


def test_certificate_issue_by_the_system_and_revocation_by_a_person(employee, course, hr_user):
    assignment = factories.CompletedAssignmentFactory(user=employee, course=course)

    certificate_issue_task(assignment.pk)
    certificate = Certificate.objects.get(assignment=assignment)
    certificate_revoke(certificate=certificate, by=hr_user, reason="Chybné přiřazení")

    [issued] = entries("certificates.issue", certificate)
    assert issued.user_id is None and issued.data["issued_by"] == "system"
    [revoked] = entries("certificates.revoke", certificate)
    assert revoked.user_id == hr_user.pk


def test_direct_and_background_exports_are_logged(client, hr_user, employee, course):
    factories.CompletedAssignmentFactory(user=employee, course=course)
    client.force_login(hr_user)

    assert client.get("/reports/export/workplaces.csv").status_code == 200
    assert client.get("/admin/certificates/?export=csv").status_code == 200
    root = employee.workplace.get_root() if employee.workplace else factories.WorkplaceFactory()
    response = client.post(
        reverse("certificates:export_create"),
        {"workplace": root.pk, "date_from": "2020-01-01", "date_to": "2030-12-31"},
    )
    assert response.status_code == 302

    whats = sorted(e.data["what"] for e in entries("core.export"))
    assert whats == ["certificates.certificate", "reports.hr.workplaces"]
    assert all(e.user_id == hr_user.pk for e in entries("core.export"))
    [zip_entry] = entries("certificates.export")
    assert zip_entry.user_id == hr_user.pk


def test_the_audit_log_is_for_security_managers_and_admins_only(
    client, security_user, hr_user, employee, course
):
    assignment_create(
        user=employee,
        course=course,
        due_date=None,
        reason="Opakování",
        source=Assignment.Source.REFRESHER,
    )
    client.force_login(security_user)

    page = client.get("/admin/audit-log/")

    assert page.status_code == 200
    assert "Kurz přidělen" in page.content.decode() or "Přidělení kurzu" in page.content.decode()
    client.force_login(hr_user)
    refused = client.get("/admin/audit-log/")
    # Wagtail turns a refusal into a redirect to the dashboard with a message.
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    before = ModelLogEntry.objects.count()
    # Nothing edits an entry: no such URL, and a POST to the listing changes nothing.
    client.force_login(security_user)
    assert client.post("/admin/audit-log/", {"action": "x"}).status_code == 405
    assert ModelLogEntry.objects.count() == before
