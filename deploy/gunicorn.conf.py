"""gunicorn's settings for production: `gunicorn -c deploy/gunicorn.conf.py elearning.wsgi`.

Every value can be overridden from the environment (WEB_WORKERS, WEB_THREADS, WEB_BIND, ...),
so one file serves a 2-core magistrate and a region's larger hosts alike.
"""

import multiprocessing
import os

# Threads, not processes alone: a request mostly waits for PostgreSQL, and on the first
# morning of a mandatory course hundreds of employees arrive at once. gthread with a few
# threads per process keeps the memory of one process per core while serving the waits.
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count()))
threads = int(os.environ.get("WEB_THREADS", "4"))
bind = os.environ.get("WEB_BIND", "127.0.0.1:8001")

# A request that runs longer is a bug or a database that hangs (the statement timeout,
# DATABASE_STATEMENT_TIMEOUT_MS, ends the query first); long work runs in Celery.
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Restart a process now and then, at different moments, so a slow leak never piles up.
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10

# The proxy in front terminates TLS and sets X-Forwarded-Proto; only trust it from itself.
forwarded_allow_ips = os.environ.get("WEB_FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

# gunicorn 27's control socket (`gunicornc`) is not used here; off, so two servers on one
# host (blue/green, tests) never fight over ~/.gunicorn/gunicorn.ctl.
control_socket_disable = True
