"""Phishing in a real browser: the e-mail received by a real SMTP server, its link, the
landing page, the teachable moment, and the remedial course in the person's training."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Site

from elearning.site_setup import site_setup
from organisation import roles
from phishing import services
from phishing.models import Campaign, PhishingSettings, PhishingTemplate, Recipient
from tests import factories
from tests.e2e.conftest import axe_violations, snapshot
from tests.smtp import smtp  # noqa: F401 - the fixture

pytestmark = [pytest.mark.e2e]

CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0.0.0 Safari/537.36"
)


@pytest.fixture
def received(transactional_db, django_db_serialized_rollback, smtp, settings, live_server):  # noqa: F811
    settings.BASE_URL = live_server.url
    _home, catalogue = site_setup()
    config = PhishingSettings.for_site(Site.objects.get(is_default_site=True))
    config.allowed_domains = "urad.example.cz"
    config.save()
    workplace = factories.WorkplaceFactory(name="Odbor dopravy")
    person = factories.UserFactory(
        email="sarka@urad.example.cz",
        first_name="Šárka",
        last_name="Čermáková",
        workplace=workplace,
        password="heslo-ěščř-123",
    )
    manager = factories.UserFactory(
        email="manazer@urad.example.cz", roles=[roles.SECURITY_MANAGER], workplace=None
    )
    course = factories.make_course(catalogue, title="Jak poznat phishing", lessons=1)
    now = timezone.now()
    campaign = Campaign.objects.create(
        name="Datové schránky – prosinec",
        starts_at=now - datetime.timedelta(minutes=1),
        window_hours=0,
        ends_at=now + datetime.timedelta(days=7),
        remedial_course=course,
    )
    campaign.templates.set(PhishingTemplate.objects.filter(name="Datová schránka: nová zpráva"))
    campaign.workplaces.set([workplace])
    services.campaign_launch(campaign=campaign, by=manager)
    assert services.campaign_send_due()["sent"] == 1
    # The person reads the e-mail a few minutes later (sooner would look like a scanner).
    Recipient.objects.update(sent_at=timezone.now() - datetime.timedelta(minutes=5))
    (message,) = smtp.messages
    html = message.get_body(("html",)).get_content()
    link = re.search(r'href="([^"]+/phishing/c/[^"]+)"', html).group(1)
    return {"link": link, "person": person, "message": message}


@pytest.fixture
def person_page(browser):
    context = browser.new_context(
        locale="cs-CZ", viewport={"width": 1366, "height": 900}, user_agent=CHROME
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_link_from_the_received_e_mail_teaches_and_assigns_the_course(
    person_page, live_server, received
):
    page = person_page
    # A long header is folded after "Subject:"; a mail client shows it without the fold.
    subject = received["message"]["Subject"].strip()
    assert subject == "Do Vaší datové schránky byla dodána nová zpráva"
    page.goto(received["link"])
    expect(page.get_by_role("heading", name="Přihlášení do datové schránky")).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "phishing-01-landing")
    page.get_by_label("Uživatelské jméno").fill("scermakova")
    page.get_by_label("Heslo").fill("tajne-heslo")
    page.get_by_role("button", name="Přihlásit se").click()
    expect(page.get_by_role("heading", name="Tohle byl cvičný phishingový e-mail")).to_be_visible()
    expect(page.get_by_text("Tlak na čas")).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "phishing-02-lesson")
    page.set_viewport_size({"width": 390, "height": 844})
    snapshot(page, "phishing-02-lesson-phone")

    recipient = Recipient.objects.get()
    assert recipient.clicked_at and recipient.submitted_at

    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail").fill("sarka@urad.example.cz")
    page.get_by_label("Heslo").fill("heslo-ěščř-123")
    page.get_by_role("button", name="Přihlásit se").click()
    page.wait_for_url(f"{live_server.url}/my-training/")
    card = page.locator("li.course-card", has_text="Jak poznat phishing")
    expect(card).to_be_visible()
    assert axe_violations(page) == []
    snapshot(page, "phishing-03-my-training")
    card.get_by_role("link", name=re.compile("Proč")).click()
    expect(page.get_by_text("Klikla jste na simulovaný phishing v kampani")).to_be_visible()
    snapshot(page, "phishing-04-reason")
