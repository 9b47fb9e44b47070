"""Issues a certificate whenever an assignment is completed, through a Celery task."""

import logging

from courses.signals import assignment_completed

logger = logging.getLogger(__name__)


def on_assignment_completed(sender, assignment, **kwargs) -> None:
    from .tasks import certificate_issue_task

    try:
        certificate_issue_task.delay_on_commit(assignment.pk)
    except Exception:
        # The completion is committed already and must stand even if the broker is down;
        # the PDF download (and certificates_issue_missing_task) issues the certificate later.
        logger.exception("Could not enqueue the certificate of assignment %s", assignment.pk)


def connect() -> None:
    assignment_completed.connect(
        on_assignment_completed, dispatch_uid="certificates.on_assignment_completed"
    )
