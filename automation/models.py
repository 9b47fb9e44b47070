"""What the scheduled jobs did: a ledger of effects under unique keys, the outbox, and job runs."""

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class OutboxEmail(models.Model):
    """An e-mail written in the same transaction as the effect it reports; sent by the flush."""

    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    ics = models.TextField(_("calendar attachment"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["sent_at", "id"])]

    def __str__(self) -> str:
        return self.subject


class Notification(models.Model):
    """One effect of a job (a reminder step, an escalation, a refresher...), at most once.

    The unique key is the exactly-once guarantee: a job inserts the key together with the
    e-mail and assignment it causes, in one transaction, so a retried or concurrent run
    that reaches the same key rolls back instead of repeating the effect.
    """

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Reminder")
        ESCALATION = "escalation", _("Escalation")
        REFRESHER = "refresher", _("Refresher")
        CHECK_SUMMARY = "check_summary", _("Check summary")
        REVIEW_CYCLE = "review_cycle", _("Review due")

    key = models.CharField(_("key"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    step = models.CharField(_("step"), max_length=30, blank=True)
    skipped = models.BooleanField(
        _("skipped"), default=False, help_text=_("Passed over because a later step was due.")
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient"),
    )
    assignment = models.ForeignKey(
        "courses.Assignment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("assignment"),
    )
    email = models.ForeignKey(
        OutboxEmail, on_delete=models.SET_NULL, null=True, blank=True, related_name="effects"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["kind", "assignment"])]

    def __str__(self) -> str:
        return self.key


class JobRequest(models.Model):
    """A run of a job that staff started from the admin ("run now"), followed by its page.

    At most one request per job is open (queued or running) at a time: the partial unique
    constraint turns a second click, or two people clicking at once, into a refusal
    instead of a second concurrent run.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("job state", "Queued")
        RUNNING = "running", pgettext_lazy("job state", "Running")
        DONE = "done", pgettext_lazy("job state", "Done")
        FAILED = "failed", pgettext_lazy("job state", "Failed")

    job = models.CharField(_("job"), max_length=40)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("job run request")
        verbose_name_plural = _("job run requests")
        ordering = ["-requested_at"]
        permissions = [("run_job_now", _("Can run a PDCA job now"))]
        constraints = [
            models.UniqueConstraint(
                fields=["job"],
                condition=models.Q(finished_at__isnull=True),
                name="automation_one_open_request_per_job",
            )
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.requested_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class JobRun(models.Model):
    """When a job last ran and what it did, for the admin."""

    class Status(models.TextChoices):
        RUNNING = "running", pgettext_lazy("job state", "Running")
        DONE = "done", pgettext_lazy("job state", "Done")
        FAILED = "failed", pgettext_lazy("job state", "Failed")
        # The time slice ran out: the rest of the batch runs as the next task.
        CONTINUED = "continued", pgettext_lazy("job state", "Continues")
        # Its worker died; the redelivered task resumed the job.
        INTERRUPTED = "interrupted", pgettext_lazy("job state", "Interrupted")

    job = models.CharField(_("job"), max_length=40, db_index=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True, db_index=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RUNNING
    )
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    # Each try of a task is its own row: a transient error's failed try stays visible.
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    # Set when staff started the run from the admin; its progress page reads these rows.
    request = models.ForeignKey(
        JobRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="runs",
        verbose_name=_("run now request"),
    )

    class Meta:
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        # In local time, as the inspect page and the listing show it.
        started = formats.date_format(timezone.localtime(self.started_at), "DATETIME_FORMAT")
        return f"{self.job} {started}"

    @property
    def summary(self) -> str:
        return ", ".join(f"{k}: {v}" for k, v in sorted(self.counts.items())) or "–"


@register_setting(icon="time")
class AutomationSettings(BaseSiteSetting):
    """The cycle's timing; defaults follow the training plan's usual practice."""

    reminder_days_before = models.CharField(
        _("reminders before the due date (days)"),
        max_length=50,
        default="7,1",
        help_text=_(
            "Comma-separated, e.g. 7,1. A reminder also goes out on assignment and "
            "on the day the training becomes overdue."
        ),
    )
    escalation_after_days = models.PositiveSmallIntegerField(
        _("escalate to the manager and HR after (days overdue)"), default=7
    )
    refresher_lead_days = models.PositiveSmallIntegerField(
        _("assign refreshers before expiry (days)"), default=30
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("risk review interval (months)"), default=12
    )

    panels = [
        FieldPanel("reminder_days_before"),
        FieldPanel("escalation_after_days"),
        FieldPanel("refresher_lead_days"),
        FieldPanel("review_interval_months"),
    ]

    class Meta:
        verbose_name = _("automation")

    def days_before(self) -> list[int]:
        days = set()
        for part in self.reminder_days_before.split(","):
            part = part.strip()
            if part.isdigit() and int(part) > 0:
                days.add(int(part))
        return sorted(days, reverse=True)
