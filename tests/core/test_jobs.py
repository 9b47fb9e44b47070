"""The job base class: one progress JSON and one retry policy for every background file job."""

from django.db import OperationalError
from django.urls import reverse

from certificates import tasks as certificate_tasks
from certificates.models import CertificateExport
from core.jobs import BackgroundJob
from reports import tasks as report_tasks
from reports.models import ExportJob


def test_a_task_built_by_the_base_class_rides_out_a_passing_database_fault(monkeypatch):
    calls = []

    @BackgroundJob.retrying_task(max_retries=2)
    def flaky_build() -> str:
        calls.append(1)
        if len(calls) < 3:
            # What a restarting PostgreSQL raises; the task must try again, not fail the job.
            raise OperationalError("the database system is starting up")
        return "built"

    # As a worker runs it: the test settings make eager tasks raise at once, even a retry.
    monkeypatch.setitem(flaky_build.app.conf, "task_eager_propagates", False)
    assert flaky_build.apply().get() == "built"
    assert len(calls) == 3


def test_a_bug_is_not_retried():
    calls = []

    @BackgroundJob.retrying_task()
    def broken_build() -> None:
        calls.append(1)
        raise ValueError("a bug")

    result = broken_build.apply(throw=False)
    assert result.failed() and isinstance(result.result, ValueError)
    assert len(calls) == 1


def test_both_apps_build_their_files_with_the_same_retry_policy():
    for task in (report_tasks.export_job_run_task, certificate_tasks.certificates_zip_build_task):
        assert task.autoretry_for == BackgroundJob.RETRY_ON
        assert task.max_retries == 3


def test_the_progress_json_names_each_app_s_download_only_when_done(db):
    running = ExportJob(pk=7, state=ExportJob.State.RUNNING, done=1, total=4)
    assert running.state_json() == {
        "state": "running",
        "state_label": "Běží",
        "done": 1,
        "total": 4,
        "percent": 25,
        "download_url": None,
    }
    done = CertificateExport(pk=9, state=CertificateExport.State.DONE, done=4, total=4)
    assert done.state_json()["download_url"] == reverse("certificates:export_download", args=[9])
    assert done.state_json()["percent"] == 100
