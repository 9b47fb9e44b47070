"""Measure HR's completion report against raw SQL of the same numbers, and the full export.

Seeds 10,000 employees x 30 courses (300,000 assignments) with bulk_create into a temporary
SQLite file (or the database in DATABASE_URL), then prints a markdown table:
- the HR completion report (per workplace rolled up, per course, per month) through our
  selector, next to raw SQL computing the same numbers in the same run (goal: at most 3x);
- the full records export (every assignment, as the Celery task writes it) with its time and
  peak memory, each export in a fresh process so its peak is its own, next to the export of
  one course's rows (a thirtieth): equal peaks mean memory stays flat.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

# Run as a plain script from the repository root or anywhere else, without installing.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_RATIO = 3.0
WORKDIR = tempfile.mkdtemp(prefix="bench-reports-")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.test")

import django  # noqa: E402
from django.conf import settings  # noqa: E402

# Files go to a temporary directory (the test settings keep them in memory, which would put
# the whole export file into the memory this script measures).
settings.STORAGES = {
    **settings.STORAGES,
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": WORKDIR},
    },
}
django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from courses.models import Assignment, CoursePage  # noqa: E402
from elearning.site_setup import site_setup  # noqa: E402
from organisation.models import User, Workplace  # noqa: E402
from organisation.roles import HR  # noqa: E402
from reports.hr import selectors as hr  # noqa: E402
from reports.models import ExportJob  # noqa: E402
from reports.scope import EVERYONE, Scope  # noqa: E402
from reports.services import export_job_run  # noqa: E402

BATCH = 10_000
# Unique values carry a per-run tag, so a second run against the same DATABASE_URL adds its
# own rows instead of failing; the figures then cover everything in that database.
RUN = secrets.token_hex(3)


def seed(employees: int, courses: int, departments: int, sections: int) -> User:
    """Workplaces, courses as real Wagtail pages, people and their assignments, in bulk."""
    _home, index = site_setup()
    roots = []
    for d in range(departments):
        root = Workplace.add_root(name=f"Odbor {d + 1} – správní", code=f"odbor-{RUN}-{d}")
        roots.append(root)
        for s in range(sections):
            root.add_child(name=f"Oddělení {d + 1}.{s + 1} – agenda", code=f"odd-{RUN}-{d}-{s}")
            root.refresh_from_db()
    places = list(Workplace.objects.order_by("path"))
    pages = []
    for c in range(courses):
        page = CoursePage(
            title=f"Kurz č. {c + 1}: bezpečnost", slug=f"kurz-{RUN}-{c}", summary="Shrnutí"
        )
        index.add_child(instance=page)
        pages.append(page)

    hr_user = User.objects.create_user(f"hr-{RUN}@example.cz", first_name="Hana", last_name="HR")
    hr_user.groups.add(*Group.objects.filter(name=HR))

    rng = random.Random(7)
    today = timezone.localdate()
    for start in range(0, employees, BATCH):
        people = User.objects.bulk_create(
            User(
                email=f"zamestnanec{i}-{RUN}@example.cz",
                first_name="Jiří",
                last_name=f"Dvořák {i:05d}",
                personal_number=f"B{RUN}{i:06d}",
                workplace=places[i % len(places)],
                password="!",  # noqa: S106 - unusable password: nobody logs in as them
            )
            for i in range(start, min(start + BATCH, employees))
        )
        rows = []
        for person in people:
            for page in pages:
                kind = rng.random()
                created = timezone.now() - datetime.timedelta(days=rng.randint(30, 400))
                due = today + datetime.timedelta(days=rng.randint(-300, 60))
                if kind < 0.6:
                    rows.append(
                        Assignment(
                            user=person,
                            course=page,
                            created_at=created,
                            due_date=due,
                            status=Assignment.Status.COMPLETED,
                            completed_at=created + datetime.timedelta(days=rng.randint(1, 25)),
                            completed_version=1,
                            score=Decimal(rng.randint(50, 100)),
                        )
                    )
                else:
                    status = (
                        Assignment.Status.NOT_REQUIRED
                        if kind > 0.95
                        else Assignment.Status.ASSIGNED
                    )
                    rows.append(
                        Assignment(
                            user=person,
                            course=page,
                            created_at=created,
                            due_date=due,
                            status=status,
                        )
                    )
        Assignment.objects.bulk_create(rows, batch_size=5000)
    return hr_user


def _add(total: tuple | None, values) -> tuple:
    return (
        tuple(values) if total is None else tuple(a + b for a, b in zip(total, values, strict=True))
    )


def raw_sql_report(today: datetime.date, *, rollup_in_sql: bool) -> dict:
    """The report's numbers straight from SQL: rolled-up workplaces, courses, months.

    Two ways: everything in SQL (the tree rolled up by a join on the path prefix, courses in
    their own GROUP BY), or one scan grouped by workplace and course with the sums in a few
    lines of Python. The faster one is the baseline, so the comparison is never against a
    needlessly slow query.
    """
    counts = (
        "COUNT(a.id), "
        "SUM(CASE WHEN a.status = 'completed' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN a.status = 'assigned' AND a.due_date < %s THEN 1 ELSE 0 END)"
    )
    population = (
        "FROM courses_assignment a JOIN organisation_user u ON u.id = a.user_id "
        "WHERE u.is_active AND a.status <> 'not_required'"
    )
    months = hr.trend_months(hr.Filters(), today)
    first, last = months[0], hr.month_end(months[-1])
    result = {}
    with connection.cursor() as cursor:
        if rollup_in_sql:
            # Every workplace with everything at or below it (path prefix), in one statement.
            cursor.execute(
                f"SELECT w.id, {counts} FROM organisation_workplace w "  # noqa: S608 - fixed SQL, dates are params  # nosec B608
                "JOIN organisation_workplace below "
                "ON substr(below.path, 1, length(w.path)) = w.path "
                "JOIN organisation_user u ON u.workplace_id = below.id "
                "JOIN courses_assignment a ON a.user_id = u.id "
                "WHERE u.is_active AND a.status <> 'not_required' GROUP BY w.id",
                [today],
            )
            result["workplaces"] = {row[0]: tuple(row[1:]) for row in cursor.fetchall()}
            cursor.execute(  # nosemgrep: no-sql-string-formatting - fixed SQL
                f"SELECT a.course_id, {counts} {population} GROUP BY a.course_id",  # noqa: S608
                [today],
            )
            result["courses"] = {row[0]: tuple(row[1:]) for row in cursor.fetchall()}
        else:
            # One scan grouped by workplace and course; Python sums both ways and up the tree.
            cursor.execute(
                f"SELECT u.workplace_id, a.course_id, {counts} {population} "  # noqa: S608
                "GROUP BY u.workplace_id, a.course_id",
                [today],
            )
            own: dict = {}
            courses: dict = {}
            for workplace, course, *values in cursor.fetchall():
                own[workplace] = _add(own.get(workplace), values)
                courses[course] = _add(courses.get(course), values)
            result["courses"] = courses
            cursor.execute("SELECT id, path FROM organisation_workplace")
            paths = dict(cursor.fetchall())
            totals: dict = {}
            for pk, path in paths.items():
                for w, values in own.items():
                    if w is not None and paths[w].startswith(path):
                        totals[pk] = _add(totals.get(pk), values)
            result["workplaces"] = totals
        cursor.execute(
            f"SELECT a.due_date, {counts} {population} "  # noqa: S608
            "AND a.due_date BETWEEN %s AND %s GROUP BY a.due_date",
            [today, first, last],
        )
        by_month: dict = {}
        for day, *values in cursor.fetchall():
            day = day if isinstance(day, datetime.date) else datetime.date.fromisoformat(day)
            key = day.replace(day=1)
            by_month[key] = tuple(
                a + b for a, b in zip(by_month.get(key, (0, 0, 0)), values, strict=True)
            )
        result["months"] = by_month
        # Completions per month of the organisation's calendar: one CASE per month on the
        # stored (UTC) timestamps, with the month's local midnights as bounds.
        edges = [hr.day_start(m) for m in months] + [hr.day_start(hr.next_month(months[-1]))]
        edges = [connection.ops.adapt_datetimefield_value(e) for e in edges]
        columns = ", ".join(
            "SUM(CASE WHEN a.completed_at >= %s AND a.completed_at < %s THEN 1 ELSE 0 END)"
            for _ in months
        )
        params = [edge for i in range(len(months)) for edge in (edges[i], edges[i + 1])]
        cursor.execute(
            f"SELECT {columns} FROM courses_assignment a JOIN organisation_user u "  # noqa: S608 - fixed SQL, dates are params  # nosec B608
            "ON u.id = a.user_id WHERE u.is_active AND a.status = 'completed' "
            "AND a.completed_at >= %s AND a.completed_at < %s",
            [*params, edges[0], edges[-1]],
        )
        completions = dict(zip(months, (v or 0 for v in cursor.fetchone()), strict=True))
        result["completions"] = completions
    return result


def ours_report(today: datetime.date) -> hr.HRDashboard:
    return hr.hr_dashboard(
        scope=Scope(viewer_id=0, kind=EVERYONE), filters=hr.Filters(), today=today
    )


def check_same(ours: hr.HRDashboard, raw: dict) -> None:
    """The selector and the raw SQL must agree, or the timing comparison means nothing."""
    for row in ours.workplaces:
        t = row.total
        assert raw["workplaces"][row.pk] == (t.required, t.completed, t.overdue), row.name
    for row in ours.courses:
        c = row.counts
        assert raw["courses"][row.pk] == (c.required, c.completed, c.overdue), row.title
    for row in ours.months:
        c = row.counts
        assert raw["months"].get(row.month, (0, 0, 0)) == (c.required, c.completed, c.overdue)
        assert raw["completions"].get(row.month, 0) == row.completions, row.label


def best(fn: Callable[[], object], rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def export(user_id: int, export_format: str, params: dict) -> dict:
    """One records export through the Celery task's service, in this process."""
    job = ExportJob.objects.create(
        requested_by_id=user_id, kind=ExportJob.Kind.RECORDS, format=export_format, params=params
    )
    started = time.perf_counter()
    job = export_job_run(job=job)
    elapsed = time.perf_counter() - started
    assert job.state == ExportJob.State.DONE, job.error
    return {"seconds": elapsed, "rows": job.total, "bytes": job.file.size}


def export_in_child(user_id: int, export_format: str, params: dict) -> dict:
    """The export in a fresh process, whose peak resident memory is the export's own.

    The parent's peak includes seeding 300,000 rows, so it says nothing about the export;
    tracemalloc would see only Python objects and slow the run down twice over.
    """
    command = [
        sys.executable,
        __file__,
        "--child-export",
        json.dumps({"user": user_id, "format": export_format, "params": params}),
    ]
    output = subprocess.run(  # noqa: S603 - our own script, arguments built here
        command, check=True, capture_output=True, text=True, env=os.environ.copy()
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _status_kib(key: str) -> int:
    """A memory figure of this process from /proc (Linux), in KiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise KeyError(key)


def child_export(spec: str) -> None:
    request = json.loads(spec)
    # Django, the apps and the connection are loaded first; then the peak is reset to what
    # the process holds, so the reported peak is what the export itself adds on top.
    # (getrusage's ru_maxrss would not do: it survives exec and starts at the parent's.)
    Assignment.objects.exists()
    before = _status_kib("VmRSS")
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
        clear.write("5")  # 5: reset the peak resident set size to the current one
    result = export(request["user"], request["format"], request["params"])
    result["rss_before_kib"] = before
    result["rss_peak_kib"] = _status_kib("VmHWM")
    shutil.rmtree(WORKDIR, ignore_errors=True)
    print(json.dumps(result))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--courses", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--xlsx", action="store_true", help="time the full XLSX export too")
    parser.add_argument("--child-export", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_export:
        child_export(args.child_export)
        return

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    user = seed(args.employees, args.courses, departments=10, sections=5)
    seeded = time.perf_counter()
    assignments = Assignment.objects.count()
    today = timezone.localdate()

    ours = ours_report(today)
    in_sql_started = time.perf_counter()
    check_same(ours, raw_sql_report(today, rollup_in_sql=True))
    # The path-prefix join is several times slower than either; one run shows that.
    in_sql = time.perf_counter() - in_sql_started
    check_same(ours, raw_sql_report(today, rollup_in_sql=False))
    ours_best, ours_median = best(lambda: ours_report(today), args.rounds)
    raw_best, raw_median = best(lambda: raw_sql_report(today, rollup_in_sql=False), args.rounds)
    ratio = ours_best / raw_best
    verdict = "met" if ratio <= GOAL_RATIO else "MISSED"
    reported = time.perf_counter()

    one_course = {"course": CoursePage.objects.order_by("pk").values_list("pk", flat=True)[0]}
    runs = [
        ("all records, CSV", export_in_child(user.pk, "csv", {})),
        ("one course's records, CSV", export_in_child(user.pk, "csv", one_course)),
        # openpyxl writes ~2,000 rows of 25 cells a second here: the full XLSX takes minutes
        # (fine in a worker), so it is opt-in and one course's rows show rate and memory.
        ("one course's records, XLSX", export_in_child(user.pk, "xlsx", one_course)),
    ]
    if args.xlsx:
        runs.append(("all records, XLSX", export_in_child(user.pk, "xlsx", {})))

    print(
        f"\nSeeded {args.employees} employees x {args.courses} courses = {assignments} "
        f"assignments on {connection.vendor} (migrate {migrated - started:.0f} s, "
        f"seed {seeded - migrated:.0f} s, reports {reported - seeded:.0f} s).\n"
    )
    print("| HR completion report | rows | best | median | ours / raw SQL | goal |")
    print("|---|---|---|---|---|---|")
    print(
        f"| our selector: workplaces rolled up, courses, 12 months (5 queries) "
        f"| {assignments} | {ms(ours_best)} | {ms(ours_median)} | {ratio:.2f} "
        f"| ≤ {GOAL_RATIO:.0f} ({verdict}) |"
    )
    print(
        "| raw SQL, same numbers: one scan by workplace x course, sums in Python "
        f"| {assignments} | {ms(raw_best)} | {ms(raw_median)} | 1.00 (baseline) | |"
    )
    print(
        "| raw SQL, same numbers, all in SQL (tree by path-prefix join), one run "
        f"| {assignments} | {ms(in_sql)} | – | {ours_best / in_sql:.2f} | |"
    )
    print(
        "\n| export (the Celery task's service, own process) | rows | time | rows/s "
        "| file | process memory before | peak during export |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, run in runs:
        print(
            f"| {name} | {run['rows']} | {run['seconds']:.1f} s "
            f"| {run['rows'] / run['seconds']:,.0f} | {run['bytes'] / MIB:.1f} MiB "
            f"| {run['rss_before_kib'] / 1024:.0f} MiB | {run['rss_peak_kib'] / 1024:.0f} MiB |"
        )
    print(f"\nTotal {time.perf_counter() - started:.0f} s.")
    # The temporary database and files go; a DATABASE_URL database keeps the seeded rows.
    shutil.rmtree(WORKDIR, ignore_errors=True)


MIB = 1024 * 1024


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


if __name__ == "__main__":
    main()
