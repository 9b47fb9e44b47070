"""Jobs in bulk: a quiet day costs one SELECT, and records never touch the reference index."""

import datetime
import sqlite3

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry, ReferenceIndex

from automation import services
from automation.models import Notification, OutboxEmail
from certificates.models import Certificate
from courses.models import Assignment
from organisation.models import User
from organisation.roles import HR
from tests import factories

pytestmark = pytest.mark.django_db


def _people(count: int):
    return [
        factories.UserFactory(first_name=f"Jana{i}", last_name="Nováková") for i in range(count)
    ]


@pytest.mark.parametrize("count", [3, 30])
def test_a_day_with_no_rung_due_costs_one_query_however_many_are_open(
    count, course, django_assert_num_queries
):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        for person in _people(count):
            factories.assign(person, course, due_in=30)
        assert services.reminders_run()["sent"] == count
        traveller.shift(datetime.timedelta(days=3))  # 27 days left: no rung until before_7
        # The settings lookup (site, settings row) and the one candidate query.
        with django_assert_num_queries(3):
            assert services.reminders_run() == {"sent": 0, "skipped": 0}


def test_the_sql_candidates_are_exactly_the_assignments_the_ladder_acts_on(course):
    today = timezone.localdate()
    people = _people(4)
    quiet = factories.assign(people[0], course, due_in=30)
    week = factories.assign(people[1], course, due_in=5)
    overdue = factories.assign(people[2], course, due_in=-2)
    fresh = factories.assign(people[3], course, due_in=60)
    for assignment in (quiet, week, overdue):
        Notification.objects.create(
            key=f"reminder:{assignment.pk}:assigned",
            kind=Notification.Kind.REMINDER,
            step="assigned",
            recipient=assignment.user,
            assignment=assignment,
        )
    found = set(services.reminder_candidates(today=today, days_before=[7, 1]))
    assert found == {week, overdue, fresh}
    services.reminders_run(today=today)
    steps = dict(
        Notification.objects.filter(kind=Notification.Kind.REMINDER, skipped=False)
        .exclude(step="assigned")
        .values_list("assignment_id", "step")
    )
    assert steps == {week.pk: "before_7", overdue.pk: "overdue"}
    assert set(services.reminder_candidates(today=today, days_before=[7, 1])) == set()


def test_assignments_and_ledger_rows_are_not_written_to_the_reference_index(people, course):
    factories.assign(people["employee"], course, due_in=10)
    services.reminders_run()
    for model in (Assignment, Notification):
        content_type = ContentType.objects.get_for_model(model)
        assert not ReferenceIndex.objects.filter(content_type=content_type).exists()


# --- the batch path writes what the one-by-one path wrote -------------------------------


def _ledger():
    """Every ledger row with its e-mail, as comparable values (ids of people and assignments)."""
    return sorted(
        (
            n.key,
            n.kind,
            n.step,
            n.skipped,
            n.recipient_id,
            n.assignment_id,
            (n.email.to, n.email.subject, n.email.body_text, n.email.body_html, n.email.ics)
            if n.email
            else None,
        )
        for n in Notification.objects.select_related("email")
    )


def _reset_ledger():
    Notification.objects.all().delete()
    OutboxEmail.objects.all().delete()


def _one_by_one(monkeypatch):
    """The batch write refuses, as on a conflict: every group goes through `_record` alone."""
    monkeypatch.setattr(services, "_record_many", lambda groups: False)


def _mixed_reminders(people, course, course_index):
    """Assignments on every rung: new, shortly before due, overdue, reminded by hand today."""
    english = factories.UserFactory(first_name="John", last_name="Smith", language="en")
    other = factories.make_course(course_index, title="Hesla", lessons=1)
    factories.assign(people["employee"], course, due_in=20)
    factories.assign(people["employee"], other, due_in=3)
    factories.assign(english, course, due_in=-4)
    by_hand = factories.assign(factories.UserFactory(first_name="Šárka"), other, due_in=-1)
    Assignment.objects.create(user=english, course=other)  # no due date
    services.reminders_send_now(
        assignments=Assignment.objects.filter(pk=by_hand.pk), by=people["hr"]
    )


def test_batched_reminders_write_the_same_rows_and_e_mails_as_one_by_one(
    people, course, course_index, monkeypatch
):
    with time_machine.travel(timezone.now(), tick=False):
        _mixed_reminders(people, course, course_index)
        by_hand = _ledger()
        with monkeypatch.context() as patch:
            _one_by_one(patch)
            one_by_one = services.reminders_run()
        expected = _ledger()
        _reset_ledger()
        services.reminders_send_now(
            assignments=Assignment.objects.filter(user__first_name="Šárka"), by=people["hr"]
        )
        assert _ledger() == by_hand
        assert services.reminders_run() == one_by_one
        assert one_by_one == {"sent": 4, "skipped": 7}
        assert _ledger() == expected


def test_batched_escalation_writes_the_same_rows_and_e_mails_as_one_by_one(
    people, course, monkeypatch
):
    other_manager = factories.UserFactory(first_name="Ondřej", email="ondrej@example.cz")
    for person in (
        people["employee"],
        factories.UserFactory(first_name="Eva", manager=people["manager"]),
        factories.UserFactory(first_name="Radek", manager=other_manager),
        factories.UserFactory(first_name="Bez vedoucího"),
    ):
        factories.assign(person, course, due_in=-12)
    with time_machine.travel(timezone.now(), tick=False):
        with monkeypatch.context() as patch:
            _one_by_one(patch)
            one_by_one = services.escalation_run()
        expected = _ledger()
        _reset_ledger()
        assert services.escalation_run() == one_by_one
    assert one_by_one == {"assignments": 4, "manager_emails": 2, "hr_emails": 1}
    assert _ledger() == expected


def _certificate(user, course, *, expires_in: int):
    assignment = factories.CompletedAssignmentFactory(user=user, course=course)
    certificate = factories.issue_certificate(assignment, pdf=False)
    certificate.valid_until = timezone.localdate() + datetime.timedelta(days=expires_in)
    certificate.save(update_fields=["valid_until"])
    return certificate


def _refreshers():
    """The refresher assignments with their audit entries, as comparable values."""
    rows = []
    for a in Assignment.objects.filter(source=Assignment.Source.REFRESHER):
        entries = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Assignment), object_id=str(a.pk)
        )
        rows.append(
            (
                a.user_id,
                a.course_id,
                a.due_date,
                a.reason,
                a.status,
                sorted((e.action, e.label, str(e.data), e.user_id) for e in entries),
            )
        )
    return sorted(rows)


def test_batched_refreshers_write_the_same_assignments_audit_and_e_mails_as_one_by_one(
    people, course_index, monkeypatch
):
    yearly = factories.make_course(course_index, title="Phishing", lessons=1, refresher_months=12)
    early = factories.make_course(
        course_index, title="Spisová služba", lessons=1, refresher_months=12, refresher_lead_days=60
    )
    _certificate(people["employee"], yearly, expires_in=10)
    _certificate(people["employee"], early, expires_in=45)
    _certificate(people["manager"], yearly, expires_in=45)  # outside the default 30 days
    # Already has an open assignment of the course: it is kept, its due date moves earlier.
    _certificate(people["hr"], yearly, expires_in=5)
    factories.assign(people["hr"], yearly, due_in=20)

    def refresher_ids():
        return list(
            Assignment.objects.filter(source=Assignment.Source.REFRESHER).values_list(
                "pk", flat=True
            )
        )

    with time_machine.travel(timezone.now(), tick=False):
        with monkeypatch.context() as patch:
            patch.setattr(
                services.course_services,
                "assignments_create_new",
                lambda assignments: (_ for _ in ()).throw(IntegrityError("one by one")),
            )
            one_by_one = services.refreshers_run()
        expected = (_ledger_without_ids(), _refreshers())
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Assignment),
            object_id__in=[str(pk) for pk in refresher_ids()],
        ).delete()
        Assignment.objects.filter(pk__in=refresher_ids()).delete()
        Assignment.objects.filter(user=people["hr"], status="assigned").update(
            due_date=timezone.localdate() + datetime.timedelta(days=20),
            source=Assignment.Source.MANUAL,
        )
        _reset_ledger()
        assert services.refreshers_run() == one_by_one == {"refreshers": 3}
        assert (_ledger_without_ids(), _refreshers()) == expected
    hr_open = Assignment.objects.get(user=people["hr"], course=yearly, status="assigned")
    assert hr_open.due_date == timezone.localdate() + datetime.timedelta(days=5)


def _ledger_without_ids():
    """The ledger with each assignment named by person and course (refreshers make new ids)."""
    return sorted(
        (
            n.key,
            n.kind,
            n.step,
            n.recipient_id,
            (n.assignment.user_id, n.assignment.course_id, n.assignment.due_date),
            (n.email.to, n.email.subject, n.email.body_text, n.email.body_html),
        )
        for n in Notification.objects.select_related("email", "assignment")
    )


def test_a_key_another_run_recorded_meanwhile_is_skipped_and_the_rest_recorded_once(
    course, monkeypatch
):
    people = _people(5)
    assignments = [factories.assign(p, course, due_in=20) for p in people]
    taken = assignments[2]
    render = services._reminder_email
    other_run = []

    def render_while_another_run_records(assignment, step, **kwargs):
        # Another run commits this key between our read of the ledger and our write.
        if not other_run:
            other_run.append(taken)
            Notification.objects.create(
                key=f"reminder:{taken.pk}:assigned",
                kind=Notification.Kind.REMINDER,
                step="assigned",
                recipient=taken.user,
                assignment=taken,
            )
        return render(assignment, step, **kwargs)

    monkeypatch.setattr(services, "_reminder_email", render_while_another_run_records)
    assert services.reminders_run() == {"sent": 4, "skipped": 0}
    assert Notification.objects.count() == 5
    assert OutboxEmail.objects.count() == 4
    assert not Notification.objects.get(assignment=taken).email
    assert all(n.email for n in Notification.objects.exclude(assignment=taken))


# --- the number of queries does not grow with the rows due ------------------------------


@pytest.fixture
def one_chunk(monkeypatch):
    """All rows due in one chunk, and bulk INSERTs as SQLite really takes them.

    Django 5.2 splits a bulk INSERT on SQLite into statements of 999 parameters, the limit
    of SQLite before 3.32; the SQLite linked here takes 32,766 (Django 6 reads the real one).
    """
    monkeypatch.setattr(services, "CHUNK", 2000)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        monkeypatch.setattr(connection.features, "max_query_params", limit)


def _employees(count: int, prefix: str):
    """`count` people, ten to a manager."""
    workplace = factories.WorkplaceFactory()
    managers = User.objects.bulk_create(
        User(email=f"{prefix}-vedouci{i}@example.cz", first_name="Marie", workplace=workplace)
        for i in range(max(1, count // 10))
    )
    return User.objects.bulk_create(
        User(
            email=f"{prefix}{i}@example.cz",
            first_name="Jiří",
            last_name=f"Kůň {i}",
            workplace=workplace,
            manager=managers[i // 10],
        )
        for i in range(count)
    )


def _due(job: str, course, users) -> None:
    """Rows the job has to act on today, one per person."""
    today = timezone.localdate()
    if job != "refreshers":
        due = today + datetime.timedelta(days=20 if job == "reminders" else -9)
        Assignment.objects.bulk_create(
            Assignment(user=u, course=course, due_date=due) for u in users
        )
        return
    done = Assignment.objects.bulk_create(
        Assignment(
            user=u,
            course=course,
            status=Assignment.Status.COMPLETED,
            completed_at=timezone.now(),
            completed_version=1,
            score=90,
        )
        for u in users
    )
    Certificate.objects.bulk_create(
        Certificate(
            assignment=a,
            serial_number=f"H-{a.pk:07d}",
            verification_code=f"kod-{a.pk}",
            holder_name="Jiří Kůň",
            course_title=course.title,
            course_version=1,
            organisation_name="Magistrát",
            completed_on=today,
            valid_until=today + datetime.timedelta(days=10),
        )
        for a in done
    )


@pytest.mark.parametrize(
    ("job", "expected"),
    [
        ("reminders", {"sent": 1000, "skipped": 0}),
        ("escalation", {"assignments": 1000, "manager_emails": 100, "hr_emails": 1}),
        ("refreshers", {"refreshers": 1000}),
    ],
)
def test_ten_or_a_thousand_rows_due_cost_the_same_queries(
    job, expected, site, one_chunk, django_assert_max_num_queries
):
    course = factories.make_course(site[1], title="Hesla", lessons=1, refresher_months=12)
    factories.UserFactory(email="personalni@example.cz", roles=[HR])  # escalation's HR list
    run = getattr(services, f"{job}_run")
    _due(job, course, _employees(10, "malo"))
    with CaptureQueriesContext(connection) as small:
        run()
    assert Notification.objects.count() == 10 * (2 if job == "escalation" else 1)
    _due(job, course, _employees(1000, "hodne"))
    with django_assert_max_num_queries(len(small)):
        assert run() == expected


def test_refreshers_in_bulk_write_nothing_to_the_reference_index(site):
    course = factories.make_course(site[1], title="Hesla", lessons=1, refresher_months=12)
    _due("refreshers", course, _employees(3, "index"))
    before = ReferenceIndex.objects.count()
    assert services.refreshers_run() == {"refreshers": 3}
    assert ReferenceIndex.objects.count() == before
