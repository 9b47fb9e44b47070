"""Issues a certificate whenever an assignment is completed, through a Celery task."""

from core.enqueue import enqueue_on_commit
from courses.signals import assignment_completed


def on_assignment_completed(sender, assignment, **kwargs) -> None:
    from .tasks import certificate_issue_task

    # The completion is committed already and must stand even if the broker is down; the
    # PDF download (and the catch-up, certificates_issue_missing_task) issues it later.
    enqueue_on_commit(certificate_issue_task, assignment.pk)


def connect() -> None:
    assignment_completed.connect(
        on_assignment_completed, dispatch_uid="certificates.on_assignment_completed"
    )
