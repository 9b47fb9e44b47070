"""Into the Plan: the review shows the measured click rate, suggests a likelihood, keeps it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from phishing import services
from phishing.models import Recipient
from risk import services as risk_services
from risk.catalogue import catalogue_seed
from risk.measures import measures_for
from risk.models import RiskAssessment, RiskCategory, RiskReview
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def clicked(campaign, office):
    """Six people in the workplace, two of them clicked (33.3 %)."""
    for i in range(3):
        factories.UserFactory(email=f"kolega{i}@urad.example.cz", workplace=office["odbor"])
    services.campaign_launch(campaign=campaign, by=office["manager"])
    Recipient.objects.update(sent_at=timezone.now() - datetime.timedelta(days=1))
    for person in ("sarka", "jiri"):
        Recipient.objects.filter(user=office[person]).update(clicked_at=timezone.now())
    catalogue_seed()
    return office


def test_the_measured_click_rate_suggests_a_likelihood(clicked):
    measured = measures_for(workplace=clicked["odbor"])
    (measure,) = measured["phishing"]
    assert (
        measure.value == "33.3 % (2 z 6 lidí kliklo)"
        or "33,3" in measure.value
        or "33.3" in measure.value
    )
    assert measure.suggested_likelihood == 5  # thresholds 5, 10, 20, 30 %: 33 % is the top
    # Fewer than five people measured say too little to suggest anything.
    (small,) = measures_for(workplace=clicked["oddeleni"])["phishing"]
    assert small.suggested_likelihood is None


def _review_form(review, category, likelihood, note=""):
    return {
        "workplace": review.workplace_id,
        "review_date": "2026-12-01",
        "reviewer": "",
        "note": "",
        "assessments-TOTAL_FORMS": "1",
        "assessments-INITIAL_FORMS": "0",
        "assessments-MIN_NUM_FORMS": "1",
        "assessments-MAX_NUM_FORMS": "1000",
        "assessments-0-category": category.pk,
        "assessments-0-likelihood": str(likelihood),
        "assessments-0-impact": "3",
        "assessments-0-note": note,
        "assessments-0-id": "",
        "assessments-0-ORDER": "0",
        "assessments-0-DELETE": "",
    }


def test_the_review_shows_the_figure_and_a_departure_needs_a_note(client, clicked):
    manager = clicked["manager"]
    client.force_login(manager)
    review = RiskReview.objects.create(workplace=clicked["odbor"], reviewer=manager)
    category = RiskCategory.objects.get(code="phishing")
    edit = reverse("risk_reviews:edit", args=(review.pk,))
    page = client.get(edit).content.decode()
    assert "míra prokliku v simulacích phishingu" in page
    response = client.post(edit, _review_form(review, category, likelihood=2))
    assert response.status_code == 200
    assert "navrhuje pravděpodobnost 5" in response.content.decode()
    assert not RiskAssessment.objects.exists()
    response = client.post(
        edit, _review_form(review, category, likelihood=2, note="Nová filtrace pošty od listopadu")
    )
    assert response.status_code == 302
    assert RiskAssessment.objects.get().likelihood == 2


def test_approval_keeps_the_measured_figures_as_evidence(clicked):
    review = RiskReview.objects.create(workplace=clicked["odbor"], reviewer=clicked["manager"])
    RiskAssessment.objects.create(
        review=review, category=RiskCategory.objects.get(code="phishing"), likelihood=5, impact=3
    )
    risk_services.review_approve(review=review, approved_by=clicked["manager"])
    evidence = RiskAssessment.objects.get().evidence
    assert "Simulovaný phishing za posledních 12 měsíců" in evidence
    assert "kliklo 2 z 6 lidí" in evidence and "nahlásilo 0,0 %" in evidence


def test_the_evidence_pack_cites_the_measured_figures(clicked, remedial_course):
    from reports.jobs.evidence import plan_rows

    phishing = RiskCategory.objects.get(code="phishing")
    remedial_course.risk_categories = [phishing]
    remedial_course.required_from_level = "low"
    remedial_course.save_revision().publish()
    review = RiskReview.objects.create(workplace=clicked["odbor"], reviewer=clicked["manager"])
    RiskAssessment.objects.create(review=review, category=phishing, likelihood=5, impact=3)
    risk_services.review_approve(review=review, approved_by=clicked["manager"])
    (row,) = [r for r in plan_rows() if r.workplace == "Odbor správních činností"]
    assert row.course == "Jak poznat phishing"
    assert "Simulovaný phishing za posledních 12 měsíců: 33,3 % (kliklo 2 z 6 lidí)" in row.reason
