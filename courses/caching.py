"""What learner pages keep in the shared cache, and the version tokens that retire it.

Every entry is keyed by a version token: changing what an entry was derived from replaces
the token (the signal handlers in `signal_handlers.py` do), so old entries are never read
again. Tokens are random strings set with `cache.set`, not counters: a write that fails while
Redis is away fails silently, and the short lifetime of the entries (`ENTRY_SECONDS`) bounds
how long an entry written before the outage can outlive a change made during it. While the
cache is unreachable every read is a miss and pages compute everything from the database.
"""

import secrets
import threading

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction

# Page tree and content: routes, the lessons of each course (published, moved, deleted).
CONTENT = "content"
# Page privacy: which view restrictions exist (added, changed, removed).
RESTRICTIONS = "restrictions"

# Short enough that an entry written before a cache outage cannot outlive a change made
# during it for long; long enough that a busy morning reads each entry many times.
ENTRY_SECONDS = 120
_TOKEN_SECONDS = 24 * 60 * 60


def _token_key(name: str) -> str:
    return f"courses:token:{name}"


# Within one web request each token and entry is read from the cache once: a page asks for
# the lessons of its course several times. Outside requests (workers, shells) nothing is kept.
_request = threading.local()


def _begin(**kwargs) -> None:
    _request.seen = {}


def _end(**kwargs) -> None:
    _request.seen = None


request_started.connect(_begin, dispatch_uid="courses.caching.begin")
request_finished.connect(_end, dispatch_uid="courses.caching.end")


def _seen() -> dict | None:
    return getattr(_request, "seen", None)


def token(name: str) -> str | None:
    """The current token of `name`, created on first use; None while the cache is away."""
    seen = _seen()
    if seen is not None and ("token", name) in seen:
        return seen["token", name]
    value = _read_token(name)
    if seen is not None:
        seen["token", name] = value
    return value


def _read_token(name: str) -> str | None:
    key = _token_key(name)
    value = cache.get(key)
    if value is None:
        value = secrets.token_hex(8)
        # add: two processes creating the first token agree on one of them.
        if not cache.add(key, value, _TOKEN_SECONDS):
            value = cache.get(key)
    return value


def retire(name: str) -> None:
    """Something `name`'s entries were derived from changed: none of them is read again."""
    seen = _seen()
    if seen is not None:
        seen.clear()
    cache.set(_token_key(name), secrets.token_hex(8), _TOKEN_SECONDS)


def lookup(name: str, key: str) -> tuple[object | None, str | None]:
    """The entry `key` under the current token of `name` (None: a miss), and that token.

    Store what you compute on a miss with `put(..., seen_token=token)`: computed after the
    token was read, it can only be older than a change that replaces the token.
    """
    current = token(name)
    if current is None:
        return None, None
    full_key = f"courses:{name}:{current}:{key}"
    seen = _seen()
    if seen is not None and full_key in seen:
        return seen[full_key], current
    value = cache.get(full_key)
    if seen is not None and value is not None:
        seen[full_key] = value
    return value, current


def put(name: str, key: str, value, *, seen_token: str | None) -> None:
    if seen_token is None:
        return
    full_key = f"courses:{name}:{seen_token}:{key}"
    cache.set(full_key, value, ENTRY_SECONDS)
    seen = _seen()
    if seen is not None:
        seen[full_key] = value


def retire_on_commit(name: str) -> None:
    """Retire now and again once the change is committed.

    Now: this transaction's own later reads see the change. On commit: a request that read
    the new token before the commit (and so computed from the old rows) is not believed.
    """
    retire(name)
    transaction.on_commit(lambda: retire(name))
