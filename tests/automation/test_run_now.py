"""Running a PDCA job now from the admin: its permission, audit row, progress and no double run."""

import datetime

import pytest
import time_machine
from celery.contrib.testing.worker import start_worker
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from automation import services, tasks
from automation.models import JobRequest, JobRun, Notification, OutboxEmail
from elearning.celery import app
from tests import factories
from tests.automation.test_worker import _wait_for

RUN_NOW = "/admin/automation/run-now/"


def _staff(*codenames):
    user = factories.UserFactory(email="provoz@example.cz", first_name="Otakar", last_name="Provoz")
    for app_label, codename in [("wagtailadmin", "access_admin"), *codenames]:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.fixture
def operator(db):
    return _staff(("automation", "run_job_now"), ("automation", "view_jobrun"))


def _messages(response) -> list[str]:
    return [str(m).strip() for m in response.context["messages"]]


@pytest.mark.django_db
def test_without_the_permission_every_run_now_url_is_refused(client, people, course):
    factories.assign(people["employee"], course, due_in=14)
    viewer = _staff(("automation", "view_jobrun"))  # may see job runs, not start them
    client.force_login(viewer)
    assert client.get(RUN_NOW).status_code == 403
    assert client.post(RUN_NOW, {"job": "reminders"}).status_code == 403
    other = JobRequest.objects.create(job="reminders", finished_at=timezone.now())
    assert client.get(f"{RUN_NOW}{other.pk}/").status_code == 403
    assert client.get(f"{RUN_NOW}{other.pk}/status/").status_code == 403
    assert JobRequest.objects.count() == 1
    assert not JobRun.objects.exists()
    assert not Notification.objects.exists()
    # The job runs' listing offers no button to somebody without the permission.
    assert "Spustit úlohu nyní" not in client.get("/admin/automation/job-runs/").content.decode()


@pytest.mark.django_db
def test_run_now_is_audited_recorded_and_shows_its_counts(
    client, operator, people, course, django_capture_on_commit_callbacks
):
    factories.assign(people["employee"], course, due_in=14)
    client.force_login(operator)
    listing = client.get("/admin/automation/job-runs/").content.decode()
    assert 'href="/admin/automation/run-now/"' in listing
    page = client.get(RUN_NOW).content.decode()
    assert "Připomínky termínů školení" in page and 'name="csrfmiddlewaretoken"' in page
    # GET changes nothing: only the POST starts a job.
    assert not JobRequest.objects.exists()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(RUN_NOW, {"job": "reminders"})
    assert len(callbacks) == 1
    request = JobRequest.objects.get()
    assert response.status_code == 302
    assert response.url == f"{RUN_NOW}{request.pk}/"
    assert (request.job, request.status, request.requested_by) == ("reminders", "done", operator)
    assert request.counts == {"sent": 1, "skipped": 0}
    run = JobRun.objects.get()
    assert (run.job, run.status, run.request_id, run.counts) == (
        "reminders",
        "done",
        request.pk,
        {"sent": 1, "skipped": 0},
    )
    entry = ModelLogEntry.objects.get(action=services.RUN_NOW_ACTION)
    assert (entry.user_id, entry.object_id, entry.data) == (
        operator.pk,
        str(request.pk),
        {"job": "reminders"},
    )
    assert [m.to for m in mail.outbox] == [["jana@example.cz"]]

    progress = client.get(response.url)
    html = progress.content.decode()
    assert "Úloha „Připomínky termínů školení“ byla spuštěna." in _messages(progress)
    assert "Hotovo" in html
    assert "odeslané e-maily" in html and 'data-key="sent">1<' in html
    # No inline script: the polling is a static file (and not needed once it is done).
    assert "<script>" not in html
    status = client.get(f"{RUN_NOW}{request.pk}/status/").json()
    assert status["finished"] is True and status["state"] == "done"
    assert {c["key"]: c["value"] for c in status["counts"]} == {"sent": 1, "skipped": 0}


@pytest.mark.django_db
def test_a_second_click_while_the_job_runs_starts_no_second_run(
    client, operator, people, course, django_capture_on_commit_callbacks
):
    factories.assign(people["employee"], course, due_in=14)
    client.force_login(operator)
    # The first run is queued: its task waits in the broker (not executed yet).
    with django_capture_on_commit_callbacks(execute=False) as first:
        client.post(RUN_NOW, {"job": "reminders"})
    request = JobRequest.objects.get()
    progress = client.get(f"{RUN_NOW}{request.pk}/").content.decode()
    assert "Ve frontě" in progress
    assert 'src="/static/automation/run_now.js"' in progress
    assert client.get(f"{RUN_NOW}{request.pk}/status/").json()["finished"] is False
    assert "Běží – zobrazit průběh" in client.get(RUN_NOW).content.decode()

    with django_capture_on_commit_callbacks(execute=True) as second:
        response = client.post(RUN_NOW, {"job": "reminders"}, follow=True)
    assert second == []
    assert JobRequest.objects.count() == 1
    assert response.redirect_chain[-1][0] == f"{RUN_NOW}{request.pk}/"
    assert (
        "Úloha „Připomínky termínů školení“ už běží. Druhé spuštění nebylo zahájeno; "
        "počkejte na její dokončení." in _messages(response)
    )
    assert ModelLogEntry.objects.filter(action=services.RUN_NOW_ACTION).count() == 1

    for callback in first:  # the broker delivers the one task
        callback()
    assert JobRun.objects.filter(job="reminders").count() == 1
    request.refresh_from_db()
    assert request.status == "done"
    # Finished, the job can be started again.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RUN_NOW, {"job": "reminders"})
    assert JobRequest.objects.count() == 2


@pytest.mark.django_db
def test_a_scheduled_run_in_progress_also_blocks_the_button(client, operator, people):
    JobRun.objects.create(job="escalation", status=JobRun.Status.RUNNING)
    client.force_login(operator)
    response = client.post(RUN_NOW, {"job": "escalation"}, follow=True)
    assert not JobRequest.objects.exists()
    assert any("už běží" in m for m in _messages(response))


@pytest.mark.django_db
def test_a_request_whose_task_was_lost_blocks_for_an_hour_only(
    client, operator, people, django_capture_on_commit_callbacks
):
    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=False):
        client.post(RUN_NOW, {"job": "review-cycle"})  # the broker loses it
    lost = JobRequest.objects.get()
    later = timezone.now() + datetime.timedelta(minutes=61)
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        client.post(RUN_NOW, {"job": "review-cycle"})
    lost.refresh_from_db()
    assert (lost.status, lost.error) == ("failed", "lost")
    assert JobRequest.objects.filter(status="done").count() == 1


@pytest.mark.django_db
def test_an_unknown_job_changes_nothing(client, operator, people):
    client.force_login(operator)
    response = client.post(RUN_NOW, {"job": "format-disk"}, follow=True)
    assert "Neznámá úloha. Vyberte jednu z uvedených úloh." in _messages(response)
    assert not JobRequest.objects.exists() and not JobRun.objects.exists()


@pytest.mark.django_db
def test_run_now_then_the_scheduled_run_the_same_day_doubles_nothing(
    client, operator, people, course, django_capture_on_commit_callbacks
):
    factories.assign(people["employee"], course, due_in=14)
    factories.assign(people["employee"], course, due_in=-10)  # overdue: an escalation too
    client.force_login(operator)
    for job in ("reminders", "escalation"):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(RUN_NOW, {"job": job})
    effects = sorted(Notification.objects.values_list("key", flat=True))
    emails = OutboxEmail.objects.count()
    sent = len(mail.outbox)
    assert effects and emails and sent
    # The beat's scheduled runs later the same day: the same task, without a request.
    tasks.run_job.delay("reminders")
    tasks.run_job.delay("escalation")
    assert sorted(Notification.objects.values_list("key", flat=True)) == effects
    assert OutboxEmail.objects.count() == emails
    assert len(mail.outbox) == sent
    assert JobRun.objects.filter(status="done").count() == 4
    assert list(JobRun.objects.filter(request=None).values_list("counts", flat=True)) == [
        {"assignments": 0, "manager_emails": 0, "hr_emails": 0},
        {"sent": 0, "skipped": 0},
    ]


def test_run_now_through_a_real_worker_shows_the_counts(
    django_db_serialized_rollback, transactional_db, client, people, course
):
    """The task waits in the broker until a real worker takes it, then the page has counts.

    The worker starts after the POST (as behind a busy queue), so the request and the worker
    never write the in-memory SQLite at the same moment.
    """
    factories.assign(people["employee"], course, due_in=14)
    operator = _staff(("automation", "run_job_now"))
    client.force_login(operator)
    app.conf.task_always_eager = False
    try:
        response = client.post(RUN_NOW, {"job": "reminders"})
        request = JobRequest.objects.get()
        assert response.url == f"{RUN_NOW}{request.pk}/"
        assert client.get(f"{RUN_NOW}{request.pk}/status/").json()["state"] == "queued"
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            assert _wait_for(lambda: JobRequest.objects.filter(finished_at__isnull=False).exists())
            assert _wait_for(lambda: OutboxEmail.objects.filter(sent_at__isnull=False).count() == 1)
    finally:
        app.conf.task_always_eager = True
    status = client.get(f"{RUN_NOW}{request.pk}/status/").json()
    assert status["state"] == "done"
    assert {c["key"]: c["value"] for c in status["counts"]} == {"sent": 1, "skipped": 0}
    assert JobRun.objects.get().request_id == request.pk
    assert [m.to for m in mail.outbox] == [["jana@example.cz"]]
