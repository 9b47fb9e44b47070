"""The profile page everyone has, and the download of one's own data as JSON."""

import json

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from allauth.socialaccount.models import SocialAccount

from courses.models import Assignment
from quizzes.services import attempt_start
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def jana(db):
    boss = factories.UserFactory(first_name="Marie", last_name="Svobodová")
    workplace = factories.WorkplaceFactory(name="Odbor správních agend", code="osa")
    section = factories.WorkplaceFactory(name="Podatelna", code="podatelna", parent=workplace)
    return factories.UserFactory(
        first_name="Jana",
        last_name="Nováková",
        email="jana@example.cz",
        personal_number="10042",
        workplace=section,
        manager=boss,
        job_title="Referentka",
    )


def _records(person, course_index, n: int):
    """n courses: the odd ones completed with a certificate, the even ones open with an attempt."""
    for i in range(n):
        # Quiz before the lessons: this test is about records, not about the course order.
        course = factories.make_course(
            course_index, title=f"Kurz č. {i} – řízení rizik", lessons=1, lessons_first=False
        )
        quiz = factories.make_quiz(course, questions=2)
        if i % 2:
            assignment = factories.CompletedAssignmentFactory(user=person, course=course)
            factories.issue_certificate(assignment, pdf=False)
        else:
            factories.AssignmentFactory(user=person, course=course)
            attempt_start(user=person, quiz=quiz)
    return Assignment.objects.filter(user=person).count()


def test_profile_shows_who_you_are_and_is_linked_from_the_header(client, site, jana):
    client.force_login(jana)
    page = client.get("/my-training/").content.decode()
    assert 'href="/profile/">Můj profil</a>' in page

    page = client.get("/profile/").content.decode()
    assert "<h1>Můj profil</h1>" in page
    assert "Jana Nováková" in page and "10042" in page and "Referentka" in page
    assert "Odbor správních agend / Podatelna" in page
    assert "Marie Svobodová" in page
    assert 'href="/accounts/password/change/">Změnit heslo</a>' in page
    assert "Zatím nemáte žádný druhý faktor." in page
    assert 'href="/reports/my-data.json"' in page


def test_profile_lists_second_factors_and_linked_sso_accounts(client, site, jana):
    TOTP.activate(jana, "JBSWY3DPEHPK3PXP")
    SocialAccount.objects.create(user=jana, provider="office", uid="jana.novakova")
    client.force_login(jana)
    page = client.get("/profile/").content.decode()
    assert "Zatím nemáte žádný druhý faktor." not in page
    assert "jana.novakova" in page


def test_sso_only_people_get_no_password_change(client, site, jana, settings):
    settings.PASSWORD_LOGIN_FOR_EMPLOYEES = False
    client.force_login(jana)
    page = client.get("/profile/").content.decode()
    assert "Změnit heslo" not in page
    assert "zvláštní heslo zde nemáte" in page


def test_language_change_is_saved_and_switches_the_pages(client, site, jana):
    client.force_login(jana)
    response = client.post("/profile/language/", {"language": "en"})
    assert response.status_code == 302
    jana.refresh_from_db()
    assert jana.language == "en"
    assert "<h1>My profile</h1>" in client.get("/profile/").content.decode()


def test_a_tampered_language_changes_nothing(client, site, jana):
    client.force_login(jana)
    client.post("/profile/language/", {"language": "xx"})
    jana.refresh_from_db()
    assert jana.language == "cs"
    assert client.get("/profile/language/").status_code == 405


def test_own_data_download_is_a_json_attachment_with_everything(client, site, course_index, jana):
    other = factories.UserFactory(email="petr@example.cz")
    _records(jana, course_index, 3)
    factories.AssignmentFactory(user=other, course=factories.make_course(course_index))
    client.force_login(jana)

    response = client.get("/reports/my-data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="moje-udaje.json"'
    data = json.loads(response.content)
    assert data["profile"]["last_name"] == "Nováková"
    assert data["profile"]["workplace"] == "Odbor správních agend / Podatelna"
    assert data["profile"]["manager"] == "Marie Svobodová"
    assert sorted(a["course"] for a in data["assignments"]) == [
        "Kurz č. 0 – řízení rizik",
        "Kurz č. 1 – řízení rizik",
        "Kurz č. 2 – řízení rizik",
    ]
    assert [a["number"] for a in data["attempts"]] == [1, 1]
    assert [c["course"] for c in data["certificates"]] == ["Kurz č. 1 – řízení rizik"]
    assert data["certificates"][0]["verification_url"].startswith("http")
    # Czech survives as Czech, not as \\u escapes; nothing of the colleague's.
    assert "řízení" in response.content.decode()
    assert "petr@example.cz" not in response.content.decode()


def test_own_data_download_changes_nothing_and_needs_a_login(client, site, jana):
    assert client.get("/reports/my-data.json").status_code == 302
    client.force_login(jana)
    last_login = type(jana).objects.get(pk=jana.pk).last_login
    assert client.post("/reports/my-data.json").status_code == 405
    client.get("/reports/my-data.json")
    assert type(jana).objects.get(pk=jana.pk).last_login == last_login


@pytest.mark.parametrize("url", ["/profile/", "/reports/my-data.json"])
def test_query_counts_do_not_grow_with_the_records(
    client, site, course_index, jana, url, django_assert_max_num_queries
):
    client.force_login(jana)
    _records(jana, course_index, 1)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    _records(jana, course_index, 6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
