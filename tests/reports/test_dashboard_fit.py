"""The HR chart shows the first level below the viewer's scope root, one bar per sub-workplace.

An office is one top workplace ("Magistrát") with departments below it; the chart used to
show that single top workplace as one bar. Now it shows the departments (each summing its
sections), the sections of a department picked in the filter, and a leaf on its own.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisation.models import Workplace
from organisation.roles import HR
from tests import factories

pytestmark = pytest.mark.django_db


def _office(course_index, *, per_section: int = 2):
    office = factories.WorkplaceFactory(name="Magistrát", code="mag")
    a = factories.WorkplaceFactory(name="Odbor A", code="a", parent=office)
    factories.WorkplaceFactory(name="Oddělení A1", code="a1", parent=a)
    factories.WorkplaceFactory(name="Oddělení A2", code="a2", parent=a)
    b = factories.WorkplaceFactory(name="Odbor B", code="b", parent=office)
    factories.WorkplaceFactory(name="Oddělení B1", code="b1", parent=b)
    places = {w.code: w for w in Workplace.objects.all()}
    course = factories.make_course(course_index, title="Phishing", lessons=1)
    hr = factories.UserFactory(workplace=places["mag"], roles=[HR])
    head_a1 = factories.UserFactory(workplace=places["a1"], is_management=True)
    people = {}
    for code in ("a1", "a2", "b1"):
        people[code] = []
        for i in range(per_section):
            user = factories.UserFactory(
                workplace=places[code], manager=head_a1 if code == "a1" else None
            )
            # One of each section's people is overdue, the rest are due in a month.
            factories.assign(user, course, due_in=-3 if i == 0 else 30)
            people[code].append(user)
    return places, course, hr, head_a1, people


def _bars(client, user, query=""):
    client.force_login(user)
    response = client.get(f"/reports/{query}")
    assert response.status_code == 200
    charts = response.context["charts"]
    completion = [(bar.label, bar.display) for bar in charts["workplaces"].bars]
    overdue = [(bar.label, bar.display) for bar in charts["overdue"].bars]
    return completion, overdue, response


def test_an_office_with_one_top_workplace_shows_its_departments(client, course_index):
    places, _course, hr, _head, _people = _office(course_index)
    completion, overdue, response = _bars(client, hr)
    # Two sections under A (2 overdue of 4), one under B (1 overdue of 2): summed subtrees.
    assert completion == [("Odbor A", "0 %"), ("Odbor B", "0 %")]
    assert overdue == [("Odbor A", "2"), ("Odbor B", "1")]
    rows = response.context["dashboard"].chart_workplaces
    assert [(row.name, row.total.required) for row in rows] == [("Odbor A", 4), ("Odbor B", 2)]
    # The SVG the user sees has the same two bars, labelled by department.
    html = response.content.decode()
    assert html.count('class="chart-bar"') >= 4
    assert ">Odbor A<" in html and ">Odbor B<" in html


def test_people_sitting_in_the_root_itself_get_a_bar_of_their_own(client, course_index):
    places, course, hr, _head, _people = _office(course_index)
    mayor = factories.UserFactory(workplace=places["mag"])
    factories.assign(mayor, course, due_in=-3)
    completion, overdue, _response = _bars(client, hr)
    assert [label for label, _ in completion] == ["Magistrát (přímo)", "Odbor A", "Odbor B"]
    assert overdue == [("Magistrát (přímo)", "1"), ("Odbor A", "2"), ("Odbor B", "1")]


def test_a_chosen_department_shows_its_sections(client, course_index):
    places, _course, hr, _head, _people = _office(course_index)
    _completion, overdue, _response = _bars(client, hr, f"?workplace={places['a'].pk}")
    assert overdue == [("Oddělení A1", "1"), ("Oddělení A2", "1")]


def test_a_manager_of_one_leaf_workplace_sees_that_workplace(client, course_index):
    places, _course, _hr, head_a1, _people = _office(course_index)
    completion, overdue, _response = _bars(client, head_a1)
    assert completion == [("Oddělení A1", "0 %")]
    assert overdue == [("Oddělení A1", "1")]


def _count_queries(client, user) -> int:
    client.force_login(user)
    client.get("/reports/")  # warm caches (content types, site, session)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/reports/").status_code == 200
    return len(queries)


def test_the_chart_adds_no_queries_whatever_the_size(
    client, course_index, django_assert_max_num_queries
):
    places, course, hr, _head, people = _office(course_index, per_section=2)
    small = _count_queries(client, hr)
    for code in ("a1", "a2", "b1"):
        for _ in range(30):
            factories.assign(factories.UserFactory(workplace=places[code]), course, due_in=10)
    large = _count_queries(client, hr)
    assert large == small
    client.force_login(hr)
    with django_assert_max_num_queries(small):
        response = client.get("/reports/")
    assert [bar.label for bar in response.context["charts"]["workplaces"].bars] == [
        "Odbor A",
        "Odbor B",
    ]
