"""Celery tasks of certificates: thin wrappers that load by id and call a service."""

from celery import shared_task

from courses.models import Assignment

from . import services
from .models import Certificate, CertificateExport


# Not a progress job, but the same passing faults; more patient, as nobody is waiting on a page.
@CertificateExport.retrying_task(max_retries=8, retry_backoff_max=600)
def certificate_issue_task(assignment_id: int) -> None:
    """Issue the certificate of a completed assignment and store its PDF; a rerun is a no-op."""
    assignment = Assignment.objects.filter(
        pk=assignment_id, status=Assignment.Status.COMPLETED
    ).first()
    if assignment is None:
        # Deleted or reopened since it was enqueued: nothing to certify.
        return
    certificate = services.certificate_issue(assignment=assignment)
    if not certificate.pdf:
        services.certificate_pdf(certificate=certificate)


@shared_task
def certificates_issue_missing_task() -> int:
    """Catch-up for completions whose task was lost (broker down): enqueue each once more."""
    missing = Assignment.objects.filter(
        status=Assignment.Status.COMPLETED, certificate__isnull=True
    ).values_list("pk", flat=True)
    count = 0
    for assignment_id in missing.iterator():
        certificate_issue_task.delay(assignment_id)
        count += 1
    without_pdf = Certificate.objects.filter(pdf="").values_list("assignment_id", flat=True)
    for assignment_id in without_pdf.iterator():
        certificate_issue_task.delay(assignment_id)
        count += 1
    return count


@CertificateExport.retrying_task()
def certificates_zip_build_task(export_id: int) -> None:
    """Build one requested ZIP export; a finished export is left as it is."""
    export = CertificateExport.objects.filter(pk=export_id).first()
    if export is not None:
        services.certificates_zip_build(export=export)
