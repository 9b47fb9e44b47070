"""What certificates keep about a person, and how an erasure removes the name from them."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from organisation import erasure

from .models import Certificate

ERASED_REASON = "Osobní údaje držitele byly vymazány."


def certificates_of(user) -> list[dict]:
    return [
        {
            "serial_number": c.serial_number,
            "holder_name": c.holder_name,
            "course": c.course_title,
            "course_version": c.course_version,
            "completed_on": c.completed_on.isoformat(),
            "score": str(c.score) if c.score is not None else None,
            "valid_until": c.valid_until.isoformat() if c.valid_until else None,
            "status": c.status,
            "verification_url": c.verification_url,
        }
        for c in Certificate.objects.filter(assignment__user=user).order_by("completed_on", "pk")
    ]


def erase_certificates(*, user, by, pseudonym: str) -> None:
    """Blank the holder's name, drop the stored PDFs and revoke: the QR code then answers
    "revoked, holder erased" without a name. Serial numbers and dates stay for the records."""
    now = timezone.now()
    certificates = list(Certificate.objects.select_for_update().filter(assignment__user=user))
    for certificate in certificates:
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        certificate.holder_name = ""
        if certificate.revoked_at is None:
            certificate.revoked_at = now
            certificate.revoked_by = by
            certificate.revoke_reason = ERASED_REASON
            log(
                instance=certificate,
                action="certificates.revoke",
                user=by,
                data={"serial_number": certificate.serial_number, "reason": ERASED_REASON},
            )
        certificate.save(
            update_fields=["holder_name", "pdf", "revoked_at", "revoked_by", "revoke_reason"]
        )
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Certificate),
        object_id__in=[str(c.pk) for c in certificates],
    ).update(label=pseudonym)


def register() -> None:
    erasure.register_personal_data("certificates", certificates_of)
    erasure.register_eraser(erase_certificates)
