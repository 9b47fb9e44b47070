"""Operations of the simulation: launch, pause/resume/stop, send, test send, track, remediate.

Exactly once, as in automation's outbox: the unique (campaign, person) row is the effect and
carries its own send state, so a retried or concurrent send never mails a person twice; only
the SMTP hop itself is at least once (a crash between the server's accept and our commit sends
that one e-mail again, with the same Message-ID so the mail server can drop the copy).

Clicks arrive as GET requests from e-mail links: recording them is the one place a GET writes,
because the click is the measured behaviour itself. It records the first click only (a repeat
changes nothing) and counts no scanner (HEAD, known agents, clicks seconds after delivery).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from email.utils import formataddr

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.log_actions import log
from wagtail.models import Site

from core.models import OrganisationSettings
from core.sanitize import strip_tags
from courses.models import Assignment
from courses.services import assignment_create
from organisation.grammar import gendered
from organisation.models import User, Workplace

from . import placeholders, scanners, schedule
from .models import Campaign, Event, PhishingSettings, PhishingTemplate, Recipient

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
TEST_SALT = "phishing.test-send"


class CampaignError(Exception):
    """A campaign operation that is not allowed now; the message is translated."""


def phishing_settings() -> PhishingSettings:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return PhishingSettings.for_site(site) if site else PhishingSettings()


def hr_sees_aggregates() -> bool:
    """Read without creating the settings row: the admin menu asks on every page."""
    value = (
        PhishingSettings.objects.filter(site__is_default_site=True)
        .values_list("hr_sees_aggregates", flat=True)
        .first()
    )
    return (
        PhishingSettings._meta.get_field("hr_sees_aggregates").default if value is None else value
    )


def _organisation_name() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    name = OrganisationSettings.for_site(site).name if site else ""
    return name or OrganisationSettings._meta.get_field("name").default


def in_domains(email: str, domains: set[str]) -> bool:
    """True only for an address whose domain is one of the organisation's (exactly)."""
    _local, at, domain = (email or "").rpartition("@")
    return bool(at) and domain.lower() in domains


# --- recipients and launch -------------------------------------------------------------------


@dataclass
class Targets:
    people: list[User] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # addresses refused: not our domains


def campaign_targets(*, campaign: Campaign) -> Targets:
    """Active people in the chosen workplaces (and below them) and the chosen people."""
    domains = phishing_settings().domains()
    workplaces = list(campaign.workplaces.all())
    paths = []
    for workplace in workplaces:
        paths.append(workplace.path)
    users = User.objects.filter(is_active=True)
    chosen_ids = set(campaign.people.values_list("id", flat=True))
    by_place = User.objects.none()
    if workplaces:
        if campaign.include_subworkplaces:
            place_ids = set()
            for workplace in workplaces:
                place_ids.update(
                    Workplace.objects.filter(path__startswith=workplace.path).values_list(
                        "id", flat=True
                    )
                )
        else:
            place_ids = {w.id for w in workplaces}
        by_place = users.filter(workplace_id__in=place_ids)
    people = list(
        (by_place | users.filter(id__in=chosen_ids)).distinct().order_by("last_name", "id")
    )
    targets = Targets()
    for person in people:
        if in_domains(person.email, domains):
            targets.people.append(person)
        else:
            targets.outside.append(person.email)
    return targets


def campaign_launch(*, campaign: Campaign, by, now: datetime.datetime | None = None) -> dict:
    """Create one recipient row per person with a spread send time; start sending."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if not campaign.is_draft:
            raise CampaignError(_("Only a draft campaign can be launched."))
        templates = list(campaign.templates.order_by("id"))
        if not templates:
            raise CampaignError(_("Choose at least one template."))
        if campaign.ends_at <= now:
            raise CampaignError(_("The campaign's end has already passed."))
        targets = campaign_targets(campaign=campaign)
        if not targets.people:
            raise CampaignError(
                _("Nobody to send to: no active person in the organisation's domains.")
            )
        start = max(campaign.starts_at, now)
        times = schedule.spread(
            [p.id for p in targets.people],
            start=start,
            window_hours=campaign.window_hours,
            seed=f"campaign-{campaign.pk}",
        )
        rows = [
            Recipient(
                campaign=campaign,
                user=person,
                workplace_id=person.workplace_id,
                template=templates[index % len(templates)],
                scheduled_at=times[person.id],
            )
            for index, person in enumerate(targets.people)
        ]
        Recipient.objects.bulk_create(rows, ignore_conflicts=True)
        campaign.status, campaign.launched_at = Campaign.Status.RUNNING, now
        campaign.save(update_fields=["status", "launched_at"])
        log(
            instance=campaign,
            action="phishing.launch",
            user=by,
            data={"recipients": len(rows), "refused_outside_domains": len(targets.outside)},
        )
    return {"recipients": len(rows), "outside": len(targets.outside)}


_TRANSITIONS = {
    "pause": ({Campaign.Status.RUNNING}, Campaign.Status.PAUSED),
    "resume": ({Campaign.Status.PAUSED}, Campaign.Status.RUNNING),
    "stop": ({Campaign.Status.RUNNING, Campaign.Status.PAUSED}, Campaign.Status.STOPPED),
}


def campaign_change(*, campaign: Campaign, action: str, by) -> Campaign:
    """Pause, resume or stop a campaign; anything else in its state is refused."""
    allowed, target = _TRANSITIONS[action]
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status not in allowed:
            raise CampaignError(_("This campaign cannot do that in its current state."))
        campaign.status = target
        campaign.save(update_fields=["status"])
        log(instance=campaign, action=f"phishing.{action}", user=by)
    return campaign


# --- the e-mail -------------------------------------------------------------------------------


def _absolute(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def _values(template: PhishingTemplate, user, link: str) -> dict[str, str]:
    return {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "full_name": user.get_full_name() or user.email,
        "email": user.email,
        "link": link,
        "date": formats.date_format(timezone.localdate(), "j. n. Y"),
        "organisation": _organisation_name(),
    }


def build_message(
    *,
    template: PhishingTemplate,
    user,
    link: str,
    report_link: str,
    pixel: str | None,
    message_id: str,
    config: PhishingSettings,
) -> EmailMultiAlternatives:
    values = _values(template, user, link)
    html = placeholders.fill(template.body_html, values, html=True)
    with translation.override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
        footer_text = _("Suspicious e-mail? Report it: %(url)s") % {"url": report_link}
        footer_html = format_html(
            '<p style="font-size:small">{} <a href="{}">{}</a></p>',
            _("Suspicious e-mail?"),
            report_link,
            _("Report phishing"),
        )
    if pixel:
        html += format_html('<img src="{}" width="1" height="1" alt="">', pixel)
    html += footer_html
    text = strip_tags(placeholders.fill(template.body_html, values, html=False))
    text = f"{text}\n\n{link}\n\n-- \n{footer_text}\n"
    headers = {"Message-ID": message_id}
    if config.header_name:
        headers[config.header_name] = config.header_value
    message = EmailMultiAlternatives(
        subject=placeholders.fill(template.subject, values, html=False),
        body=text,
        from_email=formataddr((template.sender_name, template.sender_address)),
        to=[user.email],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message


def _links(token: str) -> tuple[str, str, str]:
    return (
        _absolute(reverse("phishing:click", args=(token,))),
        _absolute(reverse("phishing:report", args=(token,))),
        _absolute(reverse("phishing:opened", args=(token,))),
    )


def _message_id(recipient: Recipient) -> str:
    domain = settings.BASE_URL.split("//")[-1].split("/")[0].split(":")[0] or "localhost"
    return f"<phishing.{recipient.pk}.{recipient.token[:12]}@{domain}>"


def campaign_send_due(*, now: datetime.datetime | None = None, limit: int | None = None) -> dict:
    """Send every e-mail whose time has come, in running campaigns; finish ended campaigns."""
    now = now or timezone.now()
    config = phishing_settings()
    domains = config.domains()
    Campaign.objects.filter(
        status__in=[Campaign.Status.RUNNING, Campaign.Status.PAUSED], ends_at__lte=now
    ).update(status=Campaign.Status.FINISHED)
    counts = {"sent": 0, "failed": 0, "refused": 0}
    last_id = 0
    while limit is None or counts["sent"] + counts["failed"] < limit:
        with transaction.atomic():
            recipient = (
                Recipient.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("user", "template", "campaign")
                .filter(
                    campaign__status=Campaign.Status.RUNNING,
                    sent_at__isnull=True,
                    scheduled_at__lte=now,
                    attempts__lt=MAX_ATTEMPTS,
                    id__gt=last_id,
                )
                .order_by("id")
                .first()
            )
            if recipient is None:
                return counts
            last_id = recipient.id
            recipient.attempts += 1
            # Checked again at send time: an address may have changed since the launch.
            if not in_domains(recipient.user.email, domains):
                recipient.attempts = MAX_ATTEMPTS
                recipient.last_error = "outside the organisation's domains"
                recipient.save(update_fields=["attempts", "last_error"])
                counts["refused"] += 1
                continue
            recipient.message_id = recipient.message_id or _message_id(recipient)
            click, report, pixel = _links(recipient.token)
            message = build_message(
                template=recipient.template,
                user=recipient.user,
                link=click,
                report_link=report,
                pixel=pixel if recipient.campaign.track_opens else None,
                message_id=recipient.message_id,
                config=config,
            )
            try:
                message.send()
            except Exception as exc:  # noqa: BLE001 - any transport error is retried later
                logger.warning("Phishing e-mail %s failed: %s", recipient.pk, exc)
                recipient.last_error = str(exc)[:2000]
                recipient.save(update_fields=["attempts", "last_error", "message_id"])
                counts["failed"] += 1
                continue
            recipient.sent_at = timezone.now()
            recipient.save(update_fields=["attempts", "sent_at", "message_id", "last_error"])
            counts["sent"] += 1
    return counts


def campaign_test_send(*, campaign: Campaign, by) -> int:
    """Send each of the campaign's templates to the manager alone; nothing is recorded."""
    config = phishing_settings()
    if not in_domains(by.email, config.domains()):
        raise CampaignError(_("Your own address is not in the organisation's domains."))
    sent = 0
    for template in campaign.templates.order_by("id"):
        token = signing.dumps({"template": template.pk}, salt=TEST_SALT)
        preview = _absolute(reverse("phishing:preview", args=(token,)))
        message = build_message(
            template=template,
            user=by,
            link=preview,
            report_link=_absolute(reverse("phishing:report_generic")),
            pixel=None,
            message_id=f"<phishing.test.{template.pk}.{timezone.now().timestamp():.0f}@localhost>",
            config=config,
        )
        message.subject = "[TEST] " + message.subject
        message.send()
        sent += 1
    log(instance=campaign, action="phishing.test_send", user=by, data={"templates": sent})
    return sent


def preview_template(token: str) -> PhishingTemplate | None:
    try:
        data = signing.loads(token, salt=TEST_SALT, max_age=7 * 24 * 3600)
    except signing.BadSignature:
        return None
    return PhishingTemplate.objects.filter(pk=data.get("template")).first()


# --- tracking ---------------------------------------------------------------------------------

_FIELDS = {
    Event.Kind.OPENED: "opened_at",
    Event.Kind.CLICKED: "clicked_at",
    Event.Kind.SUBMITTED: "submitted_at",
    Event.Kind.REPORTED: "reported_at",
}


def event_record(
    *, token: str, kind: str, method: str, user_agent: str, now: datetime.datetime | None = None
) -> tuple[Recipient | None, bool]:
    """Record one tracked request. Returns the recipient and whether it counted (a person's).

    Scanners are kept as events with their reason; only people set the first-time fields.
    A click or a submission assigns the campaign's remedial course once.
    """
    now = now or timezone.now()
    with transaction.atomic():
        recipient = (
            Recipient.objects.select_for_update()
            .select_related("campaign", "user", "template")
            .filter(token=token, sent_at__isnull=False)
            .first()
        )
        if recipient is None:
            return None, False
        counting = now < recipient.campaign.ends_at and recipient.campaign.status != (
            Campaign.Status.DRAFT
        )
        automated = ""
        if kind in (Event.Kind.OPENED, Event.Kind.CLICKED):
            automated = (
                scanners.automated_reason(
                    method=method,
                    user_agent=user_agent,
                    sent_at=recipient.sent_at,
                    at=now,
                    min_seconds=phishing_settings().min_seconds_to_click,
                )
                or ""
            )
        Event.objects.create(
            recipient=recipient,
            kind=kind,
            at=now,
            automated=automated,
            user_agent=(user_agent or "")[:300],
        )
        if automated or not counting:
            return recipient, False
        changed = []
        if getattr(recipient, _FIELDS[kind]) is None:
            setattr(recipient, _FIELDS[kind], now)
            changed.append(_FIELDS[kind])
        if kind == Event.Kind.SUBMITTED and recipient.clicked_at is None:
            recipient.clicked_at = now
            changed.append("clicked_at")
        if kind in (Event.Kind.CLICKED, Event.Kind.SUBMITTED):
            changed += _remediate(recipient, now)
        if changed:
            recipient.save(update_fields=changed)
        return recipient, True


def _remediate(recipient: Recipient, now: datetime.datetime) -> list[str]:
    campaign = recipient.campaign
    if recipient.remedial_assignment_id or campaign.remedial_course_id is None:
        return []
    user = recipient.user
    day = timezone.localtime(now).date()
    with translation.override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
        # The reason speaks to the person: in Czech its verb agrees with them, or is neutral.
        reason = gendered(
            user,
            female=pgettext(
                "female",
                "You clicked a simulated phishing e-mail in the campaign “%(campaign)s” on "
                "%(date)s.",
            ),
            male=pgettext(
                "male",
                "You clicked a simulated phishing e-mail in the campaign “%(campaign)s” on "
                "%(date)s.",
            ),
            neutral=_(
                "You clicked a simulated phishing e-mail in the campaign “%(campaign)s” on "
                "%(date)s."
            ),
        ) % {"campaign": campaign.name, "date": formats.date_format(day, "j. n. Y")}
    assignment, created = assignment_create(
        user=user,
        course=campaign.remedial_course,
        due_date=day + datetime.timedelta(days=campaign.remedial_due_days),
        reason=reason,
        source=Assignment.Source.PHISHING,
    )
    if created:
        log(
            instance=assignment,
            action="phishing.remedial",
            user=None,
            data={"campaign": campaign.pk},
        )
    recipient.remedial_assignment = assignment
    return ["remedial_assignment"]
