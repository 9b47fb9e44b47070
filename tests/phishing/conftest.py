"""Fixtures of the phishing tests: a real SMTP server on 127.0.0.1, an office, a campaign."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from organisation import roles
from phishing.models import Campaign, PhishingSettings, PhishingTemplate
from tests import factories
from tests.smtp import smtp  # noqa: F401 - the fixture


@pytest.fixture
def office(site):
    """Two workplaces (one below the other), three people in the domain, one outside it."""
    config = PhishingSettings.for_site(Site.objects.get(is_default_site=True))
    config.allowed_domains = "urad.example.cz"
    config.save()
    odbor = factories.WorkplaceFactory(name="Odbor správních činností")
    oddeleni = factories.WorkplaceFactory(name="Oddělení přestupků", parent=odbor)
    people = {
        "sarka": factories.UserFactory(
            email="sarka@urad.example.cz",
            first_name="Šárka",
            last_name="Čermáková",
            workplace=odbor,
        ),
        "jiri": factories.UserFactory(
            email="jiri@urad.example.cz", first_name="Jiří", last_name="Řehoř", workplace=oddeleni
        ),
        "zdenek": factories.UserFactory(
            email="zdenek@urad.example.cz",
            first_name="Zdeněk",
            last_name="Žák",
            workplace=oddeleni,
        ),
        "outsider": factories.UserFactory(
            email="externista@gmail.example.com",
            first_name="Petr",
            last_name="Cizí",
            workplace=oddeleni,
        ),
    }
    manager = factories.UserFactory(
        email="manazer@urad.example.cz",
        first_name="Marie",
        last_name="Bezpečná",
        roles=[roles.SECURITY_MANAGER],
        workplace=None,
    )
    return {"odbor": odbor, "oddeleni": oddeleni, "manager": manager, **people}


@pytest.fixture
def remedial_course(course_index):
    return factories.make_course(course_index, title="Jak poznat phishing", lessons=1)


@pytest.fixture
def campaign(office, remedial_course):
    now = timezone.now()
    campaign = Campaign.objects.create(
        name="Podzimní kampaň",
        starts_at=now - datetime.timedelta(minutes=1),
        window_hours=0,
        ends_at=now + datetime.timedelta(days=7),
        remedial_course=remedial_course,
        created_by=office["manager"],
    )
    campaign.templates.set(PhishingTemplate.objects.filter(name="IT helpdesk: vypršení hesla"))
    campaign.workplaces.set([office["odbor"]])
    return campaign
