"""A Redis cache that degrades to no cache while Redis is away, instead of failing pages."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# What a call returns while Redis is unreachable: what Django's DummyCache answers (a
# miss; `add` succeeds, so allauth's cache locks and rate limits let the request through).
_FALLBACK = {
    "add": True,
    "get": None,  # replaced by the caller's default below
    "set": None,
    "touch": False,
    "delete": False,
    "get_many": {},
    "has_key": False,
    "set_many": [],
    "delete_many": None,
    "clear": None,
}
_LOG_EVERY = 60.0


class FailSafeRedisCache(RedisCache):
    """Django's RedisCache; a Redis or socket error is logged and answered as a cache miss.

    Pages, Wagtail's site-root cache and allauth's rate limits keep working without the
    cache (the rate limits are not enforced during the outage). `incr` still raises,
    as Django documents for a missing key.
    """

    _last_logged = 0.0

    def _unavailable(self, operation: str, exc: Exception) -> None:
        now = time.monotonic()
        # One line a minute, not one per cache call, while Redis is down.
        if now - FailSafeRedisCache._last_logged >= _LOG_EVERY:
            FailSafeRedisCache._last_logged = now
            logger.warning("Cache unavailable (%s): %s; serving without cache", operation, exc)


def _fail_safe(name: str):
    original = getattr(RedisCache, name)

    @functools.wraps(original)
    def method(self, *args, **kwargs):
        try:
            return original(self, *args, **kwargs)
        except (RedisError, OSError) as exc:
            self._unavailable(name, exc)
            if name == "get":
                return kwargs.get("default", args[1] if len(args) > 1 else None)
            if name == "get_many":
                return {}
            return _FALLBACK[name]

    return method


for _name in _FALLBACK:
    setattr(FailSafeRedisCache, _name, _fail_safe(_name))
