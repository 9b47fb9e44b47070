"""xAPI 1.0.3 statements built from plain data: pure functions, no ORM.

The actor is an account (the site's URL and the person's number), never the e-mail: an
external LRS learns what was learnt and how well, not who the person is by name.
"""

import datetime
import uuid
from decimal import Decimal

VERSION = "1.0.3"
VERBS = {
    "launched": ("http://adlnet.gov/expapi/verbs/launched", "zahájil(a)", "launched"),
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "dokončil(a)", "completed"),
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "uspěl(a)", "passed"),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", "neuspěl(a)", "failed"),
    "answered": ("http://adlnet.gov/expapi/verbs/answered", "odpověděl(a)", "answered"),
}
ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
}
# Registrations (one per assignment) are stable UUIDs derived from the assignment's number.
_REGISTRATIONS = uuid.UUID("4f1b3c1e-7a53-4b3f-9d0e-2f6a0c4e8b11")


def registration(base_url: str, assignment_id: int) -> str:
    return str(uuid.uuid5(_REGISTRATIONS, f"{base_url}/assignment/{assignment_id}"))


def build(
    *,
    statement_id: uuid.UUID,
    base_url: str,
    platform: str,
    user_id: int,
    verb: str,
    activity_type: str,
    activity_path: str,
    activity_name: str,
    timestamp: datetime.datetime,
    assignment_id: int | None = None,
    parent_path: str | None = None,
    score_percent: Decimal | float | None = None,
    success: bool | None = None,
    completion: bool | None = None,
    response: str | None = None,
) -> dict:
    verb_id, czech, english = VERBS[verb]
    statement = {
        "id": str(statement_id),
        "version": VERSION,
        "actor": {"objectType": "Agent", "account": {"homePage": base_url, "name": str(user_id)}},
        "verb": {"id": verb_id, "display": {"cs-CZ": czech, "en-US": english}},
        "object": {
            "objectType": "Activity",
            "id": base_url + activity_path,
            "definition": {
                "type": ACTIVITY_TYPES[activity_type],
                "name": {"cs-CZ": activity_name},
            },
        },
        "timestamp": timestamp.isoformat(),
        "context": {"platform": platform, "language": "cs-CZ"},
    }
    if assignment_id is not None:
        statement["context"]["registration"] = registration(base_url, assignment_id)
    if parent_path:
        statement["context"]["contextActivities"] = {
            "parent": [{"objectType": "Activity", "id": base_url + parent_path}]
        }
    result = {}
    if score_percent is not None:
        scaled = max(Decimal(0), min(Decimal(1), Decimal(str(score_percent)) / 100))
        result["score"] = {"scaled": float(round(scaled, 4)), "raw": float(score_percent)}
        result["score"].update({"min": 0, "max": 100})
    if success is not None:
        result["success"] = success
    if completion is not None:
        result["completion"] = completion
    if response is not None:
        result["response"] = response
    if result:
        statement["result"] = result
    return statement
