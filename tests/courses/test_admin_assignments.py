"""HR's assignment listing (filters, reasons, export) and assigning a course by hand."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Assignment
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/admin/assignments/"


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def hr(db):
    return factories.UserFactory(email="hr@example.cz", roles=["HR"])


@pytest.fixture
def security(db):
    return factories.UserFactory(email="bezpecnost@example.cz", roles=["Security manager"])


@pytest.fixture
def org(db):
    osa = factories.WorkplaceFactory(name="Odbor správních agend", code="osa")
    podatelna = factories.WorkplaceFactory(name="Podatelna", code="podatelna", parent=osa)
    osa.refresh_from_db()
    matrika = factories.WorkplaceFactory(name="Matrika", code="matrika", parent=osa)
    su = factories.WorkplaceFactory(name="Stavební úřad", code="su")
    return {"osa": osa, "podatelna": podatelna, "matrika": matrika, "su": su}


@pytest.mark.parametrize(
    ("role", "status", "location"),
    [
        (None, 403, None),  # employees never reach the admin: a Czech "for staff" page
        ("Course editor", 302, "/admin/"),  # Wagtail: "no permission", back to the dashboard
        ("HR", 200, None),
        ("Security manager", 200, None),
    ],
)
def test_who_sees_the_assignment_screens(client, site, role, status, location):
    user = factories.UserFactory(roles=[role] if role else [])
    client.force_login(user)
    for url in (URL, URL + "new/"):
        response = client.get(url)
        assert response.status_code == status
        if location:
            assert response["Location"].startswith(location)


def test_hr_sees_the_reason_of_each_assignment(
    client, hr, org, course_index, django_capture_on_commit_callbacks
):
    category = factories.RiskCategoryFactory(code="phishing", name="Phishing a podvody")
    factories.make_plan_course(course_index, [category], title="Phishing")
    jana = factories.UserFactory(workplace=org["podatelna"], first_name="Jana", last_name="Šťastná")
    security = factories.UserFactory(roles=["Security manager"])
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_review(org["podatelna"], {category: (3, 4)}, approve_by=security)
    client.force_login(hr)
    page = client.get(URL).content.decode()
    assert "Šťastná" in page
    assert "Phishing a podvody" in page
    assert "Podatelna" in page
    assert Assignment.objects.get(user=jana).risk_level == "high"


def test_filtering_by_workplace_includes_sub_workplaces(client, hr, org, course):
    inside = factories.UserFactory(workplace=org["matrika"], last_name="Uvnitř")
    outside = factories.UserFactory(workplace=org["su"], last_name="Venku")
    for user in (inside, outside):
        factories.AssignmentFactory(user=user, course=course)
    client.force_login(hr)
    page = client.get(URL, {"workplace": org["osa"].pk}).content.decode()
    assert "Uvnitř" in page
    assert "Venku" not in page


def test_the_listing_costs_the_same_queries_for_5_and_40_assignments(client, hr, org, course):
    client.force_login(hr)

    def count(n):
        while Assignment.objects.count() < n:
            factories.AssignmentFactory(
                user=factories.UserFactory(workplace=org["podatelna"]), course=course
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"per_page": 50}).status_code == 200
        return len(queries)

    assert count(5) == count(40)


def test_the_export_keeps_czech_letters(client, hr, org, course):
    user = factories.UserFactory(workplace=org["podatelna"], first_name="Řehoř", last_name="Žák")
    factories.AssignmentFactory(user=user, course=course, reason="Nová agenda – ověřování")
    client.force_login(hr)
    response = client.get(URL, {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8")
    assert "Řehoř Žák" in content
    assert "Nová agenda – ověřování" in content


def test_the_export_neutralises_formulas_in_free_text(client, hr, org, course):
    user = factories.UserFactory(workplace=org["podatelna"], first_name="=1+1", last_name="Nový")
    factories.AssignmentFactory(user=user, course=course, reason='@SUM(A1)+HYPERLINK("x")')
    client.force_login(hr)
    content = b"".join(client.get(URL, {"export": "csv"}).streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(content)))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'@SUM(A1)+HYPERLINK("x")' in cells
    assert any(cell.startswith("'=1+1") for cell in cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_assigning_a_course_to_a_workplace_and_its_sub_workplaces(client, security, org, course):
    podatelna = factories.UserFactory(workplace=org["podatelna"])
    matrika = factories.UserFactory(workplace=org["matrika"])
    outside = factories.UserFactory(workplace=org["su"])
    gone = factories.UserFactory(workplace=org["matrika"], is_active=False)
    # Someone who already has the course open keeps it, with the earlier due date.
    existing = factories.AssignmentFactory(user=matrika, course=course, due_date=days(60))
    client.force_login(security)
    response = client.post(
        URL + "new/",
        {
            "course": course.pk,
            "target": "subtree",
            "workplace": org["osa"].pk,
            "due_date": days(20).isoformat(),
            "reason": "Nový postup pro ověřování totožnosti",
        },
    )
    assert response.status_code == 302
    assert Assignment.objects.filter(course=course).count() == 2
    new = Assignment.objects.get(user=podatelna)
    assert (new.source, new.reason, new.due_date) == (
        "manual",
        "Nový postup pro ověřování totožnosti",
        days(20),
    )
    assert new.assigned_by == security
    existing.refresh_from_db()
    assert existing.due_date == days(20)
    assert not Assignment.objects.filter(user__in=[outside, gone]).exists()
    page = client.get(URL).content.decode()
    assert "byl přidělen 1 osobě" in page
    assert "1 osoba ho už měla přidělený" in page


def test_only_the_workplace_itself_without_sub_workplaces(client, hr, org, course):
    department = factories.UserFactory(workplace=org["osa"])
    section = factories.UserFactory(workplace=org["podatelna"])
    client.force_login(hr)
    client.post(
        URL + "new/",
        {
            "course": course.pk,
            "target": "workplace",
            "workplace": org["osa"].pk,
            "due_date": days(10).isoformat(),
            "reason": "Porada odboru",
        },
    )
    assert Assignment.objects.filter(user=department).exists()
    assert not Assignment.objects.filter(user=section).exists()


def test_a_bad_manual_assignment_changes_nothing(client, hr, course):
    client.force_login(hr)
    response = client.post(
        URL + "new/",
        {
            "course": course.pk,
            "target": "workplace",
            "due_date": days(-1).isoformat(),
            "reason": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "minulosti" in page
    assert not Assignment.objects.exists()


def test_everyone(client, hr, org, course):
    people = [factories.UserFactory(workplace=wp) for wp in org.values()]
    client.force_login(hr)
    client.post(
        URL + "new/",
        {
            "course": course.pk,
            "target": "everyone",
            "due_date": days(30).isoformat(),
            "reason": "Celoúřední kampaň",
        },
    )
    assigned = set(Assignment.objects.values_list("user_id", flat=True))
    assert {p.pk for p in people} <= assigned
