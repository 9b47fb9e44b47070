"""Finding people by name or e-mail, without regard to diacritics, in the lists and pickers.

Runs on SQLite and, in CI's PostgreSQL leg, on PostgreSQL, where the folding is SQL's
translate() instead of the Python function registered on SQLite.
"""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.collation import fold, person_search
from organisation.models import User
from organisation.roles import EMPLOYEE, HR
from tests.factories import AssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db

NAMES = [
    ("Jana", "Čermáková"),
    ("Eva", "Zelenková"),
    ("Petr", "Šťastný"),
    ("Karel", "Chalupa"),
    ("Jiří", "Horák"),
    ("Tomáš", "Řezníček"),
    ("Jan", "Novák"),
]
CZECH_ORDER = ["Čermáková", "Horák", "Chalupa", "Novák", "Řezníček", "Šťastný", "Zelenková"]
AUTOCOMPLETE = "/admin/people/autocomplete/"


@pytest.fixture
def people(db):
    return {
        last: UserFactory(first_name=first, last_name=last, email=f"{fold_mail(last)}@example.cz")
        for first, last in NAMES
    }


def fold_mail(name: str) -> str:
    return fold(name)


@pytest.fixture
def hr(db):
    return UserFactory(first_name="Hana", last_name="Personální", email="hr@example.cz", roles=[HR])


def found(term: str) -> list[str]:
    return list(person_search(User.objects.all(), term).values_list("last_name", flat=True))


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("stastny", ["Šťastný"]),  # Š-ť-a-s-t-n-ý folds to "stastny"
        ("ŠŤASTNÝ", ["Šťastný"]),
        ("čer", ["Čermáková"]),
        ("cer", ["Čermáková"]),
        ("reznicek@", ["Řezníček"]),  # the e-mail
        ("jan nov", ["Novák"]),  # every word, in first name, last name or e-mail
        ("jiri", ["Horák"]),
        ("ch", ["Chalupa"]),
        ("%", []),  # a LIKE wildcard is a plain character
        ("_", []),
    ],
)
def test_search_ignores_case_and_diacritics(people, term, expected):
    assert found(term) == expected


def test_an_empty_search_narrows_nothing(people):
    assert len(found("   ")) == len(NAMES)


def test_the_hr_people_list_searches_and_sorts_in_czech_order(client, people, hr, course):
    due = timezone.localdate() + datetime.timedelta(days=10)
    for person in people.values():
        AssignmentFactory(user=person, course=course, due_date=due)
    client.force_login(hr)
    listing = client.get("/reports/people/").context["listing"]
    assert [r.assignment.user.last_name for r in listing.page.object_list] == CZECH_ORDER
    response = client.get("/reports/people/", {"q": "stastny"})
    assert response.status_code == 200
    rows = response.context["listing"].page.object_list
    assert [r.assignment.user.last_name for r in rows] == ["Šťastný"]
    html = response.content.decode()
    assert 'name="q"' in html and 'value="stastny"' in html
    assert "Zelenková" not in html


def test_the_overdue_list_searches_too(client, people, hr, course):
    past = timezone.localdate() - datetime.timedelta(days=3)
    for person in people.values():
        AssignmentFactory(user=person, course=course, due_date=past)
    client.force_login(hr)
    rows = client.get("/reports/overdue/", {"q": "cermakova"}).context["listing"].page.object_list
    assert [r.assignment.user.last_name for r in rows] == ["Čermáková"]


def test_the_admin_user_list_sorts_by_name_in_czech_order_and_searches(client, people, hr):
    client.force_login(hr)
    response = client.get("/admin/users/")
    assert response.status_code == 200
    listed = [u.last_name for u in response.context["object_list"] if u.last_name in CZECH_ORDER]
    assert listed == CZECH_ORDER
    response = client.get("/admin/users/", {"q": "reznicek"})
    assert [u.last_name for u in response.context["object_list"]] == ["Řezníček"]


def test_the_admin_assignment_list_finds_a_name_without_diacritics(client, people, hr, course):
    for person in people.values():
        AssignmentFactory(user=person, course=course)
    client.force_login(hr)
    response = client.get("/admin/assignments/", {"q": "stastny"})
    assert [a.user.last_name for a in response.context["object_list"]] == ["Šťastný"]


# --- The picker's endpoint ------------------------------------------------------------------


def suggest(client, term, source="courses.assignment"):
    return client.get(AUTOCOMPLETE, {"source": source, "q": term})


def test_autocomplete_suggests_in_czech_order(client, people, hr):
    client.force_login(hr)
    response = suggest(client, "k")  # Čermáková, Horák, Chalupa, Novák, Řezníček, Zelenková
    assert response.status_code == 200
    data = json.loads(response.content)
    labels = [r["label"] for r in data["results"]]
    assert labels == [
        "Jana Čermáková",
        "Jiří Horák",
        "Karel Chalupa",
        "Jan Novák",
        "Tomáš Řezníček",
        "Eva Zelenková",
    ]
    assert data["more"] is False
    assert data["message"] == "Nalezeno 6 osob."
    first = data["results"][0]
    assert first["id"] == people["Čermáková"].pk
    assert first["detail"].startswith("cermakova@example.cz")


def test_autocomplete_types_cer_and_finds_cermakova(client, people, hr):
    client.force_login(hr)
    data = json.loads(suggest(client, "Čer").content)
    assert [r["label"] for r in data["results"]] == ["Jana Čermáková"]
    assert data["message"] == "Nalezena 1 osoba."


def test_autocomplete_leaves_out_deactivated_people(client, people, hr):
    User.objects.filter(pk=people["Novák"].pk).update(is_active=False)
    client.force_login(hr)
    data = json.loads(suggest(client, "novak").content)
    assert data["results"] == []
    assert data["message"] == "Nikdo neodpovídá hledání „novak“."


def test_autocomplete_returns_at_most_twenty_and_says_there_are_more(
    client, hr, django_assert_max_num_queries
):
    for i in range(30):
        UserFactory(first_name="Adam", last_name=f"Dvořák {i:02d}")
    client.force_login(hr)
    with django_assert_max_num_queries(12):
        data = json.loads(suggest(client, "dvorak").content)
    assert len(data["results"]) == 20
    assert data["more"] is True
    assert data["message"] == "Prvních 20 osob; pište dál, seznam se zúží."


def test_autocomplete_costs_the_same_queries_for_few_and_many_people(
    client, hr, django_assert_num_queries
):
    client.force_login(hr)
    UserFactory(first_name="Adam", last_name="Dvořák")
    suggest(client, "dvorak")  # warm the session and permission caches
    with CaptureQueriesContext(connection) as few:
        suggest(client, "dvorak")
    for i in range(25):
        UserFactory(first_name="Adam", last_name=f"Dvořák {i:02d}")
    with django_assert_num_queries(len(few)):
        suggest(client, "dvorak")


def test_autocomplete_requires_the_permission_of_the_source(client, people):
    employee = UserFactory(email="zamestnanec@example.cz", roles=[EMPLOYEE])
    employee.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(employee)
    response = suggest(client, "novak")
    # Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_autocomplete_knows_no_undeclared_source(client, hr):
    client.force_login(hr)
    assert suggest(client, "novak", source="everyone").status_code == 404


def test_autocomplete_sends_an_anonymous_visitor_to_log_in(client, people):
    response = suggest(client, "novak")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_autocomplete_does_not_change_anything_on_post(client, hr):
    client.force_login(hr)
    assert client.post(AUTOCOMPLETE, {"source": "courses.assignment", "q": "x"}).status_code == 405


# --- The pickers in the forms ---------------------------------------------------------------


def test_the_manual_assignment_form_offers_the_picker_not_a_select_of_everyone(
    client, people, hr, course
):
    client.force_login(hr)
    html = client.get("/admin/assignments/new/").content.decode()
    assert 'role="combobox"' in html
    assert 'data-source="courses.assignment"' in html
    assert "person-picker.js" in html
    assert "Zelenková" not in html  # nobody is listed until one types


def test_the_picked_person_gets_the_course(client, people, hr, course):
    client.force_login(hr)
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    response = client.post(
        "/admin/assignments/new/",
        {
            "course": course.pk,
            "target": "person",
            "person": people["Šťastný"].pk,
            "due_date": due,
            "reason": "Nástup",
        },
    )
    assert response.status_code == 302
    assert list(course.assignments.values_list("user__last_name", flat=True)) == ["Šťastný"]


def test_a_deactivated_person_cannot_be_picked_by_a_forged_id(client, people, hr, course):
    User.objects.filter(pk=people["Novák"].pk).update(is_active=False)
    client.force_login(hr)
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    response = client.post(
        "/admin/assignments/new/",
        {
            "course": course.pk,
            "target": "person",
            "person": people["Novák"].pk,
            "due_date": due,
            "reason": "Nástup",
        },
    )
    assert response.status_code == 200
    assert not course.assignments.exists()
    # The form shows the error and the picker keeps no stale choice.
    assert 'role="combobox"' in response.content.decode()


def test_the_user_form_picks_the_manager_with_the_picker(client, people, hr):
    client.force_login(hr)
    person = people["Horák"]
    person.manager = people["Novák"]
    person.save()
    html = client.get(f"/admin/users/edit/{person.pk}/").content.decode()
    assert 'data-source="organisation.manager"' in html
    # The current manager is shown by name and submitted by id.
    assert 'value="Jan Novák"' in html
    assert f'name="manager" value="{people["Novák"].pk}"' in html
