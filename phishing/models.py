"""Phishing templates, campaigns, their recipients (one row per person: the send and its
results, under a unique key) and the tracked events."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from organisation.people_picker import PersonPicker


def new_token() -> str:
    # 192 bits: a recipient's links cannot be guessed or enumerated.
    return secrets.token_urlsafe(24)


class PhishingTemplate(models.Model):
    """A simulated phishing e-mail, its landing page and the signs a careful reader spots."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    subject = models.CharField(_("subject"), max_length=300)
    sender_name = models.CharField(_("sender name"), max_length=200)
    sender_address = models.EmailField(
        _("sender address"),
        help_text=_("The From address shown to the recipient (your mail server must accept it)."),
    )
    body_html = models.TextField(
        _("e-mail body (HTML)"),
        help_text=_(
            "Placeholders: {{ first_name }}, {{ last_name }}, {{ full_name }}, {{ email }}, "
            "{{ link }} (the tracked link), {{ date }}, {{ organisation }}."
        ),
    )
    landing_title = models.CharField(_("landing page title"), max_length=200)
    landing_html = models.TextField(
        _("landing page (HTML)"), help_text=_("What the page behind the link looks like.")
    )
    landing_form = models.BooleanField(
        _("landing page asks for a login"),
        default=False,
        help_text=_(
            "Shows a login form on the landing page. What is typed is never stored; only the "
            "fact that something was submitted."
        ),
    )
    signs = models.TextField(
        _("signs of phishing"),
        help_text=_("One per line: what gives this e-mail away. Shown on the teachable page."),
    )
    builtin = models.BooleanField(_("supplied with the product"), default=False, editable=False)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("subject"), FieldPanel("sender_name"), FieldPanel("sender_address")],
            heading=_("Envelope"),
        ),
        FieldPanel("body_html"),
        MultiFieldPanel(
            [FieldPanel("landing_title"), FieldPanel("landing_html"), FieldPanel("landing_form")],
            heading=_("Landing page"),
        ),
        FieldPanel("signs"),
    ]

    class Meta:
        verbose_name = _("phishing template")
        verbose_name_plural = _("phishing templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def sign_list(self) -> list[str]:
        return [line.strip() for line in self.signs.splitlines() if line.strip()]


def _campaign_people(user):
    from organisation.models import User

    return User.objects.filter(is_active=True)


# Individual recipients, picked by typing a name: a <select> of every employee is unusable.
PEOPLE_PICKER = PersonPicker(
    source="phishing.campaign_people",
    permissions=("phishing.add_campaign", "phishing.change_campaign"),
    people=_campaign_people,
    multiple=True,
)


class Campaign(models.Model):
    """Who gets which templates when; sending runs from launch until stopped or ended."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        RUNNING = "running", _("Running")
        PAUSED = "paused", _("Paused")
        STOPPED = "stopped", _("Stopped")
        FINISHED = "finished", pgettext_lazy("campaign status", "Finished")

    name = models.CharField(_("name"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    templates = models.ManyToManyField(
        PhishingTemplate, verbose_name=_("templates"), related_name="campaigns"
    )
    workplaces = models.ManyToManyField(
        "organisation.Workplace", verbose_name=_("workplaces"), blank=True, related_name="+"
    )
    include_subworkplaces = models.BooleanField(_("including sub-workplaces"), default=True)
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("people"), blank=True, related_name="+"
    )
    starts_at = models.DateTimeField(_("sending starts"), default=timezone.now)
    window_hours = models.PositiveIntegerField(
        _("sending window (hours)"),
        default=24,
        help_text=_("Sends are spread over this many hours, so colleagues cannot warn each other."),
    )
    ends_at = models.DateTimeField(_("ends"), help_text=_("Clicks after this are not counted."))
    track_opens = models.BooleanField(
        _("track opening"),
        default=False,
        help_text=_("Adds an invisible image; many mail clients block it, so opens are a floor."),
    )
    remedial_course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("remedial course"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Assigned to whoever clicks or submits."),
    )
    remedial_due_days = models.PositiveIntegerField(_("remedial course due in (days)"), default=14)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    launched_at = models.DateTimeField(_("launched at"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("templates"),
        MultiFieldPanel(
            [
                FieldPanel("workplaces"),
                FieldPanel("include_subworkplaces"),
                FieldPanel("people", widget=PEOPLE_PICKER),
            ],
            heading=_("Recipients"),
        ),
        MultiFieldPanel(
            [FieldPanel("starts_at"), FieldPanel("window_hours"), FieldPanel("ends_at")],
            heading=_("Timing"),
        ),
        FieldPanel("track_opens"),
        MultiFieldPanel(
            [FieldPanel("remedial_course"), FieldPanel("remedial_due_days")],
            heading=_("Remedial training"),
        ),
    ]

    class Meta:
        verbose_name = _("phishing campaign")
        verbose_name_plural = _("phishing campaigns")
        ordering = ["-starts_at", "-id"]
        permissions = [
            ("run_campaign", _("Can run phishing campaigns and see individual results")),
            ("view_campaign_aggregates", _("Can see aggregate phishing results")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="campaign_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Recipient(models.Model):
    """One person in one campaign: the e-mail to send (exactly one, by the unique key) and
    the first time they opened, clicked, submitted or reported it."""

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="recipients")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="phishing_receipts",
    )
    # Where the person worked when the e-mail went out: results stay with that workplace.
    workplace = models.ForeignKey(
        "organisation.Workplace",
        verbose_name=_("workplace"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    template = models.ForeignKey(PhishingTemplate, on_delete=models.PROTECT, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    scheduled_at = models.DateTimeField(_("scheduled for"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    clicked_at = models.DateTimeField(_("clicked at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    remedial_assignment = models.ForeignKey(
        "courses.Assignment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("campaign recipient")
        verbose_name_plural = _("campaign recipients")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "user"], name="recipient_once_per_campaign")
        ]
        indexes = [models.Index(fields=["sent_at", "scheduled_at"])]

    def __str__(self) -> str:
        return f"{self.campaign} – {self.user}"


class Event(models.Model):
    """Every tracked request, people's and scanners' alike (scanners are kept, not counted)."""

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    class Kind(models.TextChoices):
        OPENED = "opened", _("Opened")
        CLICKED = "clicked", _("Clicked")
        SUBMITTED = "submitted", _("Entered data")
        REPORTED = "reported", _("Reported")

    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)
    automated = models.CharField(
        _("automated"), max_length=40, blank=True, help_text=_("Why it was not counted.")
    )
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("tracked event")
        verbose_name_plural = _("tracked events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


@register_setting(icon="warning")
class PhishingSettings(BaseSiteSetting):
    """The safety rails and the thresholds of the simulation."""

    allowed_domains = models.CharField(
        _("organisation's e-mail domains"),
        max_length=500,
        blank=True,
        help_text=_(
            "Comma-separated, e.g. magistrat.example.cz. Campaigns are sent only to addresses "
            "in these domains; with none set, nothing is sent."
        ),
    )
    header_name = models.CharField(
        _("allow-list header"),
        max_length=100,
        default="X-Phishing-Simulation",
        help_text=_("Lets the mail gateway recognise and allow the simulated e-mails."),
    )
    header_value = models.CharField(_("allow-list header value"), max_length=200, default="1")
    min_seconds_to_click = models.PositiveIntegerField(
        _("clicks sooner than this after delivery are scanners (seconds)"), default=10
    )
    likelihood_thresholds = models.CharField(
        _("click rates suggesting likelihood 2, 3, 4, 5 (%)"),
        max_length=100,
        default="5,10,20,30",
        help_text=_("Four increasing percentages: below the first, likelihood 1 is suggested."),
    )
    hr_sees_aggregates = models.BooleanField(
        _("HR sees aggregate results"),
        default=True,
        help_text=_("Individual results are for security managers only, always."),
    )

    panels = [
        FieldPanel("allowed_domains"),
        MultiFieldPanel(
            [FieldPanel("header_name"), FieldPanel("header_value")], heading=_("Mail gateway")
        ),
        FieldPanel("min_seconds_to_click"),
        FieldPanel("likelihood_thresholds"),
        FieldPanel("hr_sees_aggregates"),
    ]

    class Meta:
        verbose_name = _("phishing simulation")

    def domains(self) -> set[str]:
        return {d.strip().lower().lstrip("@") for d in self.allowed_domains.split(",") if d.strip()}

    def thresholds(self) -> list[float]:
        try:
            values = [float(v) for v in self.likelihood_thresholds.split(",")]
        except ValueError:
            values = []
        return values if len(values) == 4 and values == sorted(values) else [5, 10, 20, 30]
