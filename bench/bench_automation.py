"""Benchmark: the refresher scan over 100,000 certificates next to the raw SQL of the same rows.

Run with `make bench` (or `.venv/bin/python bench/bench_automation.py [--n 100000]`).
"""

import argparse
import datetime
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import django_env  # noqa: E402

SQL = """
SELECT c.id, a.user_id, a.course_id, c.valid_until
FROM certificates_certificate c
JOIN courses_assignment a ON a.id = c.assignment_id
JOIN organisation_user u ON u.id = a.user_id
WHERE c.revoked_at IS NULL AND c.valid_until IS NOT NULL AND c.valid_until <= %s
  AND u.is_active
  AND NOT EXISTS (SELECT 1 FROM automation_notification n
                  WHERE n.key = 'refresher:' || CAST(c.id AS TEXT))
ORDER BY c.valid_until, c.id
"""


def seed(n: int) -> datetime.date:
    from django.utils import timezone

    from automation.models import Notification
    from certificates.models import Certificate
    from courses.models import Assignment, CoursePage, LessonPage
    from elearning.site_setup import site_setup
    from organisation.models import User, Workplace

    _home, index = site_setup()
    courses = []
    for i in range(30):
        course = CoursePage(title=f"Kurz {i}", slug=f"kurz-{i}", summary="Shrnutí")
        index.add_child(instance=course)
        course.add_child(instance=LessonPage(title="Lekce", slug="lekce", body=[]))
        courses.append(course)
    workplace = Workplace.add_root(name="Magistrát", code="magistrat")
    per_user = 10
    users = User.objects.bulk_create(
        (
            User(
                email=f"u{i}@example.cz",
                first_name="Jiří",
                last_name=f"Kůň {i}",
                workplace=workplace,
            )
            for i in range(n // per_user)
        ),
        batch_size=2000,
    )
    now = timezone.now()
    today = timezone.localdate()
    assignments = Assignment.objects.bulk_create(
        (
            Assignment(
                user=u,
                course=courses[j % len(courses)],
                status="completed",
                completed_at=now,
                completed_version=1,
                score=80,
            )
            for u in users
            for j in range(per_user)
        ),
        batch_size=5000,
    )
    # Expiry spread over two years, so about 4 % fall within the 30-day lead time.
    certificates = Certificate.objects.bulk_create(
        (
            Certificate(
                assignment=a,
                serial_number=f"B-{k:07d}",
                verification_code=secrets.token_urlsafe(16),
                holder_name="Jiří Kůň",
                course_title="Kurz",
                course_version=1,
                organisation_name="Magistrát",
                completed_on=today,
                valid_until=today + datetime.timedelta(days=k % 730),
            )
            for k, a in enumerate(assignments)
        ),
        batch_size=5000,
    )
    # Half of the expiring ones already have their refresher: NOT EXISTS has work to do.
    Notification.objects.bulk_create(
        (
            Notification(key=f"refresher:{c.pk}", kind="refresher")
            for c in certificates
            if c.valid_until <= today + datetime.timedelta(days=30) and c.pk % 2 == 0
        ),
        batch_size=5000,
    )
    return today


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    django_env.setup()
    from django.db import connection

    from automation.services import refresher_candidates

    today = seed(args.n)
    lead = 30
    limit = today + datetime.timedelta(days=lead)

    def ours():
        return list(
            refresher_candidates(today=today, lead_days=lead).values_list(
                "id", "assignment__user_id", "assignment__course_id", "valid_until"
            )
        )

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(SQL, [limit])
            return cursor.fetchall()

    ours_s, ours_rows = django_env.best_of(ours)
    raw_s, raw_rows = django_env.best_of(raw)
    same = [tuple(map(str, r)) for r in ours_rows] == [tuple(map(str, r)) for r in raw_rows]
    ratio = ours_s / raw_s
    print()
    print(f"Refresher scan ({connection.vendor}, {args.n:,} certificates, best of 5)")
    print()
    print("| benchmark | rows | ours (ms) | raw SQL (ms) | ratio | goal | same rows |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| refresher scan | {len(ours_rows):,} | {ours_s * 1000:.1f} | {raw_s * 1000:.1f} "
        f"| {ratio:.2f} | ≤ 3.0 ({'met' if ratio <= 3 else 'NOT met'}) | {same} |"
    )


if __name__ == "__main__":
    main()
