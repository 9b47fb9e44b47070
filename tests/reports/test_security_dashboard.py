"""The security manager's dashboard: effectiveness, missed questions and PDCA from the data."""

from collections import defaultdict
from decimal import Decimal

import pytest
from django.utils import timezone

from courses.models import Assignment
from quizzes.models import Attempt, AttemptQuestion
from reports.hr import selectors as hr
from tests.reports import reports_data
from tests.reports.reports_data import client_for

org = reports_data.org  # the shared fixture: an organisation with 24 employees

pytestmark = pytest.mark.django_db


def first_attempts(org, workplace=None):
    return [
        a
        for a in Attempt.objects.select_related("user__workplace", "quiz__course")
        if a.number == 1
        and a.submitted_at
        and (workplace is None or a.user.workplace.path.startswith(workplace.path))
    ]


def test_effectiveness_by_category_equals_the_attempts(client, org):
    response = client_for(client, org.security).get("/reports/security/")
    assert response.status_code == 200
    rows = {row.pk: row.effectiveness for row in response.context["dashboard"].categories}
    attempts = first_attempts(org)  # every quiz attempt is on course 0, category 0
    covered = rows[org.categories[0].pk]
    assert covered.first_attempts == len(attempts)
    assert covered.average_first_score == pytest.approx(
        float(sum(a.score for a in attempts) / len(attempts))
    )
    assert covered.first_pass_rate == pytest.approx(
        100 * sum(a.passed for a in attempts) / len(attempts)
    )
    learners = {a.assignment_id for a in Attempt.objects.all()}
    passed = {a.assignment_id for a in Attempt.objects.filter(passed=True)}
    assert covered.pass_rate == pytest.approx(100 * len(passed) / len(learners))
    # A category no course with a quiz covers shows, without numbers.
    assert rows[org.categories[1].pk].first_attempts == 0
    assert rows[org.categories[1].pk].average_first_score is None


def test_effectiveness_by_workplace_rolls_up(client, org):
    dashboard = client_for(client, org.security).get("/reports/security/").context["dashboard"]
    rows = {row.pk: row.effectiveness for row in dashboard.workplaces}
    for key in ("A", "A1", "B"):
        attempts = first_attempts(org, org.workplaces[key])
        assert rows[org.workplaces[key].pk].first_attempts == len(attempts), key
        total = sum((a.score for a in attempts), Decimal(0))
        assert rows[org.workplaces[key].pk].first_score_sum == total


def test_most_missed_questions_come_first(client, org):
    dashboard = client_for(client, org.security).get("/reports/security/").context["dashboard"]
    points = defaultdict(list)
    for item in AttemptQuestion.objects.filter(attempt__submitted_at__isnull=False):
        points[item.question_id].append(item.points)
    facility = {q: float(sum(p) / len(p)) for q, p in points.items()}
    shown = dashboard.questions
    assert [q.facility for q in shown] == sorted(q.facility for q in shown)
    assert shown[0].facility == pytest.approx(min(facility.values()))
    for q in shown:
        assert q.facility == pytest.approx(facility[q.pk])
        assert q.wrong == sum(1 for p in points[q.pk] if p < 1)
    html = client_for(client, org.security).get("/reports/security/").content.decode()
    assert shown[0].name in html


def test_pdca_months_count_reviews_completions_and_sources(client, org):
    dashboard = client_for(client, org.security).get("/reports/security/").context["dashboard"]
    months = {m.month: m for m in dashboard.months}
    approved_month = timezone.localdate(org.review.approved_at).replace(day=1)
    assert months[approved_month].reviews_approved == 1
    assert months[approved_month].reviews_superseded == 1
    # The superseded review of 400 days ago reached its 12-month interval within the window.
    assert sum(m.reviews_due for m in dashboard.months) == 1
    by_source = defaultdict(lambda: defaultdict(int))
    for a in Assignment.objects.all():
        by_source[timezone.localdate(a.created_at).replace(day=1)][a.source] += 1
    for month, row in months.items():
        assert row.by_source == dict(by_source.get(month, {})), month
    for row in dashboard.months:
        window = (row.month, hr.month_end(row.month))
        attempts = [
            a
            for a in first_attempts(org)
            if window[0] <= timezone.localdate(a.submitted_at) <= window[1]
        ]
        assert row.first_attempts == len(attempts)


def test_the_heat_map_is_embedded_for_the_security_manager(client, org):
    response = client_for(client, org.security).get("/reports/security/")
    assert "heatmap" in response.context
    assert 'class="heatmap"' in response.content.decode()
    assert ">Mapa rizik</h2>" in response.content.decode()
    hr_view = client_for(client, org.hr).get("/reports/security/")
    assert hr_view.status_code == 200 and "heatmap" not in hr_view.context
    # HR sees no heading over a missing map: the section is the security manager's alone.
    assert "Mapa rizik" not in hr_view.content.decode()


def test_security_exports_read_back(client, org):
    c = client_for(client, org.security)
    response = c.get("/reports/security/export/categories.csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Osobní údaje" in content.splitlines()[1]
    response = c.get("/reports/security/export/pdca.xlsx")
    assert response.status_code == 200
