"""How long a certificate is valid and what state it is in: pure date arithmetic, no ORM."""

from __future__ import annotations

import calendar
import datetime

VALID = "valid"
EXPIRED = "expired"
REVOKED = "revoked"


def add_months(start: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; a day the month lacks becomes its last (31 Jan + 1 = 28 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return start.replace(
        year=year, month=month, day=min(start.day, calendar.monthrange(year, month)[1])
    )


def valid_until(completed_on: datetime.date, refresher_months: int | None) -> datetime.date | None:
    """Last day of validity; None (a course without refreshers) never expires."""
    if not refresher_months:
        return None
    return add_months(completed_on, refresher_months)


def status(
    *,
    revoked_at: datetime.datetime | None,
    valid_until: datetime.date | None,
    today: datetime.date,
) -> str:
    """Revocation wins over expiry; the valid-until day itself still counts as valid."""
    if revoked_at is not None:
        return REVOKED
    if valid_until is not None and today > valid_until:
        return EXPIRED
    return VALID
