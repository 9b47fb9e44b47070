"""Chasing the overdue from HR's lists: reminders now (once a day), due dates, a course assigned."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from automation.models import Notification, OutboxEmail
from automation.services import outbox_flush, reminders_run
from courses.models import Assignment
from organisation.models import User
from tests import factories
from tests.reports import reports_data
from tests.reports.reports_data import add_employees, build_org, client_for

org = reports_data.org  # the shared fixture: an organisation with 24 employees

pytestmark = pytest.mark.django_db

BULK = "/reports/people/bulk/"


def overdue(org, *, people=None) -> list[Assignment]:
    """Overdue assignments the scheduled job reminds too (not an optional self-enrolment)."""
    queryset = (
        Assignment.objects.filter(
            status=Assignment.Status.ASSIGNED, due_date__lt=org.today, user__is_active=True
        )
        .exclude(source=Assignment.Source.SELF)
        .order_by("due_date", "pk")
    )
    if people is not None:
        queryset = queryset.filter(user__in=people)
    return list(queryset.select_related("user", "course"))


def two_people(org, people=None) -> list[Assignment]:
    """Overdue assignments of two different people."""
    chosen, seen = [], set()
    for a in overdue(org, people=people):
        if a.user_id not in seen:
            chosen.append(a)
            seen.add(a.user_id)
        if len(chosen) == 2:
            return chosen
    raise AssertionError("the data has fewer than two overdue people")


def post(c, action, assignments, *, confirm=True, **data):
    payload = {
        "action": action,
        "ids": [str(a.pk) for a in assignments],
        "next": "/reports/overdue/",
        **data,
    }
    if confirm:
        payload["confirm"] = "1"
    return c.post(BULK, payload)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def follow_messages(c, response) -> str:
    assert response.status_code == 302, response.content[:500]
    return " ".join(str(m) for m in c.get(response["Location"]).context["messages"])


def due_dates(assignments) -> dict[int, datetime.date | None]:
    return dict(
        Assignment.objects.filter(pk__in=[a.pk for a in assignments]).values_list("pk", "due_date")
    )


# --- The lists ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/reports/overdue/", "/reports/people/"])
def test_lists_show_email_manager_a_checkbox_per_row_and_the_bulk_actions(client, org, url):
    response = client_for(client, org.hr).get(url)
    html = response.content.decode()
    row = next(
        r.assignment
        for r in response.context["listing"].page.object_list
        if r.assignment.status == Assignment.Status.ASSIGNED
    )
    assert '<th scope="col">E-mail</th>' in html
    assert '<th scope="col">Vedoucí</th>' in html
    assert f'<a href="mailto:{row.user.email}">{row.user.email}</a>' in html
    assert str(row.user.manager) in html
    assert f'name="ids" value="{row.pk}"' in html
    assert "Vybrat vše na této stránce" in html
    for label in ("Poslat připomínku hned", "Prodloužit termín", "Přidělit kurz"):
        assert f">{label}</button>" in html
    assert f'formaction="/reports/people/remind/{row.pk}/"' in html


def test_a_manager_without_the_permissions_gets_the_list_without_actions(client, org):
    response = client_for(client, org.head_a1).get("/reports/overdue/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="ids"' not in html
    assert "/reports/people/bulk/" not in html
    assert "E-mail" in html


def test_the_export_has_email_and_manager_columns(client, org):
    response = client_for(client, org.hr).get("/reports/people/export.csv?overdue=1")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    heading, first = text.splitlines()[:2]
    assert "E-mail" in heading.split(";") or "E-mail" in heading.split(",")
    assert "Vedoucí" in heading
    a = overdue(org)[0]
    assert a.user.email in text
    assert a.user.manager.last_name in text
    assert first


# --- Reminder now ------------------------------------------------------------------------------


def test_the_first_post_only_asks_to_confirm_with_the_count(client, org):
    chosen = two_people(org)
    response = post(client_for(client, org.hr), "remind", chosen, confirm=False)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vybráno: 2 osoby, 2 přidělení." in html
    assert chosen[0].user.email in html
    assert OutboxEmail.objects.count() == 0
    assert not Notification.objects.exists()


def test_bulk_reminder_sends_once_per_person_a_day(client, org):
    chosen = two_people(org)
    c = client_for(client, org.hr)
    text = follow_messages(c, post(c, "remind", chosen))
    assert text == "Odeslány 2 připomínky."
    emails = OutboxEmail.objects.order_by("pk")
    assert sorted(e.to for e in emails) == sorted([a.user.email] for a in chosen)
    assert "po termínu" in emails[0].subject
    today = org.today.isoformat()
    assert set(Notification.objects.values_list("key", flat=True)) == {
        f"reminder-now:{a.user_id}:{today}" for a in chosen
    }
    entries = ModelLogEntry.objects.filter(action="automation.remind_now")
    assert sorted(int(e.object_id) for e in entries) == sorted(a.pk for a in chosen)
    assert {e.user_id for e in entries} == {org.hr.pk}

    # A second click the same day sends nothing more, and says so.
    text = follow_messages(c, post(c, "remind", chosen))
    assert text == "Odesláno 0 připomínek. 2 připomínky vynechány: dnes už byly odeslány."
    assert OutboxEmail.objects.count() == 2
    assert ModelLogEntry.objects.filter(action="automation.remind_now").count() == 2


def test_a_person_with_two_overdue_courses_gets_one_reminder_a_day(client, org, course_index):
    first = overdue(org)[0]
    other = factories.make_course(course_index, title="Hesla a přístupy", lessons=1)
    second = factories.assign(first.user, other, due_in=-1, today=org.today)
    c = client_for(client, org.hr)
    text = follow_messages(c, post(c, "remind", [first, second]))
    assert text == "Odeslána 1 připomínka. 1 připomínka vynechána: dnes už byla odeslána."
    [email] = OutboxEmail.objects.filter(to=[first.user.email])
    # The most urgent course is the one named; My training lists the other.
    assert email.effects.get().assignment == min((first, second), key=lambda a: a.due_date)
    # Nor does the row's own button of the other course send a second one today.
    c.post(f"/reports/people/remind/{second.pk}/", {"next": "/reports/overdue/"})
    assert OutboxEmail.objects.filter(to=[first.user.email]).count() == 1


def test_the_rows_own_button_sends_one_reminder_and_a_second_click_none(client, org):
    a = overdue(org)[0]
    c = client_for(client, org.hr)
    url = f"/reports/people/remind/{a.pk}/"
    assert follow_messages(c, c.post(url, {"next": "/reports/overdue/"})) == (
        "Odeslána 1 připomínka."
    )
    assert follow_messages(c, c.post(url, {"next": "/reports/overdue/"})) == (
        "Odesláno 0 připomínek. 1 připomínka vynechána: dnes už byla odeslána."
    )
    assert OutboxEmail.objects.filter(to=[a.user.email]).count() == 1
    outbox_flush()
    # The list shows when the last reminder went out.
    page = c.get("/reports/overdue/")
    row = next(r for r in page.context["listing"].page.object_list if r.assignment.pk == a.pk)
    assert row.last_reminder is not None


def test_the_scheduled_job_sends_nothing_more_the_same_day(client, org):
    a = overdue(org)[0]
    c = client_for(client, org.hr)
    c.post(f"/reports/people/remind/{a.pk}/", {"next": "/reports/overdue/"})
    reminders_run(today=org.today)
    assert OutboxEmail.objects.filter(to=[a.user.email], effects__assignment=a).count() == 1
    assert Notification.objects.filter(assignment=a, skipped=False).count() == 1
    # The next day the job sends the step it held back.
    reminders_run(today=org.today + datetime.timedelta(days=1))
    assert Notification.objects.filter(assignment=a, skipped=False).count() == 2


def test_a_reminder_the_job_sent_today_counts_as_sent(client, org):
    a = overdue(org)[0]
    reminders_run(today=org.today)
    assert Notification.objects.filter(assignment=a, skipped=False).count() == 1
    c = client_for(client, org.hr)
    text = follow_messages(c, post(c, "remind", [a]))
    assert "1 připomínka vynechána" in text
    assert Notification.objects.filter(assignment=a, skipped=False).count() == 1


def test_completed_training_gets_no_reminder(client, org):
    done = Assignment.objects.filter(status=Assignment.Status.COMPLETED).first()
    c = client_for(client, org.hr)
    text = follow_messages(c, post(c, "remind", [done]))
    assert "1 připomínka neodeslána: školení je splněné nebo už není povinné." in text
    assert OutboxEmail.objects.count() == 0


# --- Extending due dates -----------------------------------------------------------------------


def test_extension_to_a_past_date_is_refused_in_czech_and_changes_nothing(client, org):
    chosen = two_people(org)
    before = due_dates(chosen)
    c = client_for(client, org.hr)
    response = post(c, "extend", chosen, due_date=org.today.isoformat())
    assert response.status_code == 400
    assert "Nový termín musí být v budoucnosti." in response.content.decode()
    assert due_dates(chosen) == before
    assert not ModelLogEntry.objects.filter(action="courses.extend_due_date").exists()


def test_extension_moves_open_due_dates_later_and_is_audited(client, org):
    chosen = two_people(org)
    done = Assignment.objects.filter(status=Assignment.Status.COMPLETED).first()
    later = org.today + datetime.timedelta(days=30)
    c = client_for(client, org.hr)
    text = follow_messages(c, post(c, "extend", [*chosen, done], due_date=later.isoformat()))
    assert text == (
        f"2 přidělení mají nový termín {later.day}. {later.month}. {later.year}. "
        "1 přidělení beze změny (splněné, bez termínu nebo s pozdějším termínem)."
    )
    assert set(due_dates(chosen).values()) == {later}
    done_before = done.due_date
    done.refresh_from_db()
    assert done.due_date == done_before
    entries = ModelLogEntry.objects.filter(action="courses.extend_due_date")
    assert sorted(int(e.object_id) for e in entries) == sorted(a.pk for a in chosen)
    entry = entries.get(object_id=str(chosen[0].pk))
    assert entry.user_id == org.hr.pk
    assert entry.data["old_due_date"] == chosen[0].due_date.isoformat()
    assert entry.data["due_date"] == later.isoformat()


# --- Assigning a course ------------------------------------------------------------------------


def test_bulk_assignment_reuses_the_assignment_rules(client, org, course_index):
    from tests import factories

    new_course = factories.make_course(course_index, title="Hesla a přihlašování", lessons=1)
    chosen = two_people(org)
    # One of them has it open already: nobody gets it twice.
    Assignment.objects.create(
        user=chosen[0].user, course=new_course, due_date=org.today + datetime.timedelta(days=5)
    )
    due = org.today + datetime.timedelta(days=20)
    c = client_for(client, org.hr)
    response = post(
        c, "assign", chosen, course=new_course.pk, due_date=due.isoformat(), reason="Nový kurz."
    )
    text = follow_messages(c, response)
    assert text.startswith("Kurz „Hesla a přihlašování“ byl přidělen 1 osobě.")
    assert "1 osoba ho už měla přidělený" in text
    rows = Assignment.objects.filter(course=new_course, status=Assignment.Status.ASSIGNED)
    assert sorted(rows.values_list("user_id", flat=True)) == sorted(a.user_id for a in chosen)
    made = rows.get(user=chosen[1].user)
    assert (made.due_date, made.assigned_by_id, made.reason) == (due, org.hr.pk, "Nový kurz.")
    assert ModelLogEntry.objects.filter(
        action="courses.assign", object_id=str(made.pk), user=org.hr
    ).exists()


def test_bulk_assignment_needs_a_course_and_a_reason(client, org):
    chosen = two_people(org)
    count = Assignment.objects.count()
    response = post(client_for(client, org.hr), "assign", chosen, due_date="")
    assert response.status_code == 400
    assert response.content.decode().count("Toto pole je povinné.") == 3
    assert Assignment.objects.count() == count


# --- Permissions, scope and forged requests ----------------------------------------------------


@pytest.mark.parametrize("action", ["remind", "extend", "assign"])
def test_a_manager_without_the_permission_gets_403_and_nothing_changes(client, org, action):
    team = User.objects.filter(manager__in=[org.head_a, org.head_a1])
    chosen = two_people(org, people=team)
    before = due_dates(chosen)
    later = (org.today + datetime.timedelta(days=9)).isoformat()
    response = post(
        client_for(client, org.head_a), action, chosen, due_date=later, reason="x", course=""
    )
    assert response.status_code == 403
    assert due_dates(chosen) == before
    assert OutboxEmail.objects.count() == 0


def test_the_security_manager_may_extend_but_not_send_reminders(client, org):
    chosen = two_people(org)
    c = client_for(client, org.security)
    assert post(c, "remind", chosen).status_code == 403
    assert c.post(f"/reports/people/remind/{chosen[0].pk}/").status_code == 403
    assert OutboxEmail.objects.count() == 0
    assert post(c, "extend", chosen, confirm=False).status_code == 200


def test_an_employee_without_anyone_to_report_on_gets_403(client, org):
    chosen = two_people(org)
    assert post(client_for(client, org.employee), "remind", chosen).status_code == 403
    assert OutboxEmail.objects.count() == 0


def _grant(user, *codenames):
    for codename in codenames:
        app, name = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=name)
        )
    return User.objects.get(pk=user.pk)  # a fresh object: no cached permissions


def test_with_the_permission_a_manager_acts_only_on_their_own_people(client, org):
    head = _grant(org.head_a, "reports.send_reminders", "courses.change_assignment")
    # The head of A's reporting line: their people and, through the head of A1, A1's.
    team = User.objects.filter(manager__in=[org.head_a, org.head_a1])
    mine = two_people(org, people=team)
    theirs = overdue(org, people=User.objects.filter(manager=org.head_b))[0]
    c = client_for(client, head)
    later = (org.today + datetime.timedelta(days=9)).isoformat()
    before = due_dates([*mine, theirs])
    # One id outside the scope spoils the whole request: 404, nothing sent or changed.
    assert post(c, "remind", [*mine, theirs]).status_code == 404
    assert post(c, "extend", [*mine, theirs], due_date=later).status_code == 404
    assert c.post(f"/reports/people/remind/{theirs.pk}/").status_code == 404
    assert OutboxEmail.objects.count() == 0
    assert due_dates([*mine, theirs]) == before
    # Their own people are fine.
    assert follow_messages(c, post(c, "remind", mine)) == "Odeslány 2 připomínky."


def test_tampered_ids_are_refused_and_change_nothing(client, org):
    chosen = two_people(org)
    c = client_for(client, org.hr)
    missing = Assignment.objects.order_by("-pk").first().pk + 1000
    base = {"action": "remind", "confirm": "1", "next": "/reports/overdue/"}
    assert c.post(BULK, {**base, "ids": [chosen[0].pk, missing]}).status_code == 404
    assert c.post(BULK, {**base, "ids": [chosen[0].pk, "1; DROP"]}).status_code == 400
    assert c.post(BULK, {**base, "ids": [chosen[0].pk], "action": "delete"}).status_code == 400
    assert c.post(f"/reports/people/remind/{missing}/").status_code == 404
    assert OutboxEmail.objects.count() == 0
    assert not ModelLogEntry.objects.filter(action="automation.remind_now").exists()


def test_nothing_ticked_goes_back_with_a_message(client, org):
    c = client_for(client, org.hr)
    response = c.post(BULK, {"action": "remind", "next": "/reports/people/?status=overdue"})
    assert response["Location"] == "/reports/people/?status=overdue"
    assert "Nejdřív v seznamu vyberte" in follow_messages(c, response)


def test_get_never_acts_and_a_foreign_next_is_ignored(client, org):
    a = overdue(org)[0]
    c = client_for(client, org.hr)
    assert c.get(BULK, {"action": "remind", "ids": a.pk, "confirm": 1}).status_code == 405
    assert c.get(f"/reports/people/remind/{a.pk}/").status_code == 405
    response = c.post(f"/reports/people/remind/{a.pk}/", {"next": "https://evil.example/"})
    assert response["Location"] == "/reports/overdue/"
    assert OutboxEmail.objects.count() == 1


def test_csrf_is_required(org):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    c.force_login(org.hr)
    a = overdue(org)[0]
    assert c.post(f"/reports/people/remind/{a.pk}/").status_code == 403
    assert OutboxEmail.objects.count() == 0


# --- Query counts ------------------------------------------------------------------------------


def _measure(client, org) -> dict[str, int]:
    c = client_for(client, org.hr)
    chosen = [a.pk for a in overdue(org)[:40]]
    requests = {
        "overdue": lambda: c.get("/reports/overdue/"),
        "people": lambda: c.get("/reports/people/"),
        "confirm": lambda: c.post(BULK, {"action": "extend", "ids": chosen}),
    }
    counts = {}
    for name, request in requests.items():
        request()  # warm caches outside the measurement
        with CaptureQueriesContext(connection) as queries:
            response = request()
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_list_and_confirmation_query_counts_stay_flat(
    client, course_index, django_assert_max_num_queries
):
    org = build_org(course_index, employees=10)
    # Reminders on the page: the "last reminder" column reads them in one query.
    reminders_run(today=org.today)
    small = _measure(client, org)
    add_employees(org, 200)
    reminders_run(today=org.today)
    large = _measure(client, org)
    assert large == small
    c = client_for(client, org.hr)
    with django_assert_max_num_queries(max(small.values())):
        c.get("/reports/overdue/")
