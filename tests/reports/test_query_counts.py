"""Each report page runs the same number of queries for 10 employees as for 1,000."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.reports.reports_data import add_employees, build_org

pytestmark = pytest.mark.django_db

MAX_QUERIES = 35  # a ceiling too: "the same" must not hide a page that is uniformly heavy


def _pages(org):
    return [
        ("hr dashboard (HR)", org.hr, "/reports/"),
        ("hr dashboard (manager)", org.head_a, "/reports/"),
        ("hr dashboard filtered", org.hr, f"/reports/?workplace={org.workplaces['A'].pk}"),
        ("people", org.hr, "/reports/people/"),
        ("overdue (manager)", org.head_a, "/reports/overdue/"),
        ("security dashboard", org.security, "/reports/security/"),
        ("transcript (HR)", org.hr, f"/reports/people/{org.employee.pk}/"),
        ("transcript (own)", org.employee, f"/reports/people/{org.employee.pk}/"),
        ("export workplaces", org.hr, "/reports/export/workplaces.csv"),
    ]


def _measure(client, org) -> dict[str, int]:
    counts = {}
    for name, user, url in _pages(org):
        client.force_login(user)
        client.get(url)  # warm caches (content types, site, session) outside the measurement
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_the_organisation(client, course_index):
    org = build_org(course_index, employees=10)
    small = _measure(client, org)
    add_employees(org, 990)
    large = _measure(client, org)
    assert large == small
    assert max(small.values()) <= MAX_QUERIES, small
