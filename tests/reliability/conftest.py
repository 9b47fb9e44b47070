"""Real faults for the reliability tests: a private redis-server, worker processes, a dead port.

The helpers live in tests/workers.py (the automation and phishing fault tests use them too);
they are imported here as well, so the tests of this folder keep `from .conftest import ...`.
"""

import pytest

from tests.workers import (  # noqa: F401 - re-exported for the tests of this folder
    PORTS,
    ROOT,
    RedisServer,
    _port_free,
    broker,
    database_url,
    enqueue,
    pool_children,
    process_env,
    start_worker,
    stop_process,
    wait_for,
)


@pytest.fixture
def redis_server(tmp_path):
    port = next((p for p in PORTS if _port_free(p)), None)
    if port is None:
        pytest.fail("no free port in 6390-6399 for a private redis-server")
    server = RedisServer(port, tmp_path)
    server.start()
    yield server
    server.stop()
