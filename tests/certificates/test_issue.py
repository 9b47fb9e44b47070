"""Issuing: exactly one certificate per completion, whoever asks how often, and what it freezes."""

import datetime
import re
import threading
import time
from decimal import Decimal

import pytest
import time_machine
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from certificates import services, validity
from certificates.models import Certificate, SerialCounter
from certificates.services import CertificateNotIssuable, certificate_issue
from certificates.tasks import certificate_issue_task, certificates_issue_missing_task
from courses.models import Assignment
from courses.services import lesson_complete
from courses.signals import assignment_completed
from tests import factories

pytestmark = pytest.mark.django_db

PRAGUE = datetime.timezone(datetime.timedelta(hours=1))


def complete_by_lessons(assignment):
    for lesson in factories.lessons_of(assignment.course):
        lesson_complete(assignment=assignment, lesson=lesson)


def test_completing_the_last_lesson_issues_a_certificate_with_a_stored_pdf(
    employee, course, django_capture_on_commit_callbacks
):
    assignment = factories.AssignmentFactory(user=employee, course=course)

    with django_capture_on_commit_callbacks(execute=True):
        complete_by_lessons(assignment)

    certificate = Certificate.objects.get(assignment=assignment)
    assignment.refresh_from_db()
    assert certificate.holder_name == "Jana Nováková"
    assert certificate.course_title == "Phishing a sociální inženýrství"
    assert certificate.course_version == course.version
    assert certificate.completed_on == timezone.localdate(assignment.completed_at)
    assert certificate.valid_until == validity.add_months(certificate.completed_on, 12)
    assert certificate.organisation_name
    assert re.fullmatch(r"\d{4}-\d{6}", certificate.serial_number)
    assert certificate.pdf.read().startswith(b"%PDF")


def test_verification_code_is_url_safe_and_at_least_128_bits(certificate):
    other = factories.issue_certificate(
        factories.CompletedAssignmentFactory(course=certificate.assignment.course)
    )

    for code in (certificate.verification_code, other.verification_code):
        assert re.fullmatch(r"[A-Za-z0-9_-]+", code)
        assert len(code) * 6 >= 128  # base64: six bits per character
    assert certificate.verification_code != other.verification_code


def test_the_same_completion_signalled_twice_gives_one_certificate(
    completed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assignment_completed.send(sender=Assignment, assignment=completed)
        assignment_completed.send(sender=Assignment, assignment=completed)

    assert Certificate.objects.filter(assignment=completed).count() == 1
    assert SerialCounter.objects.get().last_number == 1


def test_running_the_task_twice_changes_nothing(completed):
    certificate_issue_task.apply(args=[completed.pk])
    first = Certificate.objects.get(assignment=completed)

    certificate_issue_task.apply(args=[completed.pk])

    again = Certificate.objects.get(assignment=completed)
    assert (again.pk, again.serial_number, again.verification_code, again.pdf.name) == (
        first.pk,
        first.serial_number,
        first.verification_code,
        first.pdf.name,
    )
    assert Certificate.objects.count() == 1


def test_a_task_retried_after_a_storage_error_finishes_with_one_certificate(completed, monkeypatch):
    real_render = services.pdf.render_certificate
    calls = []

    def flaky_render(data):
        calls.append(data.serial_number)
        if len(calls) == 1:
            raise OSError("storage is briefly unavailable")
        return real_render(data)

    monkeypatch.setattr(services.pdf, "render_certificate", flaky_render)

    # throw=False: let eager mode handle the Retry the way a worker would, by running again.
    result = certificate_issue_task.apply(args=[completed.pk], throw=False)

    assert result.successful()
    assert len(calls) == 2  # the first run failed, the retry rendered
    certificate = Certificate.objects.get(assignment=completed)
    assert calls == [certificate.serial_number] * 2
    assert certificate.pdf.read().startswith(b"%PDF")
    assert Certificate.objects.count() == 1


def test_the_task_ignores_an_assignment_that_is_not_completed(employee, course):
    open_one = factories.AssignmentFactory(user=employee, course=course)

    certificate_issue_task.apply(args=[open_one.pk])
    certificate_issue_task.apply(args=[999_999])

    assert Certificate.objects.count() == 0
    with pytest.raises(CertificateNotIssuable):
        certificate_issue(assignment=open_one)


def test_catch_up_task_issues_what_was_missed(completed):
    assert certificates_issue_missing_task.apply().get() == 1

    certificate = Certificate.objects.get(assignment=completed)
    assert certificate.pdf
    assert certificates_issue_missing_task.apply().get() == 0


# serialized_rollback: start from the migrated data (page tree, role groups) and leave it for
# the next transactional test, as the other concurrency tests of the suite do.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_once_issue_one_certificate(employee, course, monkeypatch):
    assignment = factories.CompletedAssignmentFactory(user=employee, course=course)
    start = threading.Barrier(2, timeout=10)
    inside = threading.Barrier(2, timeout=10)
    real_holder_name = services._holder_name
    postgres = connection.vendor == "postgresql"

    def holder_name_after_meeting(user):
        # PostgreSQL: both workers are past the "already issued?" check and inside their
        # transactions before either goes on; the serial counter's row lock then queues them
        # and the unique constraint turns the second away. SQLite lets one writer in at a
        # time, so there they cannot meet inside.
        if postgres:
            inside.wait()
        return real_holder_name(user)

    monkeypatch.setattr(services, "_holder_name", holder_name_after_meeting)
    results: list[int] = []
    errors: list[BaseException] = []

    def worker():
        try:
            start.wait()
            # As the Celery task does (autoretry on DatabaseError): the test database is
            # SQLite's shared in-memory cache, which reports "table is locked" at once
            # instead of waiting for the other writer.
            for _attempt in range(200):
                try:
                    results.append(certificate_issue(assignment=assignment).pk)
                    break
                except OperationalError:
                    time.sleep(0.01)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    assert Certificate.objects.filter(assignment=assignment).count() == 1
    # The loser's serial number was rolled back with its insert: no gap in the sequence.
    assert SerialCounter.objects.get().last_number == 1


def test_a_worker_that_read_before_the_other_committed_gets_the_winners_certificate(
    certificate, monkeypatch
):
    """The path the unique constraint decides, on any database: the early check saw nothing."""
    monkeypatch.setattr(services, "_existing", lambda *, assignment_id: None)

    again = certificate_issue(assignment=certificate.assignment)

    assert again.pk == certificate.pk
    assert Certificate.objects.count() == 1
    assert SerialCounter.objects.get().last_number == 1


def test_the_database_refuses_a_second_certificate_for_one_assignment(certificate):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            assignment=certificate.assignment,
            serial_number="2099-999999",
            holder_name="X",
            course_title="Y",
            course_version=1,
            organisation_name="Z",
            completed_on=certificate.completed_on,
        )


@pytest.mark.parametrize(
    "changes",
    [
        {"revoked_at": "now"},
        {"revoke_reason": "bez data"},
        {"revoked_by": "someone", "revoke_reason": "bez data"},
    ],
    ids=["date-only", "reason-only", "author-without-date"],
)
def test_the_database_refuses_a_half_revoked_certificate(certificate, changes):
    values = {k: timezone.now() if v == "now" else v for k, v in changes.items()}
    if values.get("revoked_by") == "someone":
        values["revoked_by"] = certificate.assignment.user

    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(**values)


def test_the_system_may_revoke_without_an_author(certificate):
    # The retention purge revokes the certificates of the people it erases; nobody did it.
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revoke_reason="Osobní údaje držitele byly vymazány."
    )

    certificate.refresh_from_db()
    assert certificate.status == "revoked" and certificate.revoked_by is None


def test_serial_numbers_count_up_within_the_year_of_issue(course):
    with time_machine.travel(datetime.datetime(2027, 3, 1, 10, tzinfo=PRAGUE), tick=False):
        serials = [
            factories.issue_certificate(
                factories.CompletedAssignmentFactory(course=course), pdf=False
            ).serial_number
            for _ in range(3)
        ]

    assert serials == ["2027-000001", "2027-000002", "2027-000003"]


def test_the_snapshot_survives_later_changes_of_name_title_and_version(certificate, course):
    user = certificate.assignment.user
    user.last_name = "Svobodová"
    user.save()
    course.title = "Přejmenovaný kurz"
    course.version = 7
    course.save()

    fresh = Certificate.objects.get(pk=certificate.pk)
    assert fresh.holder_name == "Jana Nováková"
    assert fresh.course_title == "Phishing a sociální inženýrství"
    assert fresh.course_version == 1
    assert services.certificate_data(certificate=fresh).holder_name == "Jana Nováková"


def test_score_and_validity_come_from_the_completion(employee, course_index):
    course = factories.make_course(course_index, title="Hesla", lessons=1, refresher_months=24)
    completed_at = datetime.datetime(2026, 1, 31, 9, 0, tzinfo=PRAGUE)
    assignment = factories.CompletedAssignmentFactory(
        user=employee, course=course, completed_at=completed_at, score=Decimal("87.25")
    )

    certificate = factories.issue_certificate(assignment, pdf=False)

    assert certificate.completed_on == datetime.date(2026, 1, 31)
    assert certificate.score == Decimal("87.25")
    assert certificate.valid_until == datetime.date(2028, 1, 31)


def test_a_course_without_refreshers_gives_a_certificate_that_never_expires(employee, course_index):
    course = factories.make_course(course_index, title="Jednou", lessons=1, refresher_months=None)
    assignment = factories.CompletedAssignmentFactory(user=employee, course=course)

    certificate = factories.issue_certificate(assignment, pdf=False)

    assert certificate.valid_until is None
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3650)):
        assert certificate.status == "valid"


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime.date(2026, 11, 22), 24, datetime.date(2028, 11, 22)),
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 2, 29), 12, datetime.date(2029, 2, 28)),
        (datetime.date(2026, 12, 15), 1, datetime.date(2027, 1, 15)),
    ],
)
def test_months_are_added_like_a_calendar(start, months, expected):
    assert validity.add_months(start, months) == expected


def test_status_revoked_wins_and_the_last_day_is_still_valid():
    last_day = datetime.date(2027, 6, 30)
    now = timezone.now()

    assert validity.status(revoked_at=None, valid_until=last_day, today=last_day) == "valid"
    assert (
        validity.status(
            revoked_at=None, valid_until=last_day, today=last_day + datetime.timedelta(days=1)
        )
        == "expired"
    )
    assert validity.status(revoked_at=now, valid_until=None, today=last_day) == "revoked"
