"""`make bench`: the product on gunicorn, PostgreSQL and Redis at scale, each row beside a baseline.

Creates a scratch PostgreSQL database (bench_<random>) on 127.0.0.1:5432, migrates it, seeds
10,000 employees x 30 courses (300,000 assignments, 50,000 quiz attempts, bench/seed.py),
runs ANALYZE, starts gunicorn with deploy/gunicorn.conf.py (production settings, DEBUG off,
Redis 127.0.0.1:6379/8 as cache and broker) and measures, ours and baseline interleaved
(A, B, A, B, A, B):
- learner pages under load from wrk (a second process, bounded in time) against a bare
  Wagtail page served by the same gunicorn (bench/settings.py gives it a minimal template);
- dashboards over HTTP against the raw SQL of the same numbers (bench/baselines.py);
- the records export against a COPY of the same join; the PDCA jobs against their raw
  SELECT of due rows; the certificate PDF against ReportLab drawing the same fonts and a QR;
- a deadline rush from bench/rush.py (a second process): 100 concurrent quiz submits and 300
  employees starting one quiz within 10 s, against the bare page under the same load.
Prints one markdown table. Leaves nothing behind: the server is stopped, the database
dropped, Redis DB 8 flushed and the temporary directory removed, on failure and Ctrl-C too.
BENCH_QUICK=1: 1,000 employees and shorter runs, for development.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))

QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
EMPLOYEES = 1_000 if QUICK else 10_000
ATTEMPTS = 5_000 if QUICK else 50_000
ROUNDS = 3
LOAD_SECONDS = 4 if QUICK else 10
CONNECTIONS = 8  # gunicorn's 2 processes x 4 threads on 2 cores
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/8")


@dataclass
class Row:
    name: str
    unit: str  # "req/s" (higher is better) or "ms" / "s" (lower is better)
    goal: str
    ours: list[float] = field(default_factory=list)
    base: list[float] = field(default_factory=list)
    latency: list[str] = field(default_factory=list)  # "p50/p95" per run of ours
    base_latency: list[str] = field(default_factory=list)
    note: str = ""

    def ratios(self) -> list[float]:
        """Ours relative to the baseline, always "how many times the baseline's speed"."""
        pairs = zip(self.ours, self.base, strict=False)
        if self.unit == "req/s":
            return [o / b for o, b in pairs if b]
        return [b / o for o, b in pairs if o]


ROWS: list[Row] = []


def log(message: str) -> None:
    print(
        f"[bench {time.strftime('%H:%M:%S', time.gmtime())}] {message}", file=sys.stderr, flush=True
    )


# --- the scratch environment ------------------------------------------------------------------


class Scratch:
    """Database, temporary directory, server: made in order, undone in reverse, always."""

    def __init__(self) -> None:
        self.name = f"bench_{secrets.token_hex(4)}"
        self.tmp = Path(tempfile.mkdtemp(prefix="elearning-bench-"))
        self.server: subprocess.Popen | None = None
        self.port = free_port()
        self.database_created = False

    def environment(self) -> dict[str, str]:
        return {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "DATABASE_URL": f"{PG}/{self.name}",
            "CACHE_URL": REDIS.replace("redis://", "rediscache://", 1),
            "CELERY_BROKER_URL": REDIS,
            "ALLOWED_HOSTS": "127.0.0.1",
            # Plain HTTP on 127.0.0.1: no proxy in front to terminate TLS.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            # The HR and security users have no second factor enrolled in the scratch data.
            "MFA_REQUIRED_FOR_STAFF": "false",
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "BEAT_LOCK_FILE": str(self.tmp / "beat.lock"),
            "LOG_LEVEL": "WARNING",
            "WEB_BIND": f"127.0.0.1:{self.port}",
            # Jobs and the export run here as a Celery worker runs them: no statement timeout.
            "DATABASE_STATEMENT_TIMEOUT_MS": "0",
        }

    def create_database(self) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            # psycopg's sql.Identifier quotes the name: composition, not string formatting.
            create = sql.SQL("CREATE DATABASE {}")
            create = create.format(sql.Identifier(self.name))  # nosemgrep: no-sql-string-formatting
            conn.execute(create)
        self.database_created = True

    def start_server(self, env: dict[str, str]) -> None:
        server_env = {**os.environ, **env, "DATABASE_STATEMENT_TIMEOUT_MS": "30000"}
        global SERVER_LOG
        SERVER_LOG = self.tmp / "gunicorn.log"
        self.server = subprocess.Popen(  # noqa: S603 - our own venv's gunicorn, fixed arguments
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                "--access-logfile",
                "/dev/null",
                "elearning.wsgi",
            ],
            cwd=ROOT,
            env=server_env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.tmp / "gunicorn.log", "w"),  # noqa: SIM115 - closed with the dir
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError("gunicorn exited:\n" + (self.tmp / "gunicorn.log").read_text())
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2),  # noqa: S310  # nosec B310
            ):
                return
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer within 60 s")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop_server(self) -> None:
        if self.server is None or self.server.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.server.pid, signal.SIGTERM)
        try:
            self.server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.server.pid, signal.SIGKILL)
            self.server.wait()

    def cleanup(self) -> None:
        errors = []
        for step in (self.stop_server, self.drop_database, self.flush_redis):
            try:
                step()
            except Exception as error:  # noqa: BLE001 - every step runs, errors reported after
                errors.append(f"{step.__name__}: {error}")
        shutil.rmtree(self.tmp, ignore_errors=True)
        for error in errors:
            log(f"cleanup: {error}")

    def drop_database(self) -> None:
        if not self.database_created:
            return
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        import psycopg
        from psycopg import sql

        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            drop = drop.format(sql.Identifier(self.name))  # nosemgrep: no-sql-string-formatting
            conn.execute(drop)

    def flush_redis(self) -> None:
        import redis

        redis.Redis.from_url(REDIS).flushdb()


SERVER_LOG: Path | None = None


def server_log(lines: int = 30) -> str:
    """The end of gunicorn's error log (tracebacks of a 500), for a failing row."""
    if SERVER_LOG is None or not SERVER_LOG.exists():
        return ""
    return "\n".join(SERVER_LOG.read_text(errors="replace").splitlines()[-lines:])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- sessions ------------------------------------------------------------------------------

CSRF = "b" * 32  # the CSRF secret every bench client sends as cookie and form field


def session_cookie(user) -> str:
    """A logged-in session made in the session store, as a login would leave it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}; {settings.CSRF_COOKIE_NAME}={CSRF}"


# --- measuring -----------------------------------------------------------------------------


def http_get(url: str, cookie: str) -> tuple[int, float, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 - our server
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310  # nosec B310
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return status, time.perf_counter() - started, body


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check_page(url: str, cookie: str, expect: bytes = b"") -> None:
    """The page answers 200 (not a redirect to the login) before it is timed."""
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310
    try:
        with opener.open(request, timeout=60) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{url}: HTTP {error.code}\n{server_log()}") from error
    if expect and expect not in body:
        raise RuntimeError(f"{url}: answered without {expect!r}")


WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50), latency:percentile(95)))
end
"""


def wrk(
    scratch: Scratch, path: str, cookie: str, seconds: int = LOAD_SECONDS
) -> tuple[float, float, float, int]:
    """req/s, p50 ms, p95 ms and errors of a LOAD_SECONDS run at CONNECTIONS connections."""
    script = scratch.tmp / "report.lua"
    if not script.exists():
        script.write_text(WRK_SCRIPT)
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [  # noqa: S607
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            "-H",
            f"Cookie: {cookie}",
            scratch.url + path,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("BENCH "))
    requests, duration_us, errors, p50, p95 = (int(v) for v in line.split()[1:])
    return requests / (duration_us / 1e6), p50 / 1000, p95 / 1000, errors


def interleave(rounds: int, ours: Callable[[], None], base: Callable[[], None]) -> None:
    for _ in range(rounds):
        ours()
        base()


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


# --- the sections ----------------------------------------------------------------------------


def bench_pages(scratch: Scratch, seeded, cookie: str, bare_path: str) -> None:
    for name, path, goal in (
        ("lesson page (logged in)", seeded.lesson_url, "≥ 0.7x bare page"),
        ("/my-training/", "/my-training/", "≥ 0.7x bare page"),
    ):
        check_page(scratch.url + path, cookie)
        row = Row(f"{name}: req/s vs bare Wagtail page", "req/s", goal)
        errors = 0

        def ours(row=row, path=path):
            nonlocal errors
            rate, p50, p95, err = wrk(scratch, path, cookie)
            row.ours.append(rate)
            row.latency.append(f"{p50:.0f}/{p95:.0f}")
            errors += err

        def base(row=row):
            nonlocal errors
            rate, p50, p95, err = wrk(scratch, bare_path, cookie)
            row.base.append(rate)
            row.base_latency.append(f"{p50:.0f}/{p95:.0f}")
            errors += err

        wrk(scratch, path, cookie, 2)  # warm both (template caches, connections)
        wrk(scratch, bare_path, cookie, 2)
        interleave(ROUNDS, ours, base)
        row.note = f"{errors} errors" if errors else ""
        ROWS.append(row)
        log(f"{name}: {row.ours} vs {row.base}")


def bench_dashboards(scratch: Scratch, hr_cookie: str, security_cookie: str) -> None:
    import baselines
    from django.db import connection
    from django.utils import timezone

    today = timezone.localdate()
    pages = (
        ("HR dashboard", "/reports/", hr_cookie, "hr", "p50 < 500 ms; ≥ 0.67x (1.5x its time)"),
        ("people list", "/reports/people/", hr_cookie, "people", "p50 < 500 ms"),
        ("overdue", "/reports/overdue/", hr_cookie, "overdue", "p50 < 500 ms"),
        ("risk heat map", "/reports/heatmap/", security_cookie, "heatmap", "p50 < 500 ms"),
        ("security dashboard", "/reports/security/", security_cookie, "security", "p50 < 500 ms"),
    )
    for name, path, cookie, key, goal in pages:
        try:
            check_page(scratch.url + path, cookie)
        except RuntimeError as error:
            log(str(error))
            FAILED.append(f"{name}: {str(error).splitlines()[0]}")
            continue
        row = Row(f"{name}: page over HTTP vs its raw SQL", "ms", goal)
        raw = baselines.DASHBOARDS[key]

        def ours(row=row, path=path, cookie=cookie):
            status, seconds, _body = http_get(scratch.url + path, cookie)
            assert status == 200, (path, status)
            row.ours.append(seconds * 1000)

        def base(row=row, raw=raw):
            with connection.cursor() as cursor:
                seconds, _ = timed(lambda: raw(cursor.cursor, today))
            row.base.append(seconds * 1000)

        ours()  # warm: the first request of each page fills caches
        row.ours.clear()
        interleave(ROUNDS, ours, base)
        ROWS.append(row)
        log(f"{name}: {row.ours} vs {row.base}")


def bench_export(hr_user_id: int, course_id: int) -> None:
    """One course's records (a thirtieth: 10,000 rows), so three rounds fit the time budget."""
    import baselines
    from django.db import connection

    from reports.models import ExportJob
    from reports.services import export_job_run

    row = Row(
        "records export CSV, one course vs COPY of the same join", "s", "≥ 0.33x (3x its time)"
    )
    rows = 0

    def ours():
        nonlocal rows
        job = ExportJob.objects.create(
            requested_by_id=hr_user_id,
            kind=ExportJob.Kind.RECORDS,
            format="csv",
            params={"course": course_id},
        )
        seconds, job = timed(lambda: export_job_run(job=job))
        assert job.state == ExportJob.State.DONE, job.error
        rows = job.total
        job.file.delete(save=False)
        job.delete()
        row.ours.append(seconds)

    def base():
        with connection.cursor() as cursor:
            seconds, _ = timed(lambda: baselines.export_copy(cursor.cursor, course_id))
        row.base.append(seconds)

    interleave(ROUNDS, ours, base)
    row.note = f"{rows:,} rows; the Celery task's service, in-process"
    ROWS.append(row)
    log(f"export: {row.ours} vs {row.base}")


def bench_jobs() -> None:
    """Each job on the seeded day (about 1 % due), then again with nothing due, inside a
    transaction rolled back afterwards, so every round starts from the same data."""
    import baselines
    from django.db import connection, transaction
    from django.utils import timezone

    from automation import services

    today = timezone.localdate()
    settings = services._settings()
    jobs = (
        (
            "reminders",
            lambda: services.reminders_run(today=today),
            lambda c: baselines.reminders_due(c, today, settings.days_before()),
        ),
        (
            "escalation",
            lambda: services.escalation_run(today=today),
            lambda c: baselines.escalations_due(
                c, today - datetime.timedelta(days=settings.escalation_after_days)
            ),
        ),
        (
            "refreshers",
            lambda: services.refreshers_run(today=today),
            lambda c: baselines.refreshers_due(
                c, today + datetime.timedelta(days=settings.refresher_lead_days)
            ),
        ),
    )
    for name, job, select in jobs:
        due = Row(f"{name} job, seeded day vs raw SELECT of due rows", "ms", "≥ 500 effects/s")
        idle = Row(f"{name} job, nothing due vs raw SELECT", "ms", "≈ 1x (its SELECT)")
        effects: list[str] = []
        for _ in range(ROUNDS):
            with transaction.atomic():
                with connection.cursor() as cursor:
                    seconds, found = timed(lambda c=cursor, s=select: s(c.cursor))
                    due.base.append(seconds * 1000)
                    seconds, counts = timed(job)
                    due.ours.append(seconds * 1000)
                    done = sum(counts.values()) if name != "escalation" else counts["assignments"]
                    effects.append(f"{found} due, {done} done, {done / seconds:.0f}/s")
                    seconds, _ = timed(lambda c=cursor, s=select: s(c.cursor))
                    idle.base.append(seconds * 1000)
                    seconds, _ = timed(job)
                    idle.ours.append(seconds * 1000)
                transaction.set_rollback(True)
        due.note = effects[-1]
        ROWS.extend([due, idle])
        log(f"{name}: {due.ours} vs {due.base}; idle {idle.ours} vs {idle.base}")


def bench_certificate() -> None:
    from certificate import make_data, register_fonts, render_minimal

    from certificates.pdf import render_certificate

    register_fonts()
    minimal = render_minimal
    rows = make_data(20 if QUICK else 50)
    for data in rows[:3]:
        render_certificate(data)
        minimal(data)
    row = Row("certificate PDF (cs, QR) vs minimal ReportLab + QR", "ms", "≥ 0.5x (2x its time)")

    def ours():
        seconds, _ = timed(lambda: [render_certificate(d) for d in rows])
        row.ours.append(seconds * 1000 / len(rows))

    def base():
        seconds, _ = timed(lambda: [minimal(d) for d in rows])
        row.base.append(seconds * 1000 / len(rows))

    interleave(ROUNDS, ours, base)
    row.note = "ms per certificate, in-process"
    ROWS.append(row)
    log(f"certificate: {row.ours} vs {row.base}")


def rush(scratch: Scratch, requests: list[dict], window: float) -> list[dict]:
    spec = {"host": "127.0.0.1", "port": scratch.port, "window": window, "requests": requests}
    result = subprocess.run(  # noqa: S603 - our own client script
        [sys.executable, str(BENCH / "rush.py")],
        input=json.dumps(spec),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_rush(scratch: Scratch, seeded, bare_path: str) -> None:
    from django.db.models import Count

    from courses.models import Assignment
    from organisation.models import User
    from quizzes import services as quiz_services
    from quizzes.models import Attempt, Quiz

    submits, starts = (30, 100) if QUICK else (100, 300)
    submit_row = Row(
        f"rush: {submits} concurrent quiz submits vs bare page, p95", "ms", "p95 < 2 s, 0 errors"
    )
    start_row = Row(
        f"rush: {starts} quiz starts within 10 s vs bare page, p95", "ms", "p95 < 1 s, 0 errors"
    )
    problems = {"submit": [0, 0], "start": [0, 0]}  # errors, duplicates

    def learners(course_id: int, count: int) -> list:
        ids = Assignment.objects.filter(course_id=course_id, status="assigned").values_list(
            "user_id", flat=True
        )[:count]
        return list(User.objects.filter(pk__in=list(ids)))

    def record(row: Row, results: list[dict], target: list[float], latency: list[str]) -> int:
        seconds = [r["seconds"] * 1000 for r in results]
        target.append(percentile(seconds, 0.95))
        latency.append(f"{percentile(seconds, 0.5):.0f}/{percentile(seconds, 0.95):.0f}")
        return sum(not r["ok"] for r in results)

    def bare(count: int, window: float, row: Row, cookie: str) -> None:
        results = rush(
            scratch, [{"method": "GET", "path": bare_path, "cookie": cookie}] * count, window
        )
        record(row, results, row.base, row.base_latency)

    for round_number in range(ROUNDS):
        # Submits: attempts started beforehand through the service, submitted all at once.
        quiz = Quiz.objects.get(course_id=seeded.course_ids[round_number])
        people = learners(quiz.course_id, submits)
        requests, attempt_ids = [], []
        for person in people:
            attempt = quiz_services.attempt_start(user=person, quiz=quiz)
            attempt_ids.append(attempt.pk)
            requests.append(
                {
                    "method": "POST",
                    "path": f"/quizzes/attempts/{attempt.pk}/submit/",
                    "cookie": session_cookie(person),
                    "body": f"csrfmiddlewaretoken={CSRF}",
                    "expect": "/result/",
                }
            )
        results = rush(scratch, requests, 0)
        problems["submit"][0] += record(submit_row, results, submit_row.ours, submit_row.latency)
        submitted = Attempt.objects.filter(pk__in=attempt_ids, submitted_at__isnull=False).count()
        problems["submit"][1] += (
            Attempt.objects.filter(quiz=quiz, user__in=people)
            .values("assignment")
            .annotate(n=Count("id"))
            .filter(n__gt=1)
            .count()
        )
        problems["submit"][0] += len(attempt_ids) - submitted
        bare(submits, 0, submit_row, requests[0]["cookie"])

        # Starts: different people on another quiz, spread over 10 s.
        quiz = Quiz.objects.get(course_id=seeded.course_ids[ROUNDS + round_number])
        people = learners(quiz.course_id, starts)
        requests = [
            {
                "method": "POST",
                "path": f"/quizzes/{quiz.pk}/start/",
                "cookie": session_cookie(person),
                "body": f"csrfmiddlewaretoken={CSRF}",
                "expect": "/quizzes/attempts/",
            }
            for person in people
        ]
        results = rush(scratch, requests, 10)
        problems["start"][0] += record(start_row, results, start_row.ours, start_row.latency)
        problems["start"][1] += (
            Attempt.objects.filter(quiz=quiz)
            .values("user")
            .annotate(n=Count("id"))
            .filter(n__gt=1)
            .count()
        )
        bare(starts, 10, start_row, requests[0]["cookie"])
        log(f"rush round {round_number + 1}: {submit_row.ours} / {start_row.ours}")
    for row, key in ((submit_row, "submit"), (start_row, "start")):
        errors, duplicates = problems[key]
        row.note = f"{errors} errors, {duplicates} duplicates"
        ROWS.append(row)


# --- the table ------------------------------------------------------------------------------


def fmt(value: float, unit: str) -> str:
    if unit == "req/s":
        return f"{value:.0f} req/s"
    if unit == "s":
        return f"{value:.1f} s"
    return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def table() -> str:
    lines = [
        "| row | ours (median) | baseline (median) | ours / baseline speed: median (min–max) "
        "| goal | p50/p95 ms ours · baseline | notes |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in ROWS:
        ratios = row.ratios()
        ratio = (
            f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}–{max(ratios):.2f})"
            if ratios
            else "–"
        )
        latency = ""
        if row.latency:
            latency = (
                f"{row.latency[len(row.latency) // 2]} · {row.base_latency[len(row.latency) // 2]}"
            )
        lines.append(
            f"| {row.name} | {fmt(statistics.median(row.ours), row.unit)} "
            f"| {fmt(statistics.median(row.base), row.unit)} | {ratio} | {row.goal} "
            f"| {latency} | {row.note} |"
        )
    return "\n".join(lines)


FAILED: list[str] = []


def section(fn: Callable, *args) -> None:
    """One section's failure is reported under the table; the others still run."""
    try:
        fn(*args)
    except Exception as error:  # noqa: BLE001 - reported, and the exit status says so
        import traceback

        traceback.print_exc()
        FAILED.append(f"{fn.__name__}: {str(error).splitlines()[0] if str(error) else repr(error)}")


def main() -> None:
    started = time.monotonic()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: `make bench` installs it (apt-get install wrk).")
    scratch = Scratch()
    # SIGTERM (a CI timeout, kill) ends the run like Ctrl-C does: through the cleanup below.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    # A shell starting us in the background ignores SIGINT; Ctrl-C must still clean up.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        env = scratch.environment()
        os.environ.update(env)
        sys.path.insert(0, str(BENCH))
        scratch.create_database()
        import django
        from django.core.management import call_command

        django.setup()
        log(f"database {scratch.name}: migrating")
        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        log("seeding")
        import seed as seeding

        seed_started = time.monotonic()
        seeded = seeding.seed(employees=EMPLOYEES, attempts=ATTEMPTS)
        seed_seconds = time.monotonic() - seed_started
        log(f"seeded in {seed_seconds:.0f} s: {seeded.counts}")

        from django.db import connection
        from wagtail.models import Page

        from elearning.models import HomePage
        from organisation.models import User

        # The baseline page: Wagtail's own Page under the home page, rendered by the
        # template in bench/templates (bench/settings.py), nothing of ours on it.
        bare = HomePage.objects.first().add_child(instance=Page(title="Holá stránka", slug="bare"))
        bare_path = bare.get_url()
        connection.close()

        learner = User.objects.get(pk=seeded.learner_id)
        cookie = session_cookie(learner)
        hr_cookie = session_cookie(User.objects.get(pk=seeded.hr_user_id))
        security_cookie = session_cookie(User.objects.get(pk=seeded.security_user_id))

        scratch.start_server(env)
        check_page(scratch.url + bare_path, cookie, expect="Holá stránka".encode())
        log(f"gunicorn on {scratch.url}")
        section(bench_pages, scratch, seeded, cookie, bare_path)
        section(bench_dashboards, scratch, hr_cookie, security_cookie)
        section(bench_rush, scratch, seeded, bare_path)
        scratch.stop_server()
        section(bench_export, seeded.hr_user_id, seeded.course_ids[-1])
        section(bench_jobs)
        section(bench_certificate)
        print()
        print(
            f"{EMPLOYEES:,} employees, {seeded.counts['assignments']:,} assignments, "
            f"{seeded.counts['attempts']:,} attempts (seeded in {seed_seconds:.0f} s); "
            f"gunicorn {CONNECTIONS} connections, {LOAD_SECONDS} s per load run, "
            f"{ROUNDS} rounds A/B interleaved; total {time.monotonic() - started:.0f} s"
            f"{' (BENCH_QUICK)' if QUICK else ''}."
        )
        print()
        print(table())
        for failure in FAILED:
            print(f"\nFAILED {failure}")
        if FAILED:
            sys.exit(1)
    except KeyboardInterrupt:
        log("interrupted")
        sys.exit(130)
    finally:
        scratch.cleanup()


if __name__ == "__main__":
    main()
