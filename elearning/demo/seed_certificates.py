"""Demo certificates: one for every completed demo assignment, with its PDF; safe to rerun."""

from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_pdf
from courses.models import Assignment


def seed_certificates(*, stdout) -> None:
    before = Certificate.objects.count()
    completed = Assignment.objects.filter(status=Assignment.Status.COMPLETED).order_by("pk")
    for assignment in completed:
        certificate = certificate_issue(assignment=assignment)
        if not certificate.pdf:
            certificate_pdf(certificate=certificate)
    total = Certificate.objects.count()
    stdout.write(f"Certificates: {total - before} new, {total} in all.")
