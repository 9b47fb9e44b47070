"""Opened, clicked, submitted, reported; scanners kept apart; the remedial course assigned once."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.models import Assignment
from phishing import services
from phishing.models import Event, PhishingTemplate, Recipient

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"


@pytest.fixture
def sent(campaign, office):
    services.campaign_launch(campaign=campaign, by=office["manager"])
    Recipient.objects.update(sent_at=timezone.now() - datetime.timedelta(minutes=5))
    return Recipient.objects.select_related("user").get(user=office["sarka"])


def test_a_person_s_click_is_counted_and_assigns_the_remedial_course_once(client, sent):
    url = reverse("phishing:click", args=(sent.token,))
    first = client.get(url, HTTP_USER_AGENT=BROWSER)
    client.get(url, HTTP_USER_AGENT=BROWSER)
    assert first.status_code == 200
    assert "Ověření účtu" in first.content.decode()  # the template's landing page
    sent.refresh_from_db()
    assert sent.clicked_at is not None
    assignment = Assignment.objects.get(user=sent.user)
    assert assignment.source == Assignment.Source.PHISHING
    assert assignment.course_id == sent.campaign.remedial_course_id
    today = timezone.localdate()
    assert assignment.reason == (
        f"Klikla jste na simulovaný phishing v kampani „Podzimní kampaň“ dne "
        f"{today.day}. {today.month}. {today.year}."
    )
    assert assignment.due_date == today + datetime.timedelta(days=14)
    assert Event.objects.filter(kind="clicked", automated="").count() == 2
    assert ModelLogEntry.objects.filter(action="phishing.remedial").count() == 1


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("male", "Klikl jste na simulovaný phishing v kampani „Podzimní kampaň“ dne {day}."),
        (
            "neutral",
            "Dne {day} došlo z vašeho účtu ke kliknutí na simulovaný phishing v kampani "
            "„Podzimní kampaň“.",
        ),
    ],
)
def test_the_remedial_reason_agrees_with_the_chosen_form_of_address(client, sent, form, expected):
    sent.user.form_of_address = form
    sent.user.save()
    client.get(reverse("phishing:click", args=(sent.token,)), HTTP_USER_AGENT=BROWSER)
    today = timezone.localdate()
    day = f"{today.day}. {today.month}. {today.year}"
    assert Assignment.objects.get(user=sent.user).reason == expected.format(day=day)


@pytest.mark.parametrize(
    ("method", "agent"),
    [("head", BROWSER), ("get", "Mozilla/5.0 (compatible; Barracuda Sentinel)"), ("get", "")],
)
def test_scanners_are_recorded_but_not_counted(client, sent, method, agent):
    url = reverse("phishing:click", args=(sent.token,))
    getattr(client, method)(url, HTTP_USER_AGENT=agent)
    sent.refresh_from_db()
    assert sent.clicked_at is None
    assert not Assignment.objects.filter(user=sent.user).exists()
    assert Event.objects.get().automated != ""


def test_a_click_seconds_after_delivery_is_not_a_person(client, sent):
    Recipient.objects.filter(pk=sent.pk).update(sent_at=timezone.now())
    client.get(reverse("phishing:click", args=(sent.token,)), HTTP_USER_AGENT=BROWSER)
    sent.refresh_from_db()
    assert sent.clicked_at is None
    assert Event.objects.get().automated == "too soon after delivery"


def test_a_submission_records_that_something_was_sent_never_what(client, sent):
    client.get(reverse("phishing:click", args=(sent.token,)), HTTP_USER_AGENT=BROWSER)
    response = client.post(
        reverse("phishing:submit", args=(sent.token,)),
        {"login": "sarka.cermakova", "secret": "Tajné-Heslo-ěščř-42"},
        HTTP_USER_AGENT=BROWSER,
    )
    assert response.status_code == 302
    lesson = client.get(response["Location"]).content.decode()
    assert "Tohle byl cvičný phishingový e-mail" in lesson
    assert "Skutečný helpdesk nikdy nechce znát vaše heslo." in lesson
    assert "Čermáková" not in lesson and "Šárka" not in lesson  # no names, no shame
    sent.refresh_from_db()
    assert sent.submitted_at is not None
    # What was typed is nowhere in the database.
    with connection.cursor() as cursor:
        for table in ("phishing_event", "phishing_recipient"):
            # The two table names are fixed above, nothing comes from outside.
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608  # nosec B608
            dump = repr(cursor.fetchall())
            assert "Tajné-Heslo" not in dump and "sarka.cermakova" not in dump
    assert Assignment.objects.filter(user=sent.user).count() == 1


def test_reporting_takes_a_post_and_a_get_only_asks(client, sent):
    url = reverse("phishing:report", args=(sent.token,))
    page = client.get(url)
    assert "Nahlásit tento e-mail" in page.content.decode()
    sent.refresh_from_db()
    assert sent.reported_at is None
    done = client.post(url, HTTP_USER_AGENT=BROWSER)
    assert "Dobrý postřeh" in done.content.decode()
    sent.refresh_from_db()
    assert sent.reported_at is not None
    assert not Assignment.objects.filter(user=sent.user).exists()


def test_the_pixel_counts_an_open(client, sent):
    response = client.get(reverse("phishing:opened", args=(sent.token,)), HTTP_USER_AGENT=BROWSER)
    assert response["Content-Type"] == "image/gif"
    sent.refresh_from_db()
    assert sent.opened_at is not None


@pytest.mark.parametrize("name", ["click", "lesson", "report", "opened"])
def test_an_unknown_token_is_a_404_and_changes_nothing(client, sent, name):
    response = client.get(reverse(f"phishing:{name}", args=("x" * 32,)), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 404
    assert not Event.objects.exists()


def test_clicks_after_the_end_are_not_counted(client, sent):
    sent.campaign.ends_at = timezone.now() - datetime.timedelta(seconds=1)
    sent.campaign.starts_at = sent.campaign.ends_at - datetime.timedelta(days=1)
    sent.campaign.save()
    client.get(reverse("phishing:click", args=(sent.token,)), HTTP_USER_AGENT=BROWSER)
    sent.refresh_from_db()
    assert sent.clicked_at is None


def test_a_click_only_template_goes_straight_to_the_lesson(client, sent):
    invoice = PhishingTemplate.objects.get(name="Faktura od dodavatele")
    Recipient.objects.filter(pk=sent.pk).update(template=invoice)
    response = client.get(reverse("phishing:click", args=(sent.token,)), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 302
    lesson = client.get(response["Location"]).content.decode()
    assert "Odkaz vypadá jako soubor PDF" in lesson


def test_the_product_s_own_e_mails_link_to_reporting(client, site):
    page = client.get(reverse("phishing:report_generic")).content.decode()
    assert "Hlášení podezřelých e-mailů" in page
