"""A fixed-window request counter in Django's cache, for rate-limiting public pages."""

import time

from django.core.cache import cache


def allow(*, key: str, limit: int, window_seconds: int = 60) -> bool:
    """Count one request for `key`; False once more than `limit` arrived in this window."""
    bucket = f"certificates:throttle:{key}:{int(time.time() // window_seconds)}"
    # add() only sets a missing key, so concurrent first requests do not reset each other.
    cache.add(bucket, 0, timeout=window_seconds + 5)
    try:
        count = cache.incr(bucket)
    except ValueError:
        # The key expired between add() and incr().
        cache.set(bucket, 1, timeout=window_seconds + 5)
        count = 1
    return count <= limit
