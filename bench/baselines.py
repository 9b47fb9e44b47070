"""The baselines: raw SQL doing the work of each page, job and export, on one psycopg connection.

Each function runs the statements a hand-written implementation would need for the same
numbers or rows and fetches every result, so the comparison with our page (over HTTP) or job
(through its service) is "what we do" against "what the data costs".
"""

from __future__ import annotations

import datetime

# --- dashboards ----------------------------------------------------------------------------

_POPULATION = (
    "FROM courses_assignment a JOIN organisation_user u ON u.id = a.user_id "
    "WHERE u.is_active AND a.status <> 'not_required'"
)
_COUNTS = (
    "COUNT(a.id), "
    "SUM(CASE WHEN a.status = 'completed' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN a.status = 'assigned' AND a.due_date < %(today)s THEN 1 ELSE 0 END)"
)


def _months(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = (today.replace(day=1) - datetime.timedelta(days=330)).replace(day=1)
    return first, today


def hr_dashboard(cursor, today: datetime.date) -> None:
    """Per workplace x course in one scan (the tree and courses summed from it), per due month,
    completions per month: the numbers of the HR dashboard."""
    first, last = _months(today)
    p = {"today": today, "first": first, "last": last}
    cursor.execute(
        f"SELECT u.workplace_id, a.course_id, {_COUNTS} {_POPULATION} "  # noqa: S608 - fixed SQL
        "GROUP BY u.workplace_id, a.course_id",
        p,
    )
    rows = cursor.fetchall()
    cursor.execute("SELECT id, path FROM organisation_workplace")
    paths = dict(cursor.fetchall())
    totals: dict = {}
    for workplace, _course, *values in rows:
        path = paths.get(workplace, "")
        for depth in range(4, len(path) + 1, 4):
            key = path[:depth]
            totals[key] = [a + b for a, b in zip(totals.get(key, [0, 0, 0]), values, strict=True)]
    cursor.execute(
        f"SELECT date_trunc('month', a.due_date), {_COUNTS} {_POPULATION} "  # noqa: S608
        "AND a.due_date BETWEEN %(first)s AND %(last)s GROUP BY 1",
        p,
    )
    cursor.fetchall()
    cursor.execute(
        "SELECT date_trunc('month', a.completed_at AT TIME ZONE 'Europe/Prague'), COUNT(*) "
        f"{_POPULATION} AND a.status = 'completed' AND a.completed_at >= %(first)s "  # noqa: S608
        "GROUP BY 1",
        p,
    )
    cursor.fetchall()


_PAGE = (
    "SELECT a.id, a.status, a.due_date, a.completed_at, a.score, u.first_name, u.last_name, "
    "u.email, u.personal_number, u.workplace_id, m.first_name, m.last_name, c.title "
    "FROM courses_assignment a JOIN organisation_user u ON u.id = a.user_id "
    "LEFT JOIN organisation_user m ON m.id = u.manager_id "
    "JOIN wagtailcore_page c ON c.id = a.course_id "
    "WHERE u.is_active AND a.status <> 'not_required' "
)


def _labels(cursor) -> None:
    cursor.execute("SELECT id, name, path, depth FROM organisation_workplace ORDER BY path")
    cursor.fetchall()


def people(cursor, today: datetime.date) -> None:
    """The first 50 rows in Czech order of names, with the total count and workplace labels."""
    cursor.execute(f"SELECT COUNT(*) {_POPULATION}")  # noqa: S608 - fixed SQL  # nosemgrep: no-sql-string-formatting
    cursor.fetchone()
    cursor.execute(  # nosemgrep: no-sql-string-formatting - fixed SQL, values as parameters
        _PAGE + 'ORDER BY u.last_name COLLATE "cs_icu", u.first_name COLLATE "cs_icu", '
        "c.title, a.id LIMIT 50"
    )
    ids = [row[0] for row in cursor.fetchall()]
    _labels(cursor)
    cursor.execute(
        "SELECT assignment_id, MAX(created_at) FROM automation_notification "
        "WHERE kind = 'reminder' AND NOT skipped AND assignment_id = ANY(%s) GROUP BY 1",
        [ids],
    )
    cursor.fetchall()


def overdue(cursor, today: datetime.date) -> None:
    """The overdue first 50 (by due date, then name) with the count and labels."""
    cursor.execute(  # nosemgrep: no-sql-string-formatting - fixed SQL, values as parameters
        f"SELECT COUNT(*) {_POPULATION} AND a.status = 'assigned' AND a.due_date < %s",  # noqa: S608
        [today],
    )
    cursor.fetchone()
    cursor.execute(  # nosemgrep: no-sql-string-formatting - fixed SQL, values as parameters
        _PAGE + "AND a.status = 'assigned' AND a.due_date < %s ORDER BY a.due_date, "
        'u.last_name COLLATE "cs_icu", u.first_name COLLATE "cs_icu", a.id LIMIT 50',
        [today],
    )
    ids = [row[0] for row in cursor.fetchall()]
    _labels(cursor)
    cursor.execute(
        "SELECT assignment_id, MAX(created_at) FROM automation_notification "
        "WHERE kind = 'reminder' AND NOT skipped AND assignment_id = ANY(%s) GROUP BY 1",
        [ids],
    )
    cursor.fetchall()


def heatmap(cursor, today: datetime.date) -> None:
    """Workplaces x categories: assessed levels, employees, and current completions of the
    courses covering each category (a completion is current within the course's refresher)."""
    _labels(cursor)
    cursor.execute(
        "SELECT r.workplace_id, s.category_id, s.level FROM risk_riskreview r "
        "JOIN risk_riskassessment s ON s.review_id = r.id WHERE r.status = 'approved'"
    )
    cursor.fetchall()
    cursor.execute(
        "SELECT workplace_id, COUNT(*), SUM(CASE WHEN is_management THEN 1 ELSE 0 END) "
        "FROM organisation_user WHERE is_active AND workplace_id IS NOT NULL GROUP BY 1"
    )
    cursor.fetchall()
    cursor.execute(
        "SELECT u.workplace_id, rc.riskcategory_id, COUNT(DISTINCT a.user_id) "
        "FROM courses_assignment a JOIN organisation_user u ON u.id = a.user_id "
        "JOIN courses_coursepage cp ON cp.page_ptr_id = a.course_id "
        "JOIN courses_coursepage_risk_categories rc ON rc.coursepage_id = a.course_id "
        "WHERE u.is_active AND a.status = 'completed' AND (cp.refresher_months IS NULL OR "
        "a.completed_at >= %s::date - make_interval(months => cp.refresher_months)) "
        "GROUP BY 1, 2",
        [today],
    )
    cursor.fetchall()


_GRADED = (
    "FROM quizzes_attempt at JOIN organisation_user u ON u.id = at.user_id "
    "WHERE at.submitted_at IS NOT NULL"
)
_EFFECT = (
    "COUNT(*), COUNT(DISTINCT at.user_id), AVG(at.score), "
    "SUM(CASE WHEN at.passed THEN 1 ELSE 0 END)"
)


def security(cursor, today: datetime.date) -> None:
    """Effectiveness by category and by workplace, the most missed questions, PDCA months."""
    first, _last = _months(today)
    cursor.execute(
        f"SELECT rc.riskcategory_id, {_EFFECT} {_GRADED.replace('WHERE', 'JOIN quizzes_quiz q ON q.id = at.quiz_id LEFT JOIN courses_coursepage_risk_categories rc ON rc.coursepage_id = q.course_id WHERE')} "  # noqa: E501, S608
        "GROUP BY 1"
    )
    cursor.fetchall()
    cursor.execute(f"SELECT u.workplace_id, {_EFFECT} {_GRADED} GROUP BY 1")  # noqa: S608  # nosemgrep: no-sql-string-formatting
    cursor.fetchall()
    _labels(cursor)
    cursor.execute(
        "SELECT aq.question_id, COUNT(*), SUM(CASE WHEN aq.points < 1 THEN 1 ELSE 0 END), "
        "AVG(aq.points) FROM quizzes_attemptquestion aq "
        "JOIN quizzes_attempt at ON at.id = aq.attempt_id WHERE at.submitted_at IS NOT NULL "
        "GROUP BY 1 HAVING COUNT(*) >= 10 ORDER BY 4, 2 DESC, 1 LIMIT 10"
    )
    cursor.fetchall()
    cursor.execute(
        "SELECT date_trunc('month', at.submitted_at), COUNT(*), SUM(at.score), "
        f"SUM(CASE WHEN at.passed THEN 1 ELSE 0 END) {_GRADED} AND at.number = 1 "  # noqa: S608
        "AND at.submitted_at >= %s GROUP BY 1",
        [first],
    )
    cursor.fetchall()
    cursor.execute(
        "SELECT date_trunc('month', a.created_at), a.source, COUNT(*) FROM courses_assignment a "
        "WHERE a.created_at >= %s GROUP BY 1, 2",
        [first],
    )
    cursor.fetchall()
    hr_dashboard(cursor, today)  # the Do row is the HR dashboard's months


DASHBOARDS = {
    "hr": hr_dashboard,
    "people": people,
    "overdue": overdue,
    "heatmap": heatmap,
    "security": security,
}

# --- the records export ---------------------------------------------------------------------

EXPORT_COPY = """
COPY (
  SELECT u.personal_number, u.last_name, u.first_name, u.email, w.name, u.job_title,
         trim(m.first_name || ' ' || m.last_name), u.is_management, c.title, cp.version,
         a.source, a.reason, rc.name, a.risk_level, a.status, a.created_at, a.due_date,
         a.completed_at,
         CASE WHEN a.status = 'assigned' AND a.due_date < CURRENT_DATE
              THEN CURRENT_DATE - a.due_date ELSE 0 END,
         a.score,
         (SELECT COUNT(*) FROM quizzes_attempt t
           WHERE t.assignment_id = a.id AND t.submitted_at IS NOT NULL),
         (SELECT t.score FROM quizzes_attempt t
           WHERE t.assignment_id = a.id AND t.submitted_at IS NOT NULL AND t.number = 1),
         cert.serial_number,
         CASE WHEN cert.id IS NULL THEN '' WHEN cert.revoked_at IS NOT NULL THEN 'revoked'
              WHEN cert.valid_until < CURRENT_DATE THEN 'expired' ELSE 'valid' END,
         cert.valid_until
  FROM courses_assignment a
  JOIN organisation_user u ON u.id = a.user_id
  LEFT JOIN organisation_workplace w ON w.id = u.workplace_id
  LEFT JOIN organisation_user m ON m.id = u.manager_id
  JOIN wagtailcore_page c ON c.id = a.course_id
  JOIN courses_coursepage cp ON cp.page_ptr_id = a.course_id
  LEFT JOIN risk_riskreview rr ON rr.id = a.review_id
  LEFT JOIN risk_riskcategory rc ON rc.id = a.risk_category_id
  LEFT JOIN certificates_certificate cert ON cert.assignment_id = a.id
  WHERE a.course_id = %s
  ORDER BY u.last_name COLLATE "cs_icu", u.first_name COLLATE "cs_icu", a.id
) TO STDOUT WITH (FORMAT csv, HEADER)
"""


def export_copy(cursor, course_id: int) -> int:
    """One course's records as CSV from the database itself; returns the bytes written."""
    size = 0
    with cursor.copy(EXPORT_COPY, [course_id]) as copy:
        for chunk in copy:
            size += len(chunk)
    return size


# --- the PDCA jobs' due rows -----------------------------------------------------------------


def reminders_due(cursor, today: datetime.date, days_before) -> int:
    """Open assignments with a ladder step due and not yet in the ledger."""

    def unrecorded(step: str) -> str:
        return (
            "NOT EXISTS (SELECT 1 FROM automation_notification n "  # noqa: S608  # nosec B608
            f"WHERE n.key = 'reminder:' || a.id || ':{step}')"
        )

    due = [unrecorded("assigned"), f"(a.due_date < %(today)s AND {unrecorded('overdue')})"]
    due += [
        f"(a.due_date <= %(today)s::date + {int(d)} AND {unrecorded(f'before_{int(d)}')})"
        for d in sorted(set(days_before))
    ]
    cursor.execute(
        "SELECT a.id, a.user_id, a.course_id, a.due_date, u.email, u.first_name, c.title "  # noqa: S608  # nosec B608
        "FROM courses_assignment a JOIN organisation_user u ON u.id = a.user_id "
        "JOIN wagtailcore_page c ON c.id = a.course_id "
        "WHERE a.status = 'assigned' AND u.is_active AND a.source <> 'self' "
        f"AND ({' OR '.join(due)}) ORDER BY a.id",  # noqa: S608 - fixed steps
        {"today": today},
    )
    return len(cursor.fetchall())


def escalations_due(cursor, limit: datetime.date) -> int:
    cursor.execute(
        "SELECT a.id, a.due_date, u.first_name, u.last_name, u.email, m.id, m.email, w.name, "
        "c.title FROM courses_assignment a JOIN organisation_user u ON u.id = a.user_id "
        "LEFT JOIN organisation_user m ON m.id = u.manager_id "
        "LEFT JOIN organisation_workplace w ON w.id = u.workplace_id "
        "JOIN wagtailcore_page c ON c.id = a.course_id "
        "WHERE a.status = 'assigned' AND a.due_date < %s AND u.is_active AND NOT EXISTS ("
        "SELECT 1 FROM automation_notification n WHERE n.assignment_id = a.id "
        "AND n.kind = 'escalation') "
        'ORDER BY u.last_name COLLATE "cs_icu", u.first_name COLLATE "cs_icu", a.due_date',
        [limit],
    )
    return len(cursor.fetchall())


def refreshers_due(cursor, limit: datetime.date) -> int:
    cursor.execute(
        "SELECT c.id, a.user_id, a.course_id, c.valid_until FROM certificates_certificate c "
        "JOIN courses_assignment a ON a.id = c.assignment_id "
        "JOIN organisation_user u ON u.id = a.user_id "
        "WHERE c.revoked_at IS NULL AND c.valid_until IS NOT NULL AND c.valid_until <= %s "
        "AND u.is_active AND NOT EXISTS (SELECT 1 FROM automation_notification n "
        "WHERE n.key = 'refresher:' || c.id) ORDER BY c.valid_until, c.id",
        [limit],
    )
    return len(cursor.fetchall())
