"""E-mails speak correct Czech (issue 13 point 12): the vocative, neutral wording, the reason
of every assignment and the site's name from settings, allauth's e-mails included."""

import datetime

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from automation import services
from automation.emails import greeting, vocative
from risk.models import RiskCategory
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Šárka", "Šárko"),
        ("Jana", "Jano"),
        ("Petr", "Petře"),
        ("Tomáš", "Tomáši"),
        ("Marie", "Marie"),
    ],
)
def test_vocative_of_czech_first_names(name, expected):
    assert vocative(name) == expected


def test_greeting_in_czech_english_and_without_a_name():
    person = factories.UserFactory.build(first_name="Šárka")
    assert greeting(person, "cs") == "Dobrý den, Šárko,"
    assert greeting(person, "en") == "Hello Šárka,"
    assert greeting(factories.UserFactory.build(first_name=""), "cs") == "Dobrý den,"


def _run(name):
    services.job_run(name=name)
    services.outbox_flush()


@override_settings(WAGTAIL_SITE_NAME="Školení Magistrátu")
def test_a_plan_assignment_e_mail_greets_in_the_vocative_and_says_why(people, course_index):
    employee = people["employee"]
    employee.first_name = "Šárka"
    employee.save()
    category = RiskCategory.objects.order_by("pk").first() or factories.RiskCategoryFactory()
    course = factories.make_plan_course(course_index, [category], title="Phishing")
    review = factories.make_review(people["workplace"], {category: (4, 4)})
    factories.AssignmentFactory(
        user=employee,
        course=course,
        source="plan",
        review=review,
        risk_category=category,
        risk_level="high",
        reason="",
        due_date=timezone.localdate() + datetime.timedelta(days=20),
    )
    _run("reminders")
    message = next(m for m in mail.outbox if m.to == ["jana@example.cz"])
    assert message.body.startswith("Dobrý den, Šárko,")
    why = message.body.split("Proč: ", 1)[1].splitlines()[0]
    assert str(people["workplace"]) in why and str(category) in why
    assert course.title in message.body
    assert "Školení Magistrátu" in message.body
    html = message.alternatives[0][0]
    assert "Dobrý den, Šárko," in html and "Školení Magistrátu" in html


@override_settings(WAGTAIL_SITE_NAME="Školení Magistrátu")
def test_allauth_password_reset_names_the_site_not_the_host(client, people):
    response = client.post("/accounts/password/reset/", {"email": "jana@example.cz"})
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert "Školení Magistrátu" in message.subject and "testserver" not in message.subject
    assert "Zpráva ze systému Školení Magistrátu" in message.body
    assert "testserver" not in message.body.split("http")[0]
    assert "Pozdrav z" not in message.body


def test_the_login_message_is_gender_neutral(client, people):
    user = people["employee"]
    user.set_password("tajne-heslo-1")
    user.save()
    client.post("/accounts/login/", {"login": "jana@example.cz", "password": "tajne-heslo-1"})
    page = client.get("/my-training/").content.decode()
    assert "Přihlásili jste se jako Jana Nováková." in page
    assert "přihlášen jako" not in page
