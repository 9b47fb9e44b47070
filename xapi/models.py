"""Statements as they were recorded: the xAPI JSON, its unique event key and its delivery."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """One learning event; `key` names the event, so it is recorded once however often it fires."""

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    class Verb(models.TextChoices):
        LAUNCHED = "launched", _("launched")
        COMPLETED = "completed", _("completed")
        PASSED = "passed", _("passed")
        FAILED = "failed", _("failed")
        ANSWERED = "answered", _("answered")

    id = models.UUIDField(_("statement id"), primary_key=True, default=uuid.uuid4, editable=False)
    key = models.CharField(_("event"), max_length=120, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="xapi_statements",
    )
    verb = models.CharField(_("verb"), max_length=20, choices=Verb.choices)
    statement = models.JSONField(_("statement"))
    stored_at = models.DateTimeField(_("stored at"), auto_now_add=True)
    # The LRS outbox: NULL until the LRS has accepted the statement.
    sent_at = models.DateTimeField(_("sent to the LRS at"), null=True, blank=True)
    tries = models.PositiveIntegerField(_("tries"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["stored_at"]
        indexes = [
            models.Index(
                fields=["stored_at"], name="xapi_unsent", condition=models.Q(sent_at__isnull=True)
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.verb})"
