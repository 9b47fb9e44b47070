"""HR's dashboard: its numbers equal counts taken straight from the data, for every scope."""

import datetime

import pytest
from django.utils import timezone

from courses.models import Assignment
from organisation.roles import HR, SECURITY_MANAGER
from reports.hr import selectors as hr
from reports.scope import scope_for
from tests import factories
from tests.reports import reports_data
from tests.reports.reports_data import client_for

org = reports_data.org  # the shared fixture: an organisation with 24 employees

pytestmark = pytest.mark.django_db


def direct(org, *, people=None, workplace=None, course=None, status="", due_in=None):
    """Counts computed the plain way: load every assignment and look at it in Python."""
    counts = hr.Counts()
    today = org.today
    for a in Assignment.objects.select_related("user__workplace"):
        if a.status == Assignment.Status.NOT_REQUIRED or not a.user.is_active:
            continue
        if people is not None and a.user_id not in people:
            continue
        if workplace is not None and not (
            a.user.workplace and a.user.workplace.path.startswith(workplace.path)
        ):
            continue
        if course is not None and a.course_id != course.pk:
            continue
        if due_in is not None and not (a.due_date and due_in[0] <= a.due_date <= due_in[1]):
            continue
        is_overdue = a.status == Assignment.Status.ASSIGNED and a.due_date and a.due_date < today
        if status == "overdue" and not is_overdue:
            continue
        if status == "completed" and a.status != Assignment.Status.COMPLETED:
            continue
        counts.required += 1
        counts.completed += a.status == Assignment.Status.COMPLETED
        counts.overdue += bool(is_overdue)
    return counts


def as_tuple(counts):
    return (counts.required, counts.completed, counts.overdue, counts.open)


def test_hr_sees_every_workplace_with_subtrees_rolled_up(client, org):
    response = client_for(client, org.hr).get("/reports/")
    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    rows = {row.pk: row for row in dashboard.workplaces}
    for workplace in org.workplaces.values():
        expected = direct(org, workplace=workplace)
        if expected.required:
            assert as_tuple(rows[workplace.pk].total) == as_tuple(expected), workplace.name
    # A department's total holds its sections': A = A itself + A1 + A2.
    a, a1, a2 = (rows[org.workplaces[k].pk] for k in ("A", "A1", "A2"))
    assert a.total.required == a.own.required + a1.total.required + a2.total.required
    assert as_tuple(dashboard.totals) == as_tuple(direct(org))
    html = response.content.decode()
    assert f'<span class="stat-value">{dashboard.totals.overdue}</span>' in html
    assert "Odbor A – správní" in html and "Oddělení B1 – pokladna" in html


def test_per_course_numbers_equal_direct_counts(client, org):
    dashboard = client_for(client, org.hr).get("/reports/").context["dashboard"]
    by_course = {row.pk: row for row in dashboard.courses}
    for course in org.courses:
        expected = direct(org, course=course)
        if expected.required:
            assert as_tuple(by_course[course.pk].counts) == as_tuple(expected)
            assert by_course[course.pk].counts.rate == pytest.approx(
                100 * expected.completed / expected.required
            )


def test_trend_counts_what_fell_due_each_month(client, org):
    dashboard = client_for(client, org.hr).get("/reports/").context["dashboard"]
    assert len(dashboard.months) == 12
    assert dashboard.months[-1].month == org.today.replace(day=1)
    for row in dashboard.months:
        window = (row.month, hr.month_end(row.month))
        assert as_tuple(row.counts) == as_tuple(direct(org, due_in=window)), row.label
        completions = Assignment.objects.filter(
            status=Assignment.Status.COMPLETED, user__is_active=True
        )
        # Completions are counted in the month of the organisation's (Prague) calendar.
        expected = sum(
            1 for a in completions if window[0] <= timezone.localdate(a.completed_at) <= window[1]
        )
        assert row.completions == expected


def test_filters_narrow_every_number(client, org):
    a1, course = org.workplaces["A1"], org.courses[0]
    start, end = org.today - datetime.timedelta(days=60), org.today
    response = client_for(client, org.hr).get(
        "/reports/",
        {
            "workplace": a1.pk,
            "course": course.pk,
            "date_from": start.isoformat(),
            "date_to": end.isoformat(),
        },
    )
    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    # Only A1 and what is below it; undated assignments count by the day they were assigned,
    # which the seed puts months back, outside this period.
    assert {row.pk for row in dashboard.workplaces} == {a1.pk}
    assert as_tuple(dashboard.totals) == as_tuple(
        direct(org, workplace=a1, course=course, due_in=(start, end))
    )


def test_status_filter_shows_only_that_status(client, org):
    dashboard = (
        client_for(client, org.hr).get("/reports/", {"status": "overdue"}).context["dashboard"]
    )
    expected = direct(org, status="overdue")
    assert dashboard.totals.required == dashboard.totals.overdue == expected.required


def test_manager_sees_only_their_reporting_line(client, org):
    line = {u.pk for u in org.employees if u.manager_id in (org.head_a.pk, org.head_a1.pk)}
    line.add(org.head_a1.pk)
    response = client_for(client, org.head_a).get("/reports/")
    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    assert as_tuple(dashboard.totals) == as_tuple(direct(org, people=line))
    shown = {row.pk for row in dashboard.workplaces}
    assert org.workplaces["B"].pk not in shown and org.workplaces["B1"].pk not in shown
    assert "Oddělení B1 – pokladna" not in response.content.decode()
    # The workplace filter offers only the team's workplaces and their ancestors.
    offered = {w.pk for w in response.context["form"].fields["workplace"].queryset}
    assert offered == {org.workplaces[k].pk for k in ("A", "A1", "A2")}


def test_head_of_section_sees_only_the_section(client, org):
    people = {u.pk for u in org.employees if u.manager_id == org.head_a1.pk}
    dashboard = client_for(client, org.head_a1).get("/reports/").context["dashboard"]
    assert as_tuple(dashboard.totals) == as_tuple(direct(org, people=people))


def test_a_manager_editing_the_workplace_gets_404(client, org):
    c = client_for(client, org.head_a1)
    for key in ("B", "B1", "A2"):
        assert c.get("/reports/", {"workplace": org.workplaces[key].pk}).status_code == 404
        assert c.get("/reports/people/", {"workplace": org.workplaces[key].pk}).status_code == 404
        assert (
            c.get("/reports/export/workplaces.csv", {"workplace": org.workplaces[key].pk})
        ).status_code == 404
    assert c.get("/reports/", {"workplace": 999999}).status_code == 404


def test_a_manager_picking_an_ancestor_gains_nobody(client, org):
    people = {u.pk for u in org.employees if u.manager_id == org.head_a1.pk}
    c = client_for(client, org.head_a1)
    dashboard = c.get("/reports/", {"workplace": org.workplaces["A"].pk}).context["dashboard"]
    assert as_tuple(dashboard.totals) == as_tuple(direct(org, people=people))


def test_bad_dates_are_a_form_error_not_a_crash(client, org):
    response = client_for(client, org.hr).get(
        "/reports/", {"date_from": "2026-05-01", "date_to": "2026-01-01"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["date_to"]


@pytest.mark.parametrize(
    "url",
    [
        "/reports/",
        "/reports/people/",
        "/reports/overdue/",
        "/reports/security/",
        "/reports/evidence/",
        "/reports/export/workplaces.csv",
        "/reports/export/courses.xlsx",
        "/reports/people/export.csv",
        "/reports/security/export/pdca.csv",
    ],
)
def test_an_employee_is_refused_every_report(client, org, url):
    response = client_for(client, org.employee).get(url)
    assert response.status_code in (403, 404)
    assert b"Dvo" not in response.content  # no colleague's name leaks into an error page


def test_an_employee_cannot_request_exports(client, org):
    c = client_for(client, org.employee)
    assert c.post("/reports/exports/records/", {"format": "csv"}).status_code in (403, 404)
    assert c.post(
        "/reports/evidence/", {"date_from": "2026-01-01", "date_to": "2026-12-31"}
    ).status_code in (403, 404)


def test_anonymous_visitors_are_sent_to_log_in(client, org):
    response = client.get("/reports/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_manager_may_not_see_the_security_dashboard(client, org):
    assert client_for(client, org.head_a).get("/reports/security/").status_code == 403


def test_scope_is_derived_from_the_user(org):
    assert scope_for(org.hr).everyone and scope_for(org.security).everyone
    assert not scope_for(org.head_a).everyone
    assert scope_for(org.employee) is None


def test_a_completion_just_after_midnight_counts_in_its_local_month(org):
    """00:30 on the 1st in Prague is 23:30 the day before in UTC: it belongs to the 1st."""
    month = org.today.replace(day=1)
    moment = timezone.make_aware(datetime.datetime.combine(month, datetime.time(0, 30)))
    assert moment.astimezone(datetime.UTC).date() < month
    Assignment.objects.create(
        user=org.head_b,
        course=org.courses[0],
        status=Assignment.Status.COMPLETED,
        completed_at=moment,
        due_date=month,
    )
    rows = {
        r.month: r.completions
        for r in hr.month_rows(scope=scope_for(org.hr), filters=hr.Filters(), today=org.today)
    }
    completed = Assignment.objects.filter(status=Assignment.Status.COMPLETED, user__is_active=True)
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    for key in (month, previous):
        expected = sum(
            1 for a in completed if timezone.localdate(a.completed_at).replace(day=1) == key
        )
        assert rows[key] == expected, key


def test_every_page_renders_for_an_empty_organisation(client, db):
    hr_user = factories.UserFactory(roles=[HR, SECURITY_MANAGER])
    c = client_for(client, hr_user)
    for url in ("/reports/", "/reports/people/", "/reports/overdue/", "/reports/security/"):
        response = c.get(url)
        assert response.status_code == 200, url
    assert response.context["dashboard"].questions == []
    dashboard = c.get("/reports/").context["dashboard"]
    assert dashboard.totals.required == 0 and dashboard.workplaces == []
    assert c.get(f"/reports/people/{hr_user.pk}/pdf/").status_code == 200
