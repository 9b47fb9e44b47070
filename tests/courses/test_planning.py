"""Approved reviews become assignments with reasons: once, by any number of workers; joiners and
movers get their workplace's plan; no longer required assignments are marked, never deleted."""

import datetime
import threading
import time

import pytest
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from courses import planning, tasks
from courses.models import Assignment, LessonProgress
from risk.models import RiskAssessment, RiskReview
from tests import factories

pytestmark = pytest.mark.django_db


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def org(db):
    """Magistrát > Odbor správních agend > (Podatelna, Matrika); Stavební úřad apart."""
    root = factories.WorkplaceFactory(name="Magistrát", code="magistrat")
    osa = factories.WorkplaceFactory(name="Odbor správních agend", code="osa", parent=root)
    root.refresh_from_db()
    podatelna = factories.WorkplaceFactory(name="Podatelna", code="podatelna", parent=osa)
    osa.refresh_from_db()
    matrika = factories.WorkplaceFactory(name="Matrika", code="matrika", parent=osa)
    su = factories.WorkplaceFactory(name="Stavební úřad", code="su", parent=root)
    return {"root": root, "osa": osa, "podatelna": podatelna, "matrika": matrika, "su": su}


@pytest.fixture
def cats(db):
    return {
        code: factories.RiskCategoryFactory(code=code, name=name, sort_order=i)
        for i, (code, name) in enumerate(
            [
                ("phishing", "Phishing a sociální inženýrství"),
                ("records", "Spisová služba"),
                ("payments", "Platby a pokladna"),
            ]
        )
    }


@pytest.fixture
def catalogue(course_index, cats):
    return {
        "phishing": factories.make_plan_course(
            course_index, [cats["phishing"]], title="Phishing", required_from_level="low"
        ),
        "records": factories.make_plan_course(
            course_index, [cats["records"]], title="Spisová služba", required_from_level="medium"
        ),
        "leaders": factories.make_plan_course(
            course_index,
            [cats["payments"], cats["phishing"]],
            title="Bezpečnost pro vedoucí",
            required_from_level="high",
            audience="management",
        ),
    }


@pytest.fixture
def security(db):
    return factories.UserFactory(email="bezpecnost@example.cz", roles=["Security manager"])


def approve(workplace, ratings, security, capture):
    """Approve through the service and run what happens on commit (the Celery task, eagerly)."""
    with capture(execute=True):
        return factories.make_review(workplace, ratings, approve_by=security)


def plan_rows(user):
    return sorted(
        Assignment.objects.filter(user=user).values_list(
            "course__title", "status", "source", "risk_category__code", "risk_level", "due_date"
        )
    )


def test_approving_a_review_assigns_training_with_its_reason(
    org, cats, catalogue, security, django_capture_on_commit_callbacks, client
):
    jana = factories.UserFactory(workplace=org["podatelna"], first_name="Jana")
    boss = factories.UserFactory(workplace=org["podatelna"], is_management=True)
    elsewhere = factories.UserFactory(workplace=org["su"])
    review = approve(
        org["podatelna"],
        {cats["phishing"]: (4, 4), cats["records"]: (1, 2)},
        security,
        django_capture_on_commit_callbacks,
    )
    # Phishing is critical (16): 14 days. Records is low (2): its course needs medium.
    assert plan_rows(jana) == [("Phishing", "assigned", "plan", "phishing", "critical", days(14))]
    # Management also gets the management-track course that phishing (critical) requires.
    assert [row[0] for row in plan_rows(boss)] == ["Bezpečnost pro vedoucí", "Phishing"]
    assert plan_rows(elsewhere) == []

    assignment = Assignment.objects.get(user=jana)
    assert assignment.review == review
    client.force_login(jana)
    page = client.get(f"/my-training/assignments/{assignment.pk}/").content.decode()
    assert "Proč to mám absolvovat?" in page
    assert "Podatelna" in page
    assert "Phishing a sociální inženýrství" in page
    assert "kritické" in page


def test_approving_or_applying_twice_creates_each_assignment_once(
    org, cats, catalogue, security, django_capture_on_commit_callbacks
):
    people = [factories.UserFactory(workplace=org["podatelna"]) for _ in range(3)]
    review = approve(
        org["podatelna"], {cats["phishing"]: (3, 3)}, security, django_capture_on_commit_callbacks
    )
    assert Assignment.objects.count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        RiskReview.objects.get(pk=review.pk)  # fresh instance, as a second admin click would
        from risk.services import review_approve

        review_approve(review=review, approved_by=security)
    again = tasks.plan_apply_review.delay(review.pk).get()
    assert again["created"] == 0 and again["kept"] == 3
    assert sorted(Assignment.objects.values_list("user_id", flat=True)) == sorted(
        p.pk for p in people
    )


def test_the_database_refuses_a_second_assignment_of_one_review(
    org, cats, catalogue, security, django_capture_on_commit_callbacks
):
    jana = factories.UserFactory(workplace=org["podatelna"])
    approve(
        org["podatelna"], {cats["phishing"]: (3, 3)}, security, django_capture_on_commit_callbacks
    )
    first = Assignment.objects.get(user=jana)
    first.status, first.completed_at = Assignment.Status.COMPLETED, timezone.now()
    first.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.create(
            user=jana,
            course=first.course,
            source=Assignment.Source.PLAN,
            review=first.review,
            risk_category=first.risk_category,
            risk_level="high",
        )


# serialized_rollback: the test starts from the migrated data (page tree, role groups) and
# leaves the database as other transactional tests expect it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_applying_the_same_review_at_once_create_each_assignment_once(
    org, cats, catalogue
):
    people = [factories.UserFactory(workplace=org["podatelna"]) for _ in range(5)]
    # Approved without the signal, so only the two workers below apply the plan.
    review = RiskReview.objects.create(
        workplace=org["podatelna"], status="approved", approved_at=timezone.now()
    )
    RiskAssessment.objects.create(
        review=review, category=cats["phishing"], likelihood=5, impact=5, level="critical"
    )
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            for attempt in range(50):
                try:
                    results.append(planning.plan_apply_review(review_id=review.pk))
                    break
                except OperationalError:
                    # SQLite's shared in-memory test database reports a lock where a file
                    # database (or PostgreSQL) would wait; the Celery task retries the same way.
                    if connection.vendor != "sqlite" or attempt == 49:
                        raise
                    time.sleep(0.05)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(r.created for r in results) == [0, 5]
    assert Assignment.objects.filter(review=review).count() == 5
    assert set(Assignment.objects.values_list("user_id", flat=True)) == {p.pk for p in people}


def test_a_new_review_marks_assignments_no_longer_required_and_keeps_history(
    org, cats, catalogue, security, django_capture_on_commit_callbacks
):
    jana = factories.UserFactory(workplace=org["podatelna"])
    first = approve(
        org["podatelna"],
        {cats["phishing"]: (2, 3), cats["records"]: (3, 3)},
        security,
        django_capture_on_commit_callbacks,
    )
    records = Assignment.objects.get(user=jana, course=catalogue["records"])
    lesson = factories.lessons_of(catalogue["records"])[0]
    LessonProgress.objects.create(assignment=records, lesson=lesson)

    second = approve(
        org["podatelna"],
        {cats["phishing"]: (4, 5), cats["records"]: (1, 1)},
        security,
        django_capture_on_commit_callbacks,
    )
    records.refresh_from_db()
    phishing = Assignment.objects.get(user=jana, course=catalogue["phishing"])
    # Records management is no longer required: marked, with its progress kept.
    assert records.status == Assignment.Status.NOT_REQUIRED
    assert records.review == first
    assert LessonProgress.objects.filter(assignment=records).count() == 1
    # Phishing is still required: the same assignment, now for the new (critical) reason.
    assert phishing.review == second
    assert (phishing.risk_level, phishing.due_date) == ("critical", days(14))
    assert Assignment.objects.filter(user=jana).count() == 2


def test_sections_follow_the_department_review_until_they_have_their_own(
    org, cats, catalogue, security, django_capture_on_commit_callbacks
):
    podatelna = factories.UserFactory(workplace=org["podatelna"])
    matrika = factories.UserFactory(workplace=org["matrika"])
    outside = factories.UserFactory(workplace=org["su"])
    department = approve(
        org["osa"], {cats["phishing"]: (2, 2)}, security, django_capture_on_commit_callbacks
    )
    assert Assignment.objects.get(user=podatelna).review == department
    assert Assignment.objects.get(user=matrika).review == department
    assert not Assignment.objects.filter(user=outside).exists()

    own = approve(
        org["matrika"], {cats["records"]: (4, 2)}, security, django_capture_on_commit_callbacks
    )
    assert plan_rows(matrika) == [
        ("Phishing", "not_required", "plan", "phishing", "medium", days(60)),
        ("Spisová služba", "assigned", "plan", "records", "high", days(30)),
    ]
    assert Assignment.objects.get(user=matrika, status="assigned").review == own
    # Re-applying the department's review leaves the section with its own review alone.
    planning.plan_apply_review(review_id=department.pk)
    assert Assignment.objects.filter(user=matrika, status="assigned").count() == 1


def test_a_joiner_gets_the_workplace_plan(
    org, cats, catalogue, security, django_capture_on_commit_callbacks
):
    approve(
        org["podatelna"], {cats["phishing"]: (3, 4)}, security, django_capture_on_commit_callbacks
    )
    with django_capture_on_commit_callbacks(execute=True):
        joiner = factories.UserFactory(workplace=org["podatelna"])
    assert plan_rows(joiner) == [("Phishing", "assigned", "joiner", "phishing", "high", days(30))]


def test_a_mover_gets_the_new_plan_and_the_old_one_is_marked_not_required(
    org, cats, catalogue, security, django_capture_on_commit_callbacks
):
    mover = factories.UserFactory(workplace=org["podatelna"])
    approve(
        org["podatelna"], {cats["phishing"]: (3, 4)}, security, django_capture_on_commit_callbacks
    )
    approve(org["su"], {cats["records"]: (5, 5)}, security, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        mover.workplace = org["su"]
        mover.save()
    assert plan_rows(mover) == [
        ("Phishing", "not_required", "plan", "phishing", "high", days(30)),
        ("Spisová služba", "assigned", "joiner", "records", "critical", days(14)),
    ]
    # Moving back reopens the phishing assignment of the same review: no duplicate.
    with django_capture_on_commit_callbacks(execute=True):
        mover.workplace = org["podatelna"]
        mover.save()
    assert [(r[0], r[1]) for r in plan_rows(mover)] == [
        ("Phishing", "assigned"),
        ("Spisová služba", "not_required"),
    ]


def test_becoming_management_adds_the_management_track(
    org, cats, catalogue, security, django_capture_on_commit_callbacks
):
    jana = factories.UserFactory(workplace=org["podatelna"])
    approve(
        org["podatelna"], {cats["payments"]: (4, 3)}, security, django_capture_on_commit_callbacks
    )
    assert plan_rows(jana) == []
    with django_capture_on_commit_callbacks(execute=True):
        jana.is_management = True
        jana.save()
    assert [row[0] for row in plan_rows(jana)] == ["Bezpečnost pro vedoucí"]


def test_logging_in_does_not_start_a_plan_job(org, django_capture_on_commit_callbacks):
    jana = factories.UserFactory(workplace=org["podatelna"])
    with django_capture_on_commit_callbacks() as callbacks:
        jana.last_login = timezone.now()
        jana.save(update_fields=["last_login"])
        jana.job_title = "referentka"
        jana.save()
    assert callbacks == []


def test_manual_and_self_chosen_assignments_are_respected(
    org, cats, catalogue, security, django_capture_on_commit_callbacks
):
    from courses import services

    jana = factories.UserFactory(workplace=org["podatelna"])
    manual, _ = services.assignment_create(
        user=jana, course=catalogue["phishing"], due_date=days(5), reason="Po incidentu"
    )
    own = services.assignment_enrol(user=jana, course=catalogue["records"])
    approve(
        org["podatelna"],
        {cats["phishing"]: (3, 4), cats["records"]: (3, 4)},
        security,
        django_capture_on_commit_callbacks,
    )
    manual.refresh_from_db()
    own.refresh_from_db()
    assert (manual.source, manual.reason, manual.due_date) == ("manual", "Po incidentu", days(5))
    assert (own.source, own.risk_level, own.due_date) == ("plan", "high", days(30))
    assert Assignment.objects.filter(user=jana).count() == 2
