"""The employee's transcript as a page, a PDF and a spreadsheet, and who may see it."""

import io

import pytest
from pypdf import PdfReader

from courses.models import Assignment
from quizzes.models import Attempt
from tests import factories
from tests.reports import reports_data
from tests.reports.reports_data import client_for

org = reports_data.org  # the shared fixture: an organisation with 24 employees

pytestmark = pytest.mark.django_db


def test_the_page_lists_every_assignment_with_its_details(client, org):
    person = org.employee
    response = client_for(client, org.hr).get(f"/reports/people/{person.pk}/")
    assert response.status_code == 200
    rows = response.context["transcript"].rows
    assignments = Assignment.objects.filter(user=person)
    # Every assignment, "no longer required" ones included: it is the person's history.
    assert {r.assignment_id for r in rows} == set(assignments.values_list("pk", flat=True))
    for r in rows:
        a = assignments.get(pk=r.assignment_id)
        assert r.course == a.course.title
        assert r.score == a.score
        assert r.attempts == Attempt.objects.filter(assignment=a).count()
        first = Attempt.objects.filter(assignment=a, number=1).first()
        assert r.first_score == (first.score if first else None)
        if a.status == Assignment.Status.COMPLETED and a.course_id == org.courses[0].pk:
            assert r.certificate_serial == a.certificate.serial_number
            assert r.certificate_status == "Platné"
    html = response.content.decode()
    assert person.last_name in html and org.courses[0].title in html


def test_the_reason_of_a_plan_assignment_names_review_and_risk(client, org):
    joiner = Assignment.objects.filter(source=Assignment.Source.JOINER).first()
    response = client_for(client, org.hr).get(f"/reports/people/{joiner.user_id}/")
    row = next(r for r in response.context["transcript"].rows if r.assignment_id == joiner.pk)
    assert "Osobní údaje" in row.reason and "Odbor A – správní" in row.reason


def test_the_pdf_holds_the_czech_names_exactly(client, org):
    person = factories.UserFactory(
        first_name="Příliš", last_name="Žluťoučký <b>kůň</b>", workplace=org.workplaces["A1"]
    )
    factories.AssignmentFactory(user=person, course=org.courses[1])
    response = client_for(client, org.hr).get(f"/reports/people/{person.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    # Table cells wrap long titles; compare with the line breaks taken out.
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "Příliš Žluťoučký <b>kůň</b>" in text
    assert "Phishing a sociální inženýrství" in text
    assert "Výpis absolvovaných školení" in text


def test_the_employee_sees_their_own_transcript(client, org):
    c = client_for(client, org.employee)
    response = c.get("/reports/transcript/", follow=True)
    assert response.status_code == 200
    assert response.context["transcript"].person == org.employee
    assert c.get(f"/reports/people/{org.employee.pk}/pdf/").status_code == 200


def test_an_employee_gets_404_for_a_colleague(client, org):
    c = client_for(client, org.employee)
    colleague = org.outsider
    for suffix in ("", "pdf/", "export.csv", "export.xlsx"):
        assert c.get(f"/reports/people/{colleague.pk}/{suffix}").status_code == 404


def test_a_manager_sees_their_people_but_not_others(client, org):
    c = client_for(client, org.head_a)
    # A report of a report: the head of A sees A1 through the head of A1.
    assert c.get(f"/reports/people/{org.employee.pk}/").status_code == 200
    assert c.get(f"/reports/people/{org.outsider.pk}/").status_code == 404
    assert c.get(f"/reports/people/{org.hr.pk}/").status_code == 404


def test_the_security_manager_sees_anyone(client, org):
    c = client_for(client, org.security)
    assert c.get(f"/reports/people/{org.outsider.pk}/").status_code == 200


def test_an_unknown_person_is_404(client, org):
    assert client_for(client, org.hr).get("/reports/people/999999/").status_code == 404
