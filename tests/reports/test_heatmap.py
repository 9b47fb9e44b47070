"""The security manager's risk heat map: levels, links, coverage, permissions, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Assignment
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/reports/heatmap/"


@pytest.fixture
def security(db):
    return factories.UserFactory(email="bezpecnost@example.cz", roles=["Security manager"])


@pytest.fixture
def cats(db):
    return [
        factories.RiskCategoryFactory(code="phishing", name="Phishing a sociální inženýrství"),
        factories.RiskCategoryFactory(code="spisy", name="Spisová služba"),
    ]


@pytest.mark.parametrize(
    ("roles", "superuser", "status"),
    [([], False, 403), (["HR"], False, 403), (["Course editor"], False, 403)]
    + [(["Security manager"], False, 200), ([], True, 200)],
)
def test_only_the_security_manager_sees_the_heat_map(client, site, roles, superuser, status):
    client.force_login(factories.UserFactory(roles=roles, is_superuser=superuser))
    assert client.get(URL).status_code == status


def test_anonymous_visitors_are_sent_to_log_in(client, site):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_cells_show_levels_link_to_the_review_and_count_coverage(
    client, security, cats, course_index, django_capture_on_commit_callbacks
):
    phishing, records = cats
    course = factories.make_plan_course(course_index, [phishing], title="Phishing")
    osa = factories.WorkplaceFactory(name="Odbor správních agend", code="osa")
    podatelna = factories.WorkplaceFactory(name="Podatelna", code="podatelna", parent=osa)
    factories.WorkplaceFactory(name="Stavební úřad", code="su")
    people = [factories.UserFactory(workplace=podatelna) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        review = factories.make_review(
            osa, {phishing: (4, 4), records: (1, 2)}, approve_by=security
        )
    done = Assignment.objects.get(user=people[0], course=course)
    done.status, done.completed_at = Assignment.Status.COMPLETED, timezone.now()
    done.save()

    client.force_login(security)
    page = client.get(URL).content.decode()
    assert "Mapa rizik" in page
    assert f'href="/admin/risk_reviews/inspect/{review.pk}/"' in page
    assert "kritické" in page and "nízké" in page
    # Podatelna follows its department's review: 1 of its 3 required courses is completed.
    assert "1/3 dokončeno (33 %)" in page
    assert "řídí se: Odbor správních agend" in page
    assert "zatím bez analýzy" in page  # Stavební úřad


def test_the_query_count_is_the_same_for_3_and_60_workplaces(
    client, security, cats, course_index, django_capture_on_commit_callbacks
):
    phishing, records = cats
    factories.make_plan_course(course_index, [phishing], title="Phishing")
    factories.make_plan_course(course_index, [records], title="Spisy", required_from_level="medium")
    client.force_login(security)
    client.get(URL)  # warm-up: session, site and permission caches

    def grow_to(n):
        from organisation.models import Workplace

        while Workplace.objects.count() < n:
            workplace = factories.WorkplaceFactory()
            for _ in range(2):
                factories.UserFactory(workplace=workplace)
            with django_capture_on_commit_callbacks(execute=True):
                factories.make_review(
                    workplace, {phishing: (3, 3), records: (2, 4)}, approve_by=security
                )
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL)
        assert response.status_code == 200
        assert response.content.decode().count("<tr>") == n + 1
        return len(queries)

    three, sixty = grow_to(3), grow_to(60)
    print(f"heat map queries: 3 workplaces {three}, 60 workplaces {sixty}")
    assert three == sixty, f"3 workplaces: {three} queries, 60 workplaces: {sixty}"


def test_coverage_counts_only_managers_for_a_management_course_and_only_current_completions(
    client, security, cats, course_index, django_capture_on_commit_callbacks
):
    """Coverage is counted per kind of employee in SQL; it must equal the plan per person."""
    import datetime

    phishing, records = cats
    factories.make_plan_course(
        course_index, [phishing], title="Phishing pro vedoucí", audience="management"
    )
    yearly = factories.make_plan_course(course_index, [records], title="Spisy", refresher_months=12)
    place = factories.WorkplaceFactory(name="Odbor kancelář", code="ok")
    staff = [factories.UserFactory(workplace=place) for _ in range(3)]
    boss = factories.UserFactory(workplace=place, is_management=True)
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_review(place, {phishing: (4, 4), records: (4, 4)}, approve_by=security)
    now = timezone.now()
    for person, when in ((staff[0], now), (staff[1], now - datetime.timedelta(days=400))):
        done = Assignment.objects.get(user=person, course=yearly)
        done.status, done.completed_at = Assignment.Status.COMPLETED, when
        done.save()

    client.force_login(security)
    heatmap = client.get(URL).context["heatmap"]
    row = next(r for r in heatmap.rows if r.workplace.pk == place.pk)
    by_name = {c.name: cell for c, cell in zip(heatmap.categories, row.cells, strict=True)}
    # Only the manager needs the management course; of the four who need the records course,
    # one completed it this year and one too long ago for its 12-month refresher.
    assert (by_name[phishing.name].required, by_name[phishing.name].completed) == (1, 0)
    assert (by_name[records.name].required, by_name[records.name].completed) == (4, 1)
    assert row.employees == 4
    assert boss.is_management
