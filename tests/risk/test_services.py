"""Approving risk reviews: levels frozen, one approved review per workplace, history kept."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from risk.models import RiskAssessment, RiskReview, RiskSettings
from risk.services import review_approve, review_draft_from
from risk.signals import review_approved
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def security(db):
    return factories.UserFactory(email="bezpecnost@example.cz", roles=["Security manager"])


@pytest.fixture
def phishing(db):
    return factories.RiskCategoryFactory(code="phishing", name="Phishing a sociální inženýrství")


@pytest.fixture
def podatelna(db):
    return factories.WorkplaceFactory(name="Podatelna", code="podatelna")


def test_approval_freezes_levels_and_records_who_and_when(security, phishing, podatelna):
    review = factories.make_review(podatelna, {phishing: (4, 4)}, reviewer=security)
    assert review.status == RiskReview.Status.DRAFT
    approved = review_approve(review=review, approved_by=security)
    assert approved.status == RiskReview.Status.APPROVED
    assert approved.approved_by == security
    assert approved.approved_at is not None
    assert RiskAssessment.objects.get(review=review).level == "critical"


def test_levels_use_the_thresholds_of_the_site_settings(security, phishing, podatelna, site):
    home, _ = site
    settings = RiskSettings.for_site(home.get_site())
    settings.medium_from, settings.high_from, settings.critical_from = 10, 17, 20
    settings.save()
    review = factories.make_review(podatelna, {phishing: (4, 4)}, approve_by=security)
    assert RiskAssessment.objects.get(review=review).level == "medium"
    # Changing the thresholds later does not rewrite an approved review.
    settings.medium_from = 2
    settings.save()
    assert RiskAssessment.objects.get(review=review).level == "medium"


def test_a_new_review_supersedes_the_current_one_and_keeps_it(security, phishing, podatelna):
    first = factories.make_review(podatelna, {phishing: (2, 2)}, approve_by=security)
    second = factories.make_review(podatelna, {phishing: (5, 5)}, approve_by=security)
    first.refresh_from_db()
    assert first.status == RiskReview.Status.SUPERSEDED
    assert second.supersedes == first
    assert first.superseded_by == second
    assert RiskReview.objects.filter(workplace=podatelna).count() == 2


def test_approving_twice_changes_nothing_and_announces_once(
    security, phishing, podatelna, django_capture_on_commit_callbacks
):
    review = factories.make_review(podatelna, {phishing: (3, 3)})
    announced = []
    review_approved.connect(
        lambda **kw: announced.append(kw["review_id"]), weak=False, dispatch_uid="test-approve"
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            review_approve(review=review, approved_by=security)
            approved_at = RiskReview.objects.get(pk=review.pk).approved_at
            review_approve(review=review, approved_by=factories.UserFactory())
    finally:
        review_approved.disconnect(dispatch_uid="test-approve")
    review.refresh_from_db()
    assert announced == [review.pk]
    assert review.approved_by == security
    assert review.approved_at == approved_at


def test_a_superseded_or_empty_review_cannot_be_approved(security, phishing, podatelna):
    first = factories.make_review(podatelna, {phishing: (2, 2)}, approve_by=security)
    factories.make_review(podatelna, {phishing: (3, 3)}, approve_by=security)
    with pytest.raises(ValidationError):
        review_approve(review=first, approved_by=security)
    empty = RiskReview.objects.create(workplace=podatelna)
    with pytest.raises(ValidationError, match="ohodnoťte alespoň jednu kategorii"):
        review_approve(review=empty, approved_by=security)


def test_the_database_refuses_two_approved_reviews_of_one_workplace(security, podatelna):
    now = timezone.now()
    RiskReview.objects.create(workplace=podatelna, status="approved", approved_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        RiskReview.objects.create(workplace=podatelna, status="approved", approved_at=now)


def test_the_database_refuses_ratings_outside_one_to_five(podatelna, phishing):
    review = RiskReview.objects.create(workplace=podatelna)
    with pytest.raises(IntegrityError), transaction.atomic():
        RiskAssessment.objects.create(review=review, category=phishing, likelihood=6, impact=1)


def test_a_new_draft_starts_from_the_previous_review(security, phishing, podatelna):
    records = factories.RiskCategoryFactory(code="spisy", name="Spisová služba")
    approved = factories.make_review(
        podatelna, {phishing: (4, 3), records: (2, 5)}, approve_by=security
    )
    draft = review_draft_from(review=approved, reviewer=security)
    assert draft.status == RiskReview.Status.DRAFT
    assert draft.workplace == podatelna
    assert sorted(draft.assessments.values_list("likelihood", "impact", "level")) == [
        (2, 5, ""),
        (4, 3, ""),
    ]
