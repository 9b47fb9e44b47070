"""What the simulation keeps about a person, for their own-data download (GDPR Art. 15).

Nothing is erased here: the rows point at the account, which erasure pseudonymises, and the
campaign's rates stay true.
"""

from organisation import erasure

from .models import Recipient


def simulations_of(user) -> list[dict]:
    def stamp(value):
        return value.isoformat() if value else None

    return [
        {
            "campaign": row.campaign.name,
            "template": row.template.name,
            "sent_at": stamp(row.sent_at),
            "opened_at": stamp(row.opened_at),
            "clicked_at": stamp(row.clicked_at),
            "submitted_at": stamp(row.submitted_at),
            "reported_at": stamp(row.reported_at),
        }
        for row in Recipient.objects.filter(user=user)
        .select_related("campaign", "template")
        .order_by("pk")
    ]


def register() -> None:
    erasure.register_personal_data("phishing_simulations", simulations_of)
