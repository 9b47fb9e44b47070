"""The people behind a number, and the overdue list with days overdue and managers."""

import pytest

from courses.models import Assignment
from tests.reports import reports_data
from tests.reports.reports_data import client_for

org = reports_data.org  # the shared fixture: an organisation with 24 employees

pytestmark = pytest.mark.django_db


def overdue_of(org, people=None):
    return [
        a
        for a in Assignment.objects.select_related("user__manager", "course").order_by("due_date")
        if a.status == Assignment.Status.ASSIGNED
        and a.due_date is not None
        and a.due_date < org.today
        and a.user.is_active
        and (people is None or a.user_id in people)
    ]


def test_drill_down_lists_exactly_the_people_behind_the_number(client, org):
    c = client_for(client, org.hr)
    dashboard = c.get("/reports/").context["dashboard"]
    row = next(r for r in dashboard.workplaces if r.pk == org.workplaces["A1"].pk)
    response = c.get(f"/reports/people/?{row.links['overdue']}")
    assert response.status_code == 200
    listing = response.context["listing"]
    assert listing.count == row.total.overdue
    shown = {r.assignment.pk for r in listing.page.object_list}
    expected = {a.pk for a in overdue_of(org) if a.user.workplace_id == org.workplaces["A1"].pk}
    assert shown == expected


def test_overdue_list_shows_days_overdue_and_manager_longest_first(client, org):
    response = client_for(client, org.hr).get("/reports/overdue/")
    assert response.status_code == 200
    rows = response.context["listing"].page.object_list
    expected = overdue_of(org)
    assert response.context["listing"].count == len(expected)
    assert [r.days_overdue for r in rows] == sorted((r.days_overdue for r in rows), reverse=True)
    first = rows[0]
    assert first.days_overdue == (org.today - first.assignment.due_date).days > 0
    html = response.content.decode()
    assert str(first.assignment.user.manager) in html
    assert f'<td class="num">{first.days_overdue}</td>' in html


def test_a_manager_lists_only_their_people(client, org):
    people = {u.pk for u in org.employees if u.manager_id == org.head_a1.pk}
    response = client_for(client, org.head_a1).get("/reports/overdue/")
    listing = response.context["listing"]
    assert {r.assignment.user_id for r in listing.page.object_list} <= people
    assert listing.count == len(overdue_of(org, people))


def test_people_are_paginated_with_the_filters_kept(client, org):
    response = client_for(client, org.hr).get(
        "/reports/people/", {"course": org.courses[0].pk, "page": 1}
    )
    assert response.status_code == 200
    listing = response.context["listing"]
    assert all(r.assignment.course_id == org.courses[0].pk for r in listing.page.object_list)


def test_each_name_links_to_the_transcript(client, org):
    response = client_for(client, org.hr).get("/reports/people/")
    row = response.context["listing"].page.object_list[0]
    assert f'href="/reports/people/{row.assignment.user_id}/"' in response.content.decode()
