"""The Redis transport with the fix that keeps a busy worker alive through a Redis restart.

kombu 5.7.0 / celery 5.7.0 (the newest on PyPI) lose the worker when Redis restarts while
a task runs and a BRPOP is pending: on the connection error celery calls
``Connection.collect()``, whose channel close fails on the dead socket (the error is
swallowed) but which then detaches the transport (``transport.client = None``); celery's
following ``connection.close()`` closes the same channel again, its restore of the
unacknowledged messages needs a new Redis pool, and building one reads
``transport.client.hostname``: ``AttributeError: 'NoneType' object has no attribute
'hostname'`` escapes as an "Unrecoverable error" and the worker exits. The same happens
when the running task finishes and acknowledges its message on the old channel.

The channel below remembers the connection parameters it was opened with and uses them
once the transport is detached, so the restore and the late ack reach the restarted
Redis (or fail with a connection error, which kombu and celery handle).
"""

from kombu.transport import redis


class Channel(redis.Channel):
    def __init__(self, connection, *args, **kwargs):
        self._opened_with = connection.client
        super().__init__(connection, *args, **kwargs)

    def _connparams(self, asynchronous=False):
        transport = self.connection
        if transport.client is not None:
            return super()._connparams(asynchronous=asynchronous)
        # Detached by Connection.collect(): borrow the parameters for this one call.
        transport.client = self._opened_with
        try:
            return super()._connparams(asynchronous=asynchronous)
        finally:
            transport.client = None


class Transport(redis.Transport):
    Channel = Channel
