"""Czech is the default language; English is one switch away."""

import pytest

pytestmark = pytest.mark.django_db


def test_pages_are_czech_by_default(employee_client, site):
    content = employee_client.get("/my-training/").content.decode()
    assert '<html lang="cs">' in content
    assert "Moje školení" in content
    assert "Odhlásit se" in content


def test_switching_to_english(employee_client, site):
    response = employee_client.post("/i18n/setlang/", {"language": "en", "next": "/my-training/"})
    assert response.status_code == 302
    content = employee_client.get("/my-training/").content.decode()
    assert '<html lang="en">' in content
    assert "My training" in content
    assert "Log out" in content


def test_czech_letters_survive_a_round_trip(employee_client, employee, site):
    employee.first_name, employee.last_name = "Řehoř", "Žďárský-Ťuňďůlek"
    employee.save()
    content = employee_client.get("/my-training/").content.decode()
    assert "Řehoř Žďárský-Ťuňďůlek" in content


def test_one_english_word_keeps_both_czech_meanings():
    # "Failed" is "nesplněno" for a quiz attempt but "selhalo" for a background job; one
    # catalogue would otherwise shadow the other.
    from django.utils import translation

    from automation.models import JobRun
    from core.jobs import BackgroundJob

    with translation.override("cs"):
        assert translation.gettext("Failed") == "Nesplněno"
        assert str(BackgroundJob.State.FAILED.label) == "Selhalo"
        assert str(JobRun.Status.FAILED.label) == "Selhalo"
