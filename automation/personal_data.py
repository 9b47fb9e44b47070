"""What automation keeps about a person (the e-mails sent to them), for the own-data download
and for erasure: a departed person's address and greeting leave the outbox with their name."""

from organisation import erasure

from .models import OutboxEmail


def _emails_to(user):
    # `to` is a JSON list of addresses; a text match finds the rows on SQLite and PostgreSQL
    # alike, and the exact check below drops a longer address that merely contains this one.
    rows = OutboxEmail.objects.filter(to__icontains=user.email).order_by("pk")
    return [row for row in rows if user.email.lower() in [a.lower() for a in row.to]]


def emails_of(user) -> list[dict]:
    return [
        {
            "subject": row.subject,
            "created_at": row.created_at.isoformat(),
            "sent_at": row.sent_at.isoformat() if row.sent_at else None,
        }
        for row in _emails_to(user)
    ]


def erase_emails(*, user, by, pseudonym) -> None:
    """The address and the body (which greets the person by name) go; the row stays counted."""
    ids = [row.pk for row in _emails_to(user)]
    OutboxEmail.objects.filter(pk__in=ids).update(
        to=[erasure.ERASED_EMAIL_DOMAIN], body_text="", body_html="", ics=""
    )


def register() -> None:
    erasure.register_personal_data("emails", emails_of)
    erasure.register_eraser(erase_emails)
