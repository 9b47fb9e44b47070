"""Launching, pausing, resuming and stopping a campaign, and who may do it."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from organisation import roles
from phishing import services
from phishing.models import Campaign, Recipient
from tests import factories

pytestmark = pytest.mark.django_db


def test_launch_targets_the_workplace_and_below_it_inside_the_domains_only(campaign, office):
    counts = services.campaign_launch(campaign=campaign, by=office["manager"])
    emails = set(Recipient.objects.values_list("user__email", flat=True))
    assert emails == {"sarka@urad.example.cz", "jiri@urad.example.cz", "zdenek@urad.example.cz"}
    assert counts == {"recipients": 3, "outside": 1}
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.RUNNING
    # Each recipient has its own unguessable token.
    tokens = list(Recipient.objects.values_list("token", flat=True))
    assert len(set(tokens)) == 3 and all(len(t) >= 32 for t in tokens)
    entry = ModelLogEntry.objects.get(action="phishing.launch")
    assert entry.user == office["manager"] and entry.data["refused_outside_domains"] == 1


def test_without_subworkplaces_only_the_chosen_workplace_is_targeted(campaign, office):
    campaign.include_subworkplaces = False
    campaign.save()
    services.campaign_launch(campaign=campaign, by=office["manager"])
    assert list(Recipient.objects.values_list("user__email", flat=True)) == [
        "sarka@urad.example.cz"
    ]


def test_people_can_be_chosen_one_by_one(campaign, office):
    campaign.workplaces.clear()
    campaign.people.set([office["zdenek"], office["outsider"]])
    services.campaign_launch(campaign=campaign, by=office["manager"])
    assert list(Recipient.objects.values_list("user__email", flat=True)) == [
        "zdenek@urad.example.cz"
    ]


def test_no_domains_set_means_nobody_is_targeted(campaign, office):
    from phishing.models import PhishingSettings

    PhishingSettings.objects.update(allowed_domains="")
    with pytest.raises(services.CampaignError):
        services.campaign_launch(campaign=campaign, by=office["manager"])
    assert not Recipient.objects.exists()
    campaign.refresh_from_db()
    assert campaign.is_draft


def test_a_second_launch_is_refused_and_adds_nobody(campaign, office):
    services.campaign_launch(campaign=campaign, by=office["manager"])
    with pytest.raises(services.CampaignError):
        services.campaign_launch(campaign=campaign, by=office["manager"])
    assert Recipient.objects.count() == 3


def test_pause_resume_stop_follow_the_states(campaign, office):
    manager = office["manager"]
    with pytest.raises(services.CampaignError):
        services.campaign_change(campaign=campaign, action="pause", by=manager)
    services.campaign_launch(campaign=campaign, by=manager)
    services.campaign_change(campaign=campaign, action="pause", by=manager)
    services.campaign_change(campaign=campaign, action="resume", by=manager)
    services.campaign_change(campaign=campaign, action="stop", by=manager)
    with pytest.raises(services.CampaignError):
        services.campaign_change(campaign=campaign, action="resume", by=manager)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.STOPPED
    assert list(
        ModelLogEntry.objects.filter(action__startswith="phishing.")
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["phishing.launch", "phishing.pause", "phishing.resume", "phishing.stop"]


@pytest.mark.parametrize("role", [roles.HR, roles.COURSE_EDITOR, roles.EMPLOYEE])
def test_nobody_without_the_permission_can_launch(client, campaign, office, role):
    client.force_login(factories.UserFactory(roles=[role]))
    url = reverse("phishing_campaigns:action", args=("launch", campaign.pk))
    response = client.post(url)
    # Refused: Wagtail turns a staff member's 403 into a redirect to the dashboard with a
    # message; an employee never reaches the admin at all.
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] != reverse("phishing_campaigns:results", args=(campaign.pk,))
    assert not Recipient.objects.exists()
    campaign.refresh_from_db()
    assert campaign.is_draft


def test_the_manager_launches_from_the_admin_and_a_get_changes_nothing(client, campaign, office):
    client.force_login(office["manager"])
    url = reverse("phishing_campaigns:action", args=("launch", campaign.pk))
    assert client.get(url).status_code == 405
    assert not Recipient.objects.exists()
    response = client.post(url, follow=True)
    assert "Kampaň spuštěna: 3 příjemci." in response.content.decode()
    assert Recipient.objects.count() == 3


def test_the_manager_creates_a_campaign_in_the_admin(client, office, remedial_course):
    from phishing.models import PhishingTemplate

    client.force_login(office["manager"])
    template = PhishingTemplate.objects.get(name="Doručení zásilky")
    response = client.post(
        reverse("phishing_campaigns:add"),
        {
            "name": "Zásilky – prosinec",
            "templates": [template.pk],
            "workplaces": [office["odbor"].pk],
            "include_subworkplaces": "on",
            "starts_at": "2026-12-01 08:00",
            "window_hours": "48",
            "ends_at": "2026-12-15 17:00",
            "remedial_course": remedial_course.pk,
            "remedial_due_days": "14",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    created = Campaign.objects.get(name="Zásilky – prosinec")
    assert created.created_by == office["manager"] and created.is_draft
