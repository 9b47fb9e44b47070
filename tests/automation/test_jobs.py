"""Each Act-phase job: what it records and sends, and that running it twice changes nothing."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from automation import services
from automation.models import JobRun, Notification, OutboxEmail
from courses.models import Assignment
from risk.models import RiskReview
from tests import factories

pytestmark = pytest.mark.django_db


def _run(name: str, today=None):
    services.job_run(name=name, today=today)
    services.outbox_flush()


def test_new_assignment_gets_a_czech_reminder_with_link_and_calendar(people, course):
    assignment = factories.assign(people["employee"], course, due_in=20)
    _run("reminders")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jana@example.cz"]
    assert message.subject == f"Nové školení: {course.title}"
    assert "Dobrý den, Jano," in message.body  # the vocative
    assert "http://127.0.0.1:8000" + course.url in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert course.title in html
    name, ics, ics_type = message.attachments[0]
    assert name == "skoleni.ics"
    assert ics_type.startswith("text/calendar")
    assert f"DTSTART;VALUE=DATE:{assignment.due_date:%Y%m%d}" in ics
    _run("reminders")
    assert len(mail.outbox) == 1


def test_reminder_in_the_employees_language(people, course):
    people["employee"].language = "en"
    people["employee"].save()
    factories.assign(people["employee"], course, due_in=20)
    _run("reminders")
    assert mail.outbox[0].subject == f"New training: {course.title}"


def test_sixty_days_of_daily_runs_send_each_reminder_once(people, course):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        assignment = factories.assign(people["employee"], course, due_in=30)
        for _day in range(60):
            _run("reminders")
            traveller.shift(datetime.timedelta(days=1))
    steps = list(
        Notification.objects.filter(assignment=assignment, skipped=False)
        .order_by("created_at")
        .values_list("step", flat=True)
    )
    assert steps == ["assigned", "before_7", "before_1", "overdue"]
    subjects = [m.subject for m in mail.outbox]
    assert len(subjects) == 4
    assert subjects[-1] == f"Školení po termínu: {course.title}"


def test_completed_and_self_chosen_courses_get_no_reminders(people, course, course_index):
    done = factories.assign(people["employee"], course, due_in=5)
    Assignment.objects.filter(pk=done.pk).update(
        status=Assignment.Status.COMPLETED, completed_at=timezone.now()
    )
    other = factories.make_course(course_index, title="Hesla", lessons=1)
    Assignment.objects.create(user=people["employee"], course=other, source=Assignment.Source.SELF)
    _run("reminders")
    assert mail.outbox == []


def test_escalation_sends_one_list_per_manager_and_one_to_hr_once(people, course, course_index):
    second_manager = factories.UserFactory(first_name="Ondřej", email="ondrej@example.cz")
    other = factories.UserFactory(
        first_name="Radek", email="radek@example.cz", manager=second_manager
    )
    third = factories.UserFactory(
        first_name="Eva", email="eva@example.cz", manager=people["manager"]
    )
    late = [factories.assign(p, course, due_in=-10) for p in (people["employee"], other, third)]
    factories.assign(factories.UserFactory(manager=people["manager"]), course, due_in=-3)  # not yet
    _run("escalation")
    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert set(by_recipient) == {("marie@example.cz",), ("ondrej@example.cz",), ("hr@example.cz",)}
    marie = by_recipient[("marie@example.cz",)].body
    assert "Nováková" in marie and "10 dní po termínu" in marie
    assert "Radek" not in marie
    hr_body = by_recipient[("hr@example.cz",)].body
    assert all(a.user.last_name in hr_body for a in late)
    assert Notification.objects.filter(kind="escalation").count() == 3 + 3
    _run("escalation")
    assert len(mail.outbox) == 3


def _completed_with_certificate(user, course, *, completed_days_ago: int):
    from certificates.services import certificate_issue

    assignment = factories.assign(user, course, due_in=10)
    completed = timezone.now() - datetime.timedelta(days=completed_days_ago)
    Assignment.objects.filter(pk=assignment.pk).update(
        status=Assignment.Status.COMPLETED,
        completed_at=completed,
        completed_version=1,
        score=90,
    )
    assignment.refresh_from_db()
    return certificate_issue(assignment=assignment)


def test_refresher_assigned_once_before_expiry_and_history_kept(people, course_index):
    course = factories.make_course(course_index, title="Phishing", lessons=1, refresher_months=12)
    # Completed ~11.5 months ago: the certificate expires in about two weeks.
    certificate = _completed_with_certificate(people["employee"], course, completed_days_ago=350)
    old_assignment_id = certificate.assignment_id
    _run("refreshers")
    refresher = Assignment.objects.get(
        user=people["employee"], course=course, status=Assignment.Status.ASSIGNED
    )
    assert refresher.source == Assignment.Source.REFRESHER
    assert refresher.due_date == certificate.valid_until
    assert certificate.serial_number in refresher.reason
    assert mail.outbox[0].subject == "Opakovací školení: Phishing"
    # History stays: the old completion and certificate are untouched.
    old = Assignment.objects.get(pk=old_assignment_id)
    assert old.status == Assignment.Status.COMPLETED
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    _run("refreshers")
    assert Assignment.objects.filter(user=people["employee"], course=course).count() == 2
    assert len(mail.outbox) == 1


def test_no_refresher_for_far_expiry_or_revoked(people, course_index):
    course = factories.make_course(course_index, title="Hesla", lessons=1, refresher_months=24)
    _completed_with_certificate(people["employee"], course, completed_days_ago=30)
    other_course = factories.make_course(course_index, title="GDPR", lessons=1, refresher_months=12)
    revoked = _completed_with_certificate(people["employee"], other_course, completed_days_ago=350)
    revoked.revoked_at = timezone.now()
    revoked.revoke_reason = "Chyba"
    revoked.revoked_by = people["hr"]
    revoked.save()
    _run("refreshers")
    assert not Assignment.objects.filter(source=Assignment.Source.REFRESHER).exists()


def test_check_summary_goes_to_security_managers_once_a_month(people, course):
    factories.assign(people["employee"], course, due_in=-2)
    _run("check-summary")
    assert [m.to for m in mail.outbox] == [["security@example.cz"]]
    body = mail.outbox[0].body
    assert "Odbor správních agend: 0 % (0/1), po termínu 1" in body
    assert "http://127.0.0.1:8000/reports/" in body
    _run("check-summary")
    assert len(mail.outbox) == 1


def test_review_cycle_flags_workplaces_without_a_recent_review_once(people, today):
    fresh = factories.WorkplaceFactory(name="Stavební úřad", code="su")
    RiskReview.objects.create(
        workplace=fresh, review_date=today, status="approved", approved_at=timezone.now()
    )
    stale = factories.WorkplaceFactory(name="Pokladna", code="pokladna")
    RiskReview.objects.create(
        workplace=stale,
        review_date=today - datetime.timedelta(days=400),
        status="approved",
        approved_at=timezone.now(),
    )
    _run("review-cycle")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Pokladna" in body and "Odbor správních agend" in body
    assert "Stavební úřad" not in body
    _run("review-cycle")
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("name", list(services.JOBS))
def test_every_job_twice_in_a_row_changes_nothing_the_second_time(people, course, name):
    factories.assign(people["employee"], course, due_in=-9)
    _run(name)
    before = (
        Notification.objects.count(),
        OutboxEmail.objects.count(),
        Assignment.objects.count(),
        len(mail.outbox),
    )
    _run(name)
    after = (
        Notification.objects.count(),
        OutboxEmail.objects.count(),
        Assignment.objects.count(),
        len(mail.outbox),
    )
    assert after == before
    runs = JobRun.objects.filter(job=name)
    assert runs.count() == 2
    assert all(r.status == "done" for r in runs)


def test_run_job_command_runs_and_reports(people, course, capsys):
    factories.assign(people["employee"], course, due_in=20)
    call_command("run_job", "reminders")
    out = capsys.readouterr().out
    assert "reminders: sent: 1, skipped: 0" in out
    assert "e-mails: sent 1, failed 0" in out
    assert JobRun.objects.get(job="reminders").counts == {"sent": 1, "skipped": 0}


def test_failed_sends_stay_in_the_outbox_and_are_retried(people, course, settings):
    factories.assign(people["employee"], course, due_in=20)
    services.job_run(name="reminders")
    settings.EMAIL_BACKEND = "tests.automation.failing_backend.EmailBackend"
    assert services.outbox_flush() == {"sent": 0, "failed": 1}
    email = OutboxEmail.objects.get()
    assert email.sent_at is None and "SMTP down" in email.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.outbox_flush() == {"sent": 1, "failed": 0}
    assert len(mail.outbox) == 1


def test_beat_schedules_exist_for_every_job():
    from django_celery_beat.models import PeriodicTask

    jobs = {t.args for t in PeriodicTask.objects.filter(task="automation.run_job")}
    assert jobs == {f'["{name}"]' for name in services.JOBS}
    assert PeriodicTask.objects.filter(task="automation.outbox_flush").exists()


def test_job_runs_are_visible_to_the_security_manager_in_the_admin(client, people, course):
    services.job_run(name="reminders")
    client.force_login(people["security"])
    response = client.get("/admin/automation/job-runs/")
    assert response.status_code == 200
    assert "reminders" in response.content.decode()
    client.force_login(people["employee"])
    # Employees get the "administration is for staff" page (issue 11), not a login redirect.
    assert client.get("/admin/automation/job-runs/").status_code == 403


def test_admin_dashboard_shows_each_jobs_last_run(client, people, course):
    factories.assign(people["employee"], course, due_in=20)
    services.job_run(name="reminders")
    client.force_login(people["security"])
    content = client.get("/admin/").content.decode()
    assert "Automatizace PDCA: poslední běhy" in content
    assert "sent: 1, skipped: 0" in content
    assert "nikdy" in content  # jobs that have not run yet


def test_a_course_can_ask_for_its_refreshers_earlier(people, course_index):
    early = factories.make_course(
        course_index, title="Spisová služba", lessons=1, refresher_months=12, refresher_lead_days=60
    )
    default = factories.make_course(
        course_index, title="Čistý stůl", lessons=1, refresher_months=12
    )
    # Both certificates expire in about 45 days: inside 60, outside the default 30.
    _completed_with_certificate(people["employee"], early, completed_days_ago=320)
    _completed_with_certificate(people["employee"], default, completed_days_ago=320)
    _run("refreshers")
    refreshers = Assignment.objects.filter(source=Assignment.Source.REFRESHER)
    assert [a.course.title for a in refreshers] == ["Spisová služba"]


def test_housekeeping_tasks_are_scheduled_and_exist():
    from django_celery_beat.models import PeriodicTask

    from elearning.celery import app

    names = {
        "certificates.tasks.certificates_issue_missing_task",
        "reports.tasks.export_jobs_purge_task",
    }
    scheduled = set(PeriodicTask.objects.filter(task__in=names).values_list("task", flat=True))
    assert scheduled == names
    app.loader.import_default_modules()
    assert names <= set(app.tasks)
