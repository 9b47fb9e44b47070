"""Results per campaign and workplace, the trend, exports, and who sees what."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from organisation import roles
from phishing import selectors, services
from phishing.models import PhishingSettings, Recipient
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def measured(campaign, office):
    services.campaign_launch(campaign=campaign, by=office["manager"])
    sent = timezone.now() - datetime.timedelta(hours=2)
    Recipient.objects.update(sent_at=sent)
    Recipient.objects.filter(user=office["sarka"]).update(
        clicked_at=sent + datetime.timedelta(minutes=3),
        submitted_at=sent + datetime.timedelta(minutes=4),
    )
    Recipient.objects.filter(user=office["jiri"]).update(
        reported_at=sent + datetime.timedelta(minutes=10)
    )
    Recipient.objects.filter(user=office["zdenek"]).update(
        clicked_at=sent + datetime.timedelta(minutes=30),
        reported_at=sent + datetime.timedelta(minutes=40),
    )
    return campaign


def test_rates_and_median_time_to_report(measured):
    results = selectors.campaign_results(campaign=measured)
    overall = results["overall"]
    assert (overall.sent, overall.clicked, overall.submitted, overall.reported) == (3, 2, 1, 2)
    assert (overall.click_rate, overall.submit_rate, overall.report_rate) == (66.7, 33.3, 66.7)
    assert overall.median_report_minutes == 25.0
    places = dict(results["workplaces"])
    assert places["Odbor správních činností"].click_rate == 100.0
    assert places["Oddělení přestupků"].click_rate == 50.0


def test_the_manager_sees_people_hr_only_aggregates(client, measured, office):
    url = reverse("phishing_campaigns:results", args=(measured.pk,))
    client.force_login(office["manager"])
    page = client.get(url).content.decode()
    assert "Čermáková" in page and "66,7 % (2)" in page
    hr = factories.UserFactory(roles=[roles.HR])
    client.force_login(hr)
    page = client.get(url).content.decode()
    assert "Oddělení přestupků" in page
    assert "Čermáková" not in page and "Řehoř" not in page
    assert "Spustit" not in page
    PhishingSettings.objects.update(hr_sees_aggregates=False)
    refused = client.get(url)
    # Wagtail turns a staff member's 403 into a redirect to the dashboard with a message.
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_an_employee_sees_no_results(client, measured, office):
    client.force_login(office["sarka"])
    response = client.get(reverse("phishing_campaigns:results", args=(measured.pk,)))
    assert response.status_code == 403  # employees get the "for staff" page at /admin/
    page = response.content.decode()
    assert "Podzimní kampaň" not in page and "Míra prokliku" not in page


def test_the_export_is_per_person_for_the_manager_and_neutralises_formulas(
    client, measured, office
):
    office["sarka"].first_name = '=HYPERLINK("http://x")'
    office["sarka"].save()
    client.force_login(office["manager"])
    body = client.get(reverse("phishing_campaigns:export", args=(measured.pk,))).content.decode()
    assert "'=HYPERLINK" in body and ";=HYPERLINK" not in body
    assert body.count("\n") == 4  # header + 3 people
    hr = factories.UserFactory(roles=[roles.HR])
    client.force_login(hr)
    body = client.get(reverse("phishing_campaigns:export", args=(measured.pk,))).content.decode()
    assert "HYPERLINK" not in body and "Odbor správních činností" in body


def test_the_trend_lists_campaigns_oldest_first(client, measured, office):
    client.force_login(office["manager"])
    page = client.get(reverse("phishing_campaigns:trend")).content.decode()
    assert "Podzimní kampaň" in page and "Míra prokliku podle kampaní" in page


def test_results_page_queries_do_not_grow_with_people(
    client, measured, office, django_assert_max_num_queries
):
    client.force_login(office["manager"])
    url = reverse("phishing_campaigns:results", args=(measured.pk,))
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    for i in range(30):
        user = factories.UserFactory(email=f"dalsi{i}@urad.example.cz", workplace=office["odbor"])
        Recipient.objects.create(
            campaign=measured,
            user=user,
            workplace=office["odbor"],
            template=measured.templates.first(),
            scheduled_at=timezone.now(),
            sent_at=timezone.now(),
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
