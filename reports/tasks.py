"""Celery tasks of reports: thin wrappers that load a job by id and call the service."""

from celery import shared_task

from . import services
from .models import ExportJob


@ExportJob.retrying_task()
def export_job_run_task(job_id: int) -> None:
    """Build one requested export; a finished (or deleted) job is left as it is."""
    job = ExportJob.objects.filter(pk=job_id).first()
    if job is not None:
        services.export_job_run(job=job)


@shared_task
def export_jobs_purge_task() -> int:
    """Daily: remove finished exports past their retention period (schedule it in the admin)."""
    return services.export_jobs_purge()
