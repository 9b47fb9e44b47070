"""Paging the people lists by the neighbouring row (keyset): every row once, in order, in scope."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.hr import selectors as hr
from reports.scope import EVERYONE, Scope
from tests.reports import reports_data
from tests.reports.reports_data import add_employees, client_for

org = reports_data.org  # 24 employees, one assignment per course each

pytestmark = pytest.mark.django_db

NEXT = re.compile(r'<a href="\?([^"]*)" rel="next">')
PREVIOUS = re.compile(r'<a href="\?([^"]*)" rel="prev">')


def _link(pattern, response) -> str | None:
    found = pattern.search(response.content.decode())
    return html.unescape(found.group(1)) if found else None


def _ids(response) -> list[int]:
    return [row.assignment.pk for row in response.context["listing"].page.object_list]


def _expected(org, *, overdue: bool) -> list[int]:
    scope = Scope(viewer_id=org.hr.pk, kind=EVERYONE)
    filters = hr.Filters(status=hr.STATUS_OVERDUE if overdue else "")
    order = (
        ("due_date", *hr.PERSON_ORDER, "id")
        if overdue
        else (*hr.PERSON_ORDER, "course__title", "id")
    )
    queryset = hr.assignments(scope=scope, filters=filters).order_by(*order)
    return list(queryset.values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("url", "overdue", "employees"),
    # About a third of the assignments are overdue, so the overdue list needs more people.
    [("/reports/people/", False, 60), ("/reports/overdue/", True, 250)],
)
def test_next_and_previous_walk_every_row_once_in_czech_order(client, org, url, overdue, employees):
    add_employees(org, employees)
    expected = _expected(org, overdue=overdue)
    assert len(expected) > 2 * hr.PAGE_SIZE  # at least three pages
    c = client_for(client, org.hr)
    response = c.get(url)
    pages = [_ids(response)]
    numbers = [response.context["listing"].page.number]
    while (query := _link(NEXT, response)) is not None:
        assert "after=" in query
        response = c.get(f"{url}?{query}")
        assert response.status_code == 200
        pages.append(_ids(response))
        numbers.append(response.context["listing"].page.number)
    assert [pk for page in pages for pk in page] == expected
    assert numbers == list(range(1, len(pages) + 1))
    assert f"Strana {len(pages)} z {len(pages)}" in response.content.decode()
    # And back again, page by page, to the first.
    back = [_ids(response)]
    while (query := _link(PREVIOUS, response)) is not None:
        response = c.get(f"{url}?{query}")
        back.append(_ids(response))
    assert back[::-1] == pages


def test_the_filters_stay_on_the_next_page(client, org):
    add_employees(org, 60)
    course = org.courses[0]
    c = client_for(client, org.hr)
    first = c.get("/reports/people/", {"course": course.pk})
    query = _link(NEXT, first)
    assert f"course={course.pk}" in query
    second = c.get(f"/reports/people/?{query}")
    rows = second.context["listing"].page.object_list
    assert rows and all(r.assignment.course_id == course.pk for r in rows)
    assert not set(_ids(first)) & set(_ids(second))


def test_a_row_outside_the_scope_is_no_cursor(client, org):
    """A manager naming someone else's assignment as the cursor gets their own first page."""
    outsider = org.outsider.assignments.first()
    c = client_for(client, org.head_a1)
    plain = _ids(c.get("/reports/people/"))
    tampered = c.get("/reports/people/", {"after": outsider.pk})
    assert tampered.status_code == 200
    assert _ids(tampered) == plain
    assert c.get("/reports/people/", {"before": "x", "after": "-3"}).status_code == 200


def _queries_of_second_page(client, org, url) -> int:
    c = client_for(client, org.hr)
    query = _link(NEXT, c.get(url))
    assert query is not None and "after=" in query
    c.get(f"{url}?{query}")  # warm caches outside the measurement
    with CaptureQueriesContext(connection) as queries:
        assert c.get(f"{url}?{query}").status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/reports/people/", "/reports/overdue/"])
def test_a_page_reached_by_cursor_costs_the_same_queries_for_any_size(client, org, url):
    add_employees(org, 150)  # enough for a second page of the overdue too
    small = _queries_of_second_page(client, org, url)
    add_employees(org, 400)
    assert _queries_of_second_page(client, org, url) == small
