"""The directory sync as a Celery task: the beat schedule's entry and the admin's buttons."""

from celery import shared_task

from . import directory_services
from .models import DirectorySync, User


@shared_task(name="organisation.directory_sync", acks_late=True, reject_on_worker_lost=True)
def directory_sync_task(
    user_id: int | None = None, confirms_id: int | None = None, dry_run: bool = False
) -> dict:
    """Run one sync; without LDAP_URL it does nothing, so the schedule is harmless until set up.

    Safe to run twice: a second run finds the people as the first left them.
    """
    if not directory_services.directory_configured():
        return {"status": "not configured"}
    sync = directory_services.directory_sync(
        dry_run=dry_run,
        confirms=DirectorySync.objects.filter(pk=confirms_id).first() if confirms_id else None,
        triggered_by=User.objects.filter(pk=user_id).first() if user_id else None,
    )
    return {"status": sync.status, **sync.counts}
