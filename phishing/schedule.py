"""Spreads a campaign's sends over its window, so colleagues cannot warn each other in time."""

from __future__ import annotations

import datetime
import random


def spread(
    keys: list[int], *, start: datetime.datetime, window_hours: int, seed: str
) -> dict[int, datetime.datetime]:
    """A send time for each key (a user id) within [start, start + window), stable per seed.

    The same campaign always gives the same times (a relaunch or a retry changes nothing);
    the order is shuffled so a workplace is not mailed in one burst.
    """
    if not keys:
        return {}
    window = datetime.timedelta(hours=max(window_hours, 0))
    order = sorted(keys)
    random.Random(seed).shuffle(order)
    if len(order) == 1 or not window:
        return dict.fromkeys(order, start)
    step = window / len(order)
    return {key: start + step * index for index, key in enumerate(order)}
