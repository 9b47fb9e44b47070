"""The progress core every background file job shares (certificate ZIPs, report exports)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class BackgroundJob(models.Model):
    """A request for a file built by Celery: state, progress and when it ran.

    Concrete jobs add who asked, what to build and the file field (each app stores its
    files under its own random paths); the progress page polls the same JSON for all.
    """

    # With a context: "Failed" of a quiz attempt ("nevyhověl") is another word in Czech.
    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("job state", "Waiting")
        RUNNING = "running", pgettext_lazy("job state", "Running")
        DONE = "done", pgettext_lazy("job state", "Ready")
        FAILED = "failed", pgettext_lazy("job state", "Failed")

    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return min(100, round(100 * self.done / self.total)) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)
