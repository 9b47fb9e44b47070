"""Seeds a PostgreSQL database at a magistrate's scale in bulk (COPY and INSERT ... SELECT).

10,000 employees in 10 departments of 5 sections, 30 courses as real Wagtail pages (3 lessons
and a quiz each), 300,000 assignments, 50,000 graded quiz attempts with their questions,
a certificate for every completed assignment, approved risk reviews for the heat map, and
the reminder/escalation ledger already written for all but 1 in 200 of the open rows (so
the jobs have a realistic day's work, not 100,000 first reminders). Big tables go in with
COPY, derived ones with INSERT ... SELECT in the database: a few seconds per 100,000 rows.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

# The share of open assignments whose reminder or escalation is still to be sent (1 in N).
DUE_ONE_IN = 200
# The share of certificates expiring within the refresher lead time (1 in N).
EXPIRING_ONE_IN = 360


@dataclass
class Seeded:
    hr_user_id: int
    security_user_id: int
    learner_id: int
    lesson_url: str
    course_ids: list[int]
    quiz_ids: list[int]
    counts: dict[str, int] = field(default_factory=dict)


def copy_rows(table: str, columns: list[str], rows) -> int:
    """COPY rows (tuples in `columns` order) into `table`; psycopg 3 adapts the values."""
    count = 0
    with connection.cursor() as cursor:
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def _sql(statement: str, params=None) -> int:
    with connection.cursor() as cursor:
        cursor.execute(statement, params or [])
        return cursor.rowcount


def seed(*, employees: int = 10_000, courses: int = 30, attempts: int = 50_000) -> Seeded:
    from courses.models import CoursePage, LessonPage
    from elearning.site_setup import site_setup
    from organisation.models import User, Workplace
    from organisation.roles import EMPLOYEE, HR, SECURITY_MANAGER
    from risk.models import RiskAssessment, RiskCategory, RiskReview
    from risk.selectors import policy_current
    from tests.factories import make_quiz

    rng = random.Random(7)
    now = timezone.now()
    today = timezone.localdate()
    _home, index = site_setup()

    categories = [
        RiskCategory.objects.get_or_create(
            code=f"bench-{i}", defaults={"name": f"Riziko č. {i + 1} – únik údajů", "sort_order": i}
        )[0]
        for i in range(5)
    ]

    departments = []
    for d in range(10):
        root = Workplace.add_root(name=f"Odbor {d + 1} – správní", code=f"odbor-{d}")
        departments.append(root)
        for s in range(5):
            root.add_child(name=f"Oddělení {d + 1}.{s + 1} – agenda", code=f"odd-{d}-{s}")
            root.refresh_from_db()
    places = list(Workplace.objects.filter(depth=2).order_by("path"))

    pages, quizzes, lesson_url = [], [], ""
    for c in range(courses):
        page = CoursePage(
            title=f"Kurz č. {c + 1}: bezpečnost",
            slug=f"kurz-{c}",
            summary="Shrnutí kurzu",
            refresher_months=12,
            # The rush starts the quiz straight away, as someone who knows the subject would.
            lessons_first=c >= 6,
        )
        index.add_child(instance=page)
        for i in range(1, 4):
            lesson = LessonPage(
                title=f"Lekce {i}",
                slug=f"lekce-{i}",
                body=[{"type": "rich_text", "value": f"<p>Obsah lekce {i} – žluťoučký kůň.</p>"}],
            )
            page.add_child(instance=lesson)
            lesson_url = lesson_url or lesson.get_url()
        page.refresh_from_db()
        page.risk_categories = [categories[c % len(categories)]]
        page.save()
        quizzes.append(make_quiz(page, questions=10, max_attempts=None, wait_minutes=0))
        pages.append(page)

    hr_user = User.objects.create_user("hr@bench.example.cz", first_name="Hana", last_name="HR")
    hr_user.groups.add(Group.objects.get(name=HR))
    security = User.objects.create_user(
        "bezpecnost@bench.example.cz", first_name="Bořek", last_name="Bezpečnostní"
    )
    security.groups.add(Group.objects.get(name=SECURITY_MANAGER))
    policy = policy_current()
    for department in departments:
        review = RiskReview.objects.create(workplace=department, reviewer=security)
        for k, category in enumerate(categories):
            likelihood, impact = 1 + (k % 4), 1 + (k % 3)
            RiskAssessment.objects.create(
                review=review,
                category=category,
                likelihood=likelihood,
                impact=impact,
                level=policy.level_for(likelihood, impact),
            )
    # Approved as the approval service would leave them, without running its plan application.
    RiskReview.objects.update(
        status=RiskReview.Status.APPROVED, approved_by=security, approved_at=now
    )

    people = User.objects.bulk_create(
        (
            User(
                email=f"zamestnanec{i}@bench.example.cz",
                first_name="Jiří",
                last_name=f"Dvořák {i:05d}",
                personal_number=f"B{i:06d}",
                workplace=places[i % len(places)],
                job_title="referent",
                password="!",  # noqa: S106 - unusable: sessions are made by the bench
            )
            for i in range(employees)
        ),
        batch_size=5000,
    )
    employee_group = Group.objects.get(name=EMPLOYEE)
    through = User.groups.through
    through.objects.bulk_create(
        (through(user_id=p.pk, group_id=employee_group.pk) for p in people), batch_size=5000
    )
    # The first person of each section manages the rest of it (escalations go to them).
    _sql(
        "UPDATE organisation_user u SET manager_id = m.id FROM ("
        " SELECT workplace_id, MIN(id) AS id FROM organisation_user"
        " WHERE email LIKE 'zamestnanec%%' GROUP BY workplace_id) m"
        " WHERE u.workplace_id = m.workplace_id AND u.id <> m.id"
    )

    def assignment_rows():
        for person in people:
            for page in pages:
                kind = rng.random()
                created = now - datetime.timedelta(days=rng.randint(30, 400))
                due = today + datetime.timedelta(days=rng.randint(-300, 60))
                if kind < 0.6:
                    done = created + datetime.timedelta(days=rng.randint(1, 25))
                    status, completed, version, score = "completed", done, 1, rng.randint(50, 100)
                else:
                    status = "not_required" if kind > 0.95 else "assigned"
                    completed = version = score = None
                yield (
                    person.pk,
                    page.pk,
                    due,
                    "Přiřazeno na základě analýzy rizik.",
                    "manual",
                    status,
                    "",
                    created,
                    completed,
                    version,
                    score,
                )

    # The learner whose pages are measured: the first employee, with all 30 courses.
    with transaction.atomic():
        counts = {
            "assignments": copy_rows(
                "courses_assignment",
                [
                    "user_id",
                    "course_id",
                    "due_date",
                    "reason",
                    "source",
                    "status",
                    "risk_level",
                    "created_at",
                    "completed_at",
                    "completed_version",
                    "score",
                ],
                assignment_rows(),
            )
        }
    counts["employees"] = employees
    counts["attempts"] = _seed_attempts(attempts)
    counts["certificates"] = _seed_certificates(today)
    counts["ledger"] = _seed_ledger(today)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return Seeded(
        hr_user_id=hr_user.pk,
        security_user_id=security.pk,
        learner_id=people[0].pk,
        lesson_url=lesson_url,
        course_ids=[p.pk for p in pages],
        quiz_ids=[q.pk for q in quizzes],
        counts=counts,
    )


def _seed_attempts(n: int) -> int:
    """One graded attempt for n completed assignments (first attempts), 5 questions each."""
    # Courses 0-11 stay without attempts: the rush takes their quizzes afresh.
    made = _sql(
        "INSERT INTO quizzes_attempt (user_id, assignment_id, quiz_id, number, started_at,"
        " submitted_at, score, passed, awaiting_grading)"
        " SELECT a.user_id, a.id, q.id, 1, a.completed_at - interval '20 minutes',"
        " a.completed_at, a.score, a.score >= 70, false"
        " FROM courses_assignment a JOIN quizzes_quiz q ON q.course_id = a.course_id"
        " WHERE a.status = 'completed'"
        " AND a.course_id NOT IN (SELECT course_id FROM quizzes_quiz ORDER BY id LIMIT 12)"
        " ORDER BY md5(a.id::text) LIMIT %s",
        [n],
    )
    _sql(
        "WITH qs AS (SELECT p.quiz_id, q.id AS question_id,"
        " row_number() OVER (PARTITION BY p.quiz_id ORDER BY q.id) - 1 AS k"
        " FROM quizzes_quizpool p JOIN quizzes_question q ON q.bank_id = p.bank_id)"
        ' INSERT INTO quizzes_attemptquestion (attempt_id, question_id, "order", choice_order,'
        " points)"
        " SELECT at.id, qs.question_id, g, '[]'::jsonb,"
        " CASE WHEN (at.id * 7 + qs.question_id) %% 10 < 3 THEN 0 ELSE 1 END"
        " FROM quizzes_attempt at CROSS JOIN generate_series(1, 5) g"
        " JOIN qs ON qs.quiz_id = at.quiz_id AND qs.k = (at.id + g) %% 10"
    )
    return made


def _seed_certificates(today: datetime.date) -> int:
    """A certificate for every completed assignment; 1 in EXPIRING_ONE_IN within 30 days."""
    return _sql(
        "INSERT INTO certificates_certificate (assignment_id, serial_number, verification_code,"
        " holder_name, course_title, course_version, organisation_name, language, completed_on,"
        " score, valid_until, issued_at, pdf, revoke_reason)"
        " SELECT a.id, 'B-' || a.id, md5('bench' || a.id), u.first_name || ' ' || u.last_name,"
        " p.title, 1, 'Magistrát', 'cs', a.completed_at::date, a.score,"
        " CASE WHEN a.id %% %s = 0 THEN %s::date + (a.id %% 30)::int"
        " ELSE %s::date + 31 + (a.id %% 700)::int END, a.completed_at, '', ''"
        " FROM courses_assignment a JOIN organisation_user u ON u.id = a.user_id"
        " JOIN wagtailcore_page p ON p.id = a.course_id WHERE a.status = 'completed'",
        [EXPIRING_ONE_IN, today, today],
    )


def _seed_ledger(today: datetime.date) -> int:
    """Reminders and escalations already recorded, except for 1 in DUE_ONE_IN open rows."""
    from automation import ladder, services

    days_before = sorted(set(services._settings().days_before()))
    steps = [(ladder.ASSIGNED, "true")]
    steps.append((ladder.OVERDUE, "a.due_date < %(today)s"))
    steps += [
        (ladder.before(days), f"a.due_date <= %(today)s::date + {int(days)}")
        for days in days_before
    ]
    total = 0
    for step, condition in steps:
        total += _sql(
            "INSERT INTO automation_notification (key, kind, step, skipped, assignment_id,"  # noqa: S608  # nosec B608
            " created_at)"
            f" SELECT 'reminder:' || a.id || ':{step}', 'reminder', '{step}', true, a.id, now()"
            " FROM courses_assignment a WHERE a.status = 'assigned'"
            f" AND a.id %% {DUE_ONE_IN} <> 0 AND {condition}",
            {"today": today},
        )
    total += _sql(
        "INSERT INTO automation_notification (key, kind, step, skipped, assignment_id, created_at)"  # noqa: S608  # nosec B608
        " SELECT 'escalation:' || a.id || ':hr', 'escalation', 'hr', false, a.id, now()"
        " FROM courses_assignment a WHERE a.status = 'assigned' AND a.due_date < %s"
        f" AND a.id %% {DUE_ONE_IN} <> 0",
        [today],
    )
    return total
