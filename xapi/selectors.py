"""Reads of the xAPI app: a person's statements, for their own-data download."""

from .models import Statement


def statements_of(user) -> list[dict]:
    return [
        {
            "verb": row.verb,
            "activity": row.statement["object"]["definition"]["name"].get("cs-CZ", ""),
            "timestamp": row.statement["timestamp"],
            "result": row.statement.get("result", {}),
            "sent_to_lrs": row.sent_at.isoformat() if row.sent_at else None,
        }
        for row in Statement.objects.filter(user=user).order_by("stored_at")
    ]
