"""Messages that speak to a person agree with their grammatical gender, or are neutral: the
profile's form of address, suggested from the Czech first name until the person chooses."""

import re

import pytest

from organisation import grammar
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("first_name", "gender"),
    [
        ("Jana", "female"),
        ("Tomáš", "male"),
        ("Anna Marie", "female"),
        ("", "neutral"),
        ("J.", "neutral"),
    ],
)
def test_the_first_name_suggests_a_gender_and_an_unknown_one_gets_neutral(first_name, gender):
    assert grammar.gender_guess(first_name) == gender


def footer(client, user) -> str:
    client.force_login(user)
    page = client.get("/profile/").content.decode()
    return page.split('class="site-footer"', 1)[1]


def test_the_footer_agrees_with_the_person_or_stays_neutral(client, site):
    jana = factories.UserFactory(first_name="Jana", last_name="Nováková")
    tomas = factories.UserFactory(first_name="Tomáš", last_name="Černý")
    assert "Přihlášena: Jana Nováková" in footer(client, jana)
    assert "Přihlášen: Tomáš Černý" in footer(client, tomas)
    # A chosen form beats the name; neutral wording has no "(a)".
    tomas.form_of_address = "neutral"
    tomas.save()
    text = footer(client, tomas)
    assert "Účet: Tomáš Černý" in text and "(a)" not in text
    jana.form_of_address = "male"
    jana.save()
    assert "Přihlášen: Jana Nováková" in footer(client, jana)


def test_the_person_changes_their_form_of_address_in_the_profile(client, site):
    nikola = factories.UserFactory(first_name="Nikola", last_name="Tesař")
    client.force_login(nikola)
    page = client.get("/profile/").content.decode()
    # Suggested from the first name (Nikola reads as a woman's name) until chosen.
    assert "Jak vás mají české zprávy oslovovat?" in page
    checked = re.findall(r'<input[^>]*name="form_of_address"[^>]*>', page)
    assert [tag for tag in checked if "checked" in tag] == [
        tag for tag in checked if 'value="female"' in tag
    ]
    assert "Navrženo podle křestního jména" in page

    response = client.post("/profile/form-of-address/", {"form_of_address": "male"}, follow=True)
    nikola.refresh_from_db()
    assert nikola.form_of_address == "male"
    page = response.content.decode()
    assert "Oslovení bylo změněno." in page
    assert "Přihlášen: Nikola Tesař" in page
    assert "Navrženo podle křestního jména" not in page


def test_a_bad_form_of_address_changes_nothing(client, site):
    jana = factories.UserFactory(first_name="Jana")
    client.force_login(jana)
    response = client.post("/profile/form-of-address/", {"form_of_address": "other"}, follow=True)
    assert "Vyberte jedno z nabízených oslovení." in response.content.decode()
    jana.refresh_from_db()
    assert jana.form_of_address == ""
    # GET never changes it.
    assert client.get("/profile/form-of-address/").status_code == 405
