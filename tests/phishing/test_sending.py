"""Sending to a real SMTP server on 127.0.0.1: each person exactly once, with the header."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from phishing import services
from phishing.models import Recipient

pytestmark = pytest.mark.django_db


def _launch(campaign, office):
    services.campaign_launch(campaign=campaign, by=office["manager"])


def test_due_e_mails_reach_the_smtp_server_once_each(smtp, campaign, office):
    _launch(campaign, office)
    assert services.campaign_send_due() == {"sent": 3, "failed": 0, "refused": 0}
    assert services.campaign_send_due() == {"sent": 0, "failed": 0, "refused": 0}
    assert sorted(m["To"] for m in smtp.messages) == [
        "jiri@urad.example.cz",
        "sarka@urad.example.cz",
        "zdenek@urad.example.cz",
    ]
    message = next(m for m in smtp.messages if m["To"] == "sarka@urad.example.cz")
    assert message["Subject"] == "Vaše heslo vyprší dnes"
    assert message["X-Phishing-Simulation"] == "1"
    assert message["From"] == "IT Helpdesk <helpdesk@it-podpora.example.net>"
    recipient = Recipient.objects.get(user=office["sarka"])
    assert message["Message-ID"] == recipient.message_id
    html = message.get_body(("html",)).get_content()
    assert "Dobrý den, Šárka," in html
    assert f"/phishing/c/{recipient.token}/" in html
    assert f"/phishing/r/{recipient.token}/" in html  # the report link in every footer
    text = message.get_body(("plain",)).get_content()
    assert f"/phishing/c/{recipient.token}/" in text


def test_the_window_spreads_sends_and_only_due_ones_go(smtp, campaign, office):
    campaign.window_hours = 72
    campaign.save()
    _launch(campaign, office)
    first = min(Recipient.objects.values_list("scheduled_at", flat=True))
    sent = services.campaign_send_due(now=first + datetime.timedelta(seconds=1))["sent"]
    assert sent == 1 and len(smtp.messages) == 1


def test_a_paused_or_stopped_campaign_sends_nothing(smtp, campaign, office):
    _launch(campaign, office)
    services.campaign_change(campaign=campaign, action="pause", by=office["manager"])
    assert services.campaign_send_due()["sent"] == 0
    services.campaign_change(campaign=campaign, action="resume", by=office["manager"])
    assert services.campaign_send_due(limit=1)["sent"] == 1
    services.campaign_change(campaign=campaign, action="stop", by=office["manager"])
    assert services.campaign_send_due()["sent"] == 0
    assert len(smtp.messages) == 1


def test_an_address_changed_to_outside_the_domains_is_never_mailed(smtp, campaign, office):
    _launch(campaign, office)
    office["jiri"].email = "jiri@soukromy.example.com"
    office["jiri"].save()
    counts = services.campaign_send_due()
    assert counts == {"sent": 2, "failed": 0, "refused": 1}
    assert "jiri@soukromy.example.com" not in {m["To"] for m in smtp.messages}


def test_an_smtp_outage_is_retried_with_the_same_message_id(settings, smtp, campaign, office):
    _launch(campaign, office)
    real_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1  # nothing listens there: the send fails for real
    assert services.campaign_send_due()["failed"] == 3
    ids_before = dict(Recipient.objects.values_list("id", "message_id"))
    settings.EMAIL_PORT = real_port
    assert services.campaign_send_due()["sent"] == 3
    assert dict(Recipient.objects.values_list("id", "message_id")) == ids_before
    assert len(smtp.messages) == 3


def test_an_ended_campaign_is_finished_and_sends_nothing(smtp, campaign, office):
    _launch(campaign, office)
    later = timezone.now() + datetime.timedelta(days=8)
    assert services.campaign_send_due(now=later)["sent"] == 0
    campaign.refresh_from_db()
    assert campaign.status == "finished"


def test_a_test_send_goes_to_the_manager_alone_and_records_nothing(smtp, campaign, office):
    sent = services.campaign_test_send(campaign=campaign, by=office["manager"])
    assert sent == 1
    assert [m["To"] for m in smtp.messages] == ["manazer@urad.example.cz"]
    assert smtp.messages[0]["Subject"].startswith("[TEST] ")
    assert not Recipient.objects.exists()
    assert ModelLogEntry.objects.filter(action="phishing.test_send").count() == 1
