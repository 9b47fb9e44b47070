"""Celery tasks of the organisation: the scheduled purge of personal data, the employee import."""

from celery import shared_task

from . import erasure, services
from .models import EmployeeImport


@shared_task
def people_purge_task() -> int:
    """Erase every departed person past the retention period; safe to run again."""
    return erasure.people_purge()


@EmployeeImport.retrying_task()
def employee_import_run_task(job_id: int) -> None:
    """Apply one confirmed import; a finished (or deleted) job is left as it is."""
    job = EmployeeImport.objects.filter(pk=job_id).first()
    if job is not None:
        services.employee_import_run(job=job)
