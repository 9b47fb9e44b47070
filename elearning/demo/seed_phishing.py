"""Demo phishing: the organisation's domain, and one finished campaign with measured results."""

import datetime

from django.utils import timezone
from wagtail.models import Site

from organisation.models import User, Workplace
from phishing.models import Campaign, PhishingSettings, PhishingTemplate, Recipient

CAMPAIGN = "Ukázková kampaň: vypršení hesla"


def seed_phishing(*, stdout) -> None:
    site = Site.objects.get(is_default_site=True)
    config = PhishingSettings.for_site(site)
    if not config.allowed_domains:
        config.allowed_domains = "example.cz"
        config.save()
    if Campaign.objects.filter(name=CAMPAIGN).exists():
        return
    start = timezone.now() - datetime.timedelta(days=40)
    campaign = Campaign.objects.create(
        name=CAMPAIGN,
        starts_at=start,
        window_hours=24,
        ends_at=start + datetime.timedelta(days=7),
        launched_at=start,
    )
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.FINISHED)
    template = PhishingTemplate.objects.get(name="IT helpdesk: vypršení hesla")
    campaign.templates.set([template])
    office = Workplace.objects.get(code="osa")
    campaign.workplaces.set([office])
    people = User.objects.filter(
        is_active=True, workplace__path__startswith=office.path, email__endswith="@example.cz"
    ).order_by("id")
    for index, person in enumerate(people):
        sent = start + datetime.timedelta(hours=index)
        Recipient.objects.create(
            campaign=campaign,
            user=person,
            workplace_id=person.workplace_id,
            template=template,
            scheduled_at=sent,
            sent_at=sent,
            clicked_at=sent + datetime.timedelta(minutes=12) if index % 3 == 0 else None,
            reported_at=sent + datetime.timedelta(minutes=25) if index % 3 == 1 else None,
        )
    stdout.write(f"Phishing: demo campaign with {people.count()} recipients.")
