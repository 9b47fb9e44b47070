"""The reminder ladder as a pure function: which step of an assignment to send today.

Steps: "assigned" on the day of assignment, "before_N" N days before the due date, and
"overdue" on the first day after it. A run sends at most one step per assignment: the
latest step whose date has come. Earlier steps still unsent are passed over (recorded as
skipped), so a missed run catches up with the step that matters now instead of sending
stale "due in 7 days" mails, and no step is ever sent twice or out of order.
"""

import datetime
from collections.abc import Iterable, Set
from dataclasses import dataclass

ASSIGNED = "assigned"
OVERDUE = "overdue"


def before(days: int) -> str:
    return f"before_{days}"


def step_dates(
    *, assigned_on: datetime.date, due: datetime.date | None, days_before: Iterable[int]
) -> list[tuple[str, datetime.date]]:
    """The ladder of one assignment in sending order."""
    steps = [(ASSIGNED, assigned_on)]
    if due is not None:
        for days in sorted(set(days_before), reverse=True):
            steps.append((before(days), due - datetime.timedelta(days=days)))
        steps.append((OVERDUE, due + datetime.timedelta(days=1)))
    return steps


@dataclass(frozen=True)
class Decision:
    send: str | None
    skip: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return self.send is None and not self.skip


def decide(
    *,
    assigned_on: datetime.date,
    due: datetime.date | None,
    today: datetime.date,
    done: Set[str],
    days_before: Iterable[int] = (7, 1),
) -> Decision:
    """What to send (at most one step) and what to pass over for good, as of `today`."""
    steps = step_dates(assigned_on=assigned_on, due=due, days_before=days_before)
    # A step that comes after one already recorded is still possible; one before it is not.
    last_done = max((i for i, (name, _) in enumerate(steps) if name in done), default=-1)
    pending = [
        (i, name, when)
        for i, (name, when) in enumerate(steps)
        if i > last_done and when <= today and name not in done
    ]
    if not pending:
        return Decision(send=None, skip=())
    # The latest date wins; on equal dates the later rung (overdue over before_1).
    _, send, _ = max(pending, key=lambda p: (p[2], p[0]))
    skip = tuple(name for _, name, _ in pending if name != send)
    return Decision(send=send, skip=skip)
