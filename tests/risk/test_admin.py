"""The security manager's admin screens: catalogue, drafts with the matrix, approval, locks."""

import re

import pytest

from courses.models import Assignment
from risk.models import RiskReview
from tests import factories

pytestmark = pytest.mark.django_db

REVIEWS = "/admin/risk_reviews/"


@pytest.fixture
def security(db):
    return factories.UserFactory(
        email="bezpecnost@example.cz",
        first_name="Tomáš",
        last_name="Černý",
        roles=["Security manager"],
    )


@pytest.fixture
def cats(db):
    return [
        factories.RiskCategoryFactory(code="phishing", name="Phishing a sociální inženýrství"),
        factories.RiskCategoryFactory(code="spisy", name="Spisová služba"),
    ]


@pytest.fixture
def podatelna(db):
    return factories.WorkplaceFactory(name="Podatelna", code="podatelna")


def review_post(workplace, rows, *, reviewer=None, note="Roční přezkum", existing=()):
    data = {
        "workplace": workplace.pk,
        "review_date": "2026-03-02",
        "reviewer": reviewer.pk if reviewer else "",
        "note": note,
        "assessments-TOTAL_FORMS": len(rows),
        "assessments-INITIAL_FORMS": len(existing),
        "assessments-MIN_NUM_FORMS": 1,
        "assessments-MAX_NUM_FORMS": 1000,
    }
    for i, (category, likelihood, impact) in enumerate(rows):
        data.update(
            {
                f"assessments-{i}-category": category.pk,
                f"assessments-{i}-likelihood": likelihood,
                f"assessments-{i}-impact": impact,
                f"assessments-{i}-note": "",
                f"assessments-{i}-id": existing[i] if i < len(existing) else "",
                f"assessments-{i}-DELETE": "",
            }
        )
    return data


@pytest.mark.parametrize(
    ("roles", "status"),
    # Employees get the Czech "administration is for staff" page (403), staff without the
    # permission Wagtail's redirect to the dashboard.
    [([], 403), (["Course editor"], 302), (["HR"], 200), (["Security manager"], 200)],
)
def test_who_reaches_the_review_listing(client, site, roles, status):
    client.force_login(factories.UserFactory(roles=roles))
    assert client.get(REVIEWS).status_code == status


@pytest.mark.parametrize(("roles", "status"), [(["HR"], 302), (["Security manager"], 200)])
def test_only_the_security_manager_writes_reviews_and_the_catalogue(client, site, roles, status):
    client.force_login(factories.UserFactory(roles=roles))
    assert client.get(REVIEWS + "new/").status_code == status
    assert client.get("/admin/risk_categories/new/").status_code == status


def test_the_review_form_shows_the_coloured_matrix(client, site, security, cats, podatelna):
    review = factories.make_review(podatelna, {cats[0]: (4, 5)})
    client.force_login(security)
    page = client.get(f"{REVIEWS}edit/{review.pk}/").content.decode()
    assert "data-risk-matrix" in page
    assert page.count("data-risk-cell=") == 25
    # The category sits in the cell likelihood 4 x impact 5, coloured critical.
    cell = page.split('data-risk-cell="4-5"')[1].split("</td>")[0]
    assert "Phishing a sociální inženýrství" in cell
    assert (
        'class="risk-level-critical"' in page.split('data-risk-cell="4-5"')[0].rsplit("<td", 1)[1]
    )


def test_a_draft_is_created_edited_and_approved(
    client, site, security, cats, podatelna, django_capture_on_commit_callbacks
):
    client.force_login(security)
    response = client.post(
        REVIEWS + "new/", review_post(podatelna, [(cats[0], 3, 4)], reviewer=security)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    review = RiskReview.objects.get()
    assert (review.status, review.reviewer, review.assessments.count()) == ("draft", security, 1)

    first = review.assessments.get()
    response = client.post(
        f"{REVIEWS}edit/{review.pk}/",
        review_post(
            podatelna, [(cats[0], 5, 5), (cats[1], 2, 2)], reviewer=security, existing=[first.pk]
        ),
    )
    assert response.status_code == 302
    assert sorted(review.assessments.values_list("likelihood", "impact")) == [(2, 2), (5, 5)]

    confirm = client.get(f"{REVIEWS}approve/{review.pk}/").content.decode()
    assert "Schválit analýzu" in confirm
    # The confirmation carries the fingerprint of the effect it showed.
    effect = re.search(r'name="effect" value="([0-9a-f]{64})"', confirm).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{REVIEWS}approve/{review.pk}/", {"effect": effect})
    assert response["Location"] == f"{REVIEWS}inspect/{review.pk}/"
    review.refresh_from_db()
    assert review.status == "approved" and review.approved_by == security
    history = client.get(f"{REVIEWS}history/{review.pk}/").content.decode()
    assert "schválena" in history.lower()


def test_a_category_cannot_be_rated_twice_in_one_review(client, site, security, cats, podatelna):
    client.force_login(security)
    response = client.post(
        REVIEWS + "new/", review_post(podatelna, [(cats[0], 3, 4), (cats[0], 1, 1)])
    )
    assert response.status_code == 200
    assert not RiskReview.objects.exists()


def test_an_approved_review_is_locked_and_kept(client, site, security, cats, podatelna):
    review = factories.make_review(podatelna, {cats[0]: (2, 2)}, approve_by=security)
    client.force_login(security)
    for url in (f"{REVIEWS}edit/{review.pk}/", f"{REVIEWS}delete/{review.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{REVIEWS}inspect/{review.pk}/"
    response = client.post(f"{REVIEWS}edit/{review.pk}/", review_post(podatelna, [(cats[0], 5, 5)]))
    assert response.status_code == 302
    assert review.assessments.get().likelihood == 2
    client.post(f"{REVIEWS}delete/{review.pk}/")
    assert RiskReview.objects.filter(pk=review.pk).exists()


def test_the_inspect_view_shows_levels_matrix_and_history(client, site, security, cats, podatelna):
    old = factories.make_review(podatelna, {cats[0]: (2, 2)}, approve_by=security)
    new = factories.make_review(podatelna, {cats[0]: (5, 4), cats[1]: (1, 1)}, approve_by=security)
    client.force_login(security)
    page = client.get(f"{REVIEWS}inspect/{new.pk}/").content.decode()
    assert "kritické" in page and "nízké" in page
    assert f"{REVIEWS}inspect/{old.pk}/" in page
    assert "Nahrazená" in page
    assert "Zahájit novou analýzu" in page


def test_a_new_draft_can_start_from_an_approved_review(client, site, security, cats, podatelna):
    review = factories.make_review(podatelna, {cats[0]: (2, 2)}, approve_by=security)
    client.force_login(security)
    response = client.post(f"{REVIEWS}draft-from/{review.pk}/")
    draft = RiskReview.objects.get(status="draft")
    assert response["Location"] == f"{REVIEWS}edit/{draft.pk}/"
    assert draft.assessments.get().likelihood == 2


def test_hr_can_read_but_not_approve(client, site, cats, podatelna):
    review = factories.make_review(podatelna, {cats[0]: (2, 2)})
    client.force_login(factories.UserFactory(roles=["HR"]))
    assert client.get(f"{REVIEWS}inspect/{review.pk}/").status_code == 200
    client.post(f"{REVIEWS}approve/{review.pk}/")
    review.refresh_from_db()
    assert review.status == "draft"
    assert not Assignment.objects.exists()


def test_the_risk_policy_is_editable_by_the_security_manager(client, site, security):
    client.force_login(security)
    home, _ = site
    response = client.get(f"/admin/settings/risk/risksettings/{home.get_site().pk}/")
    assert response.status_code == 200
    assert "Úrovně rizika" in response.content.decode()
