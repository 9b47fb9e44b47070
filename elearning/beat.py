"""The beat scheduler: django-celery-beat's, with exactly one beat at a time and each period
sent once even if the beat is killed right after sending.

- One beat: at start the scheduler takes a lock held for its whole life, a PostgreSQL
  session advisory lock on a connection of its own, or an exclusive lock on
  var/beat.lock with SQLite. A second beat finds it taken and exits with an error; the
  lock goes with the process however it ends (the connection or the file closes).
- No period twice: django-celery-beat writes an entry's last run only every few minutes
  (sync), so a beat killed after sending would send the same period again when
  restarted. Here the last run is written right after each send.
"""

import fcntl
import logging

from django.conf import settings
from django.db import connections
from django_celery_beat.schedulers import DatabaseScheduler

logger = logging.getLogger(__name__)
# pg_try_advisory_lock key: "elearning-beat" folded into a bigint, fixed for every process.
ADVISORY_LOCK_KEY = 0x656C_6561_7262_6561


class AnotherBeatRunning(SystemExit):
    pass


_held = None


def beat_lock_acquire():
    """The lock, held for the process's life; None if another beat has it.

    Celery builds the scheduler more than once in one beat process: the lock is taken once.
    """
    global _held
    if _held is None:
        _held = _acquire()
    return _held


def _acquire():
    if connections["default"].vendor == "postgresql":
        # A wrapper of its own, outside Django's handler, so no request or task closes it.
        lock_connection = connections.create_connection("default")
        with lock_connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
            if cursor.fetchone()[0]:
                return lock_connection
        lock_connection.close()
        return None
    path = getattr(settings, "BEAT_LOCK_FILE", settings.VAR_DIR / "beat.lock")
    handle = open(path, "a+")  # noqa: SIM115 - held open for the process's whole life
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


class SingleBeatScheduler(DatabaseScheduler):
    def __init__(self, *args, **kwargs):
        self._beat_lock = beat_lock_acquire()
        if self._beat_lock is None:
            message = "Another Celery beat is running for this database; this one stops."
            logger.critical(message)
            raise AnotherBeatRunning(message)
        super().__init__(*args, **kwargs)

    def apply_entry(self, entry, producer=None):
        super().apply_entry(entry, producer=producer)
        # reserve() has advanced the entry's last run; store it before anything can kill us.
        self.sync()
