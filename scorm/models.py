"""SCORM packages, the lesson page that plays one, and each learner's CMI data per attempt."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from courses.models import LoginRequiredPageMixin

from .packages import VERSION_12, VERSION_2004


class ScormPackage(models.Model):
    """An uploaded ZIP, unpacked into storage under `scorm/<prefix>/`, with its manifest's data."""

    class Version(models.TextChoices):
        SCORM_12 = VERSION_12, "SCORM 1.2"
        SCORM_2004 = VERSION_2004, "SCORM 2004"

    title = models.CharField(_("title"), max_length=255)
    # Random, so the storage path of one package cannot be guessed from another's.
    prefix = models.CharField(max_length=64, unique=True, editable=False)
    version = models.CharField(_("SCORM version"), max_length=8, choices=Version.choices)
    schema_version = models.CharField(_("schema version"), max_length=64, blank=True)
    identifier = models.CharField(_("manifest identifier"), max_length=255, blank=True)
    file_count = models.PositiveIntegerField(_("files"), default=0)
    total_bytes = models.PositiveBigIntegerField(_("size unpacked (bytes)"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        verbose_name = _("SCORM package")
        verbose_name_plural = _("SCORM packages")
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title

    def storage_path(self, path: str) -> str:
        return f"scorm/{self.prefix}/{path}"


class Sco(models.Model):
    """One SCO of a package, in the default organisation's order."""

    package = models.ForeignKey(ScormPackage, on_delete=models.CASCADE, related_name="scos")
    position = models.PositiveSmallIntegerField()
    identifier = models.CharField(max_length=255)
    title = models.CharField(_("title"), max_length=255)
    launch = models.CharField(max_length=1000)
    scaled_passing_score = models.DecimalField(
        max_digits=5, decimal_places=4, null=True, blank=True
    )
    mastery_score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    launch_data = models.TextField(blank=True)

    class Meta:
        verbose_name = _("SCO")
        verbose_name_plural = _("SCOs")
        ordering = ["package", "position"]
        constraints = [
            models.UniqueConstraint(fields=["package", "position"], name="sco_position_unique")
        ]

    def __str__(self) -> str:
        return self.title


class ScormLessonPage(LoginRequiredPageMixin, Page):
    """A lesson of a course that plays a SCORM package instead of a written body."""

    package = models.ForeignKey(
        ScormPackage,
        on_delete=models.PROTECT,
        related_name="lessons",
        verbose_name=_("SCORM package"),
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)

    content_panels = [*Page.content_panels, FieldPanel("package"), FieldPanel("estimated_minutes")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    template = "scorm/scorm_lesson_page.html"

    class Meta:
        verbose_name = _("SCORM lesson")
        verbose_name_plural = _("SCORM lessons")

    def get_context(self, request, *args, **kwargs):
        from .selectors import player

        context = super().get_context(request, *args, **kwargs)
        context["player"] = player(
            user=request.user, lesson=self, sco_position=request.GET.get("sco")
        )
        return context


class ScormAttempt(models.Model):
    """One learner's attempt at one SCO: the CMI data the SCO last committed, and its summary.

    A new attempt starts when the previous one ended normally (not suspended) or belongs to
    an earlier assignment (a refresher starts afresh); otherwise the learner resumes it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorm_attempts"
    )
    lesson = models.ForeignKey(ScormLessonPage, on_delete=models.CASCADE, related_name="attempts")
    sco = models.ForeignKey(Sco, on_delete=models.CASCADE, related_name="attempts")
    assignment = models.ForeignKey(
        "courses.Assignment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scorm_attempts",
    )
    number = models.PositiveSmallIntegerField(default=1)
    cmi = models.JSONField(default=dict, blank=True)  # flattened: {"cmi.location": "3", ...}
    completion_status = models.CharField(max_length=16, blank=True, default="")
    success_status = models.CharField(max_length=16, blank=True, default="")
    score_raw = models.DecimalField(max_digits=9, decimal_places=4, null=True, blank=True)
    score_scaled = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    suspend_data = models.TextField(blank=True)
    location = models.CharField(max_length=1000, blank=True)
    total_time = models.CharField(max_length=64, blank=True)
    exit = models.CharField(max_length=16, blank=True)
    # The SCO called Terminate (LMSFinish) without suspending: a new launch starts over.
    finished = models.BooleanField(default=False)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("SCORM attempt")
        verbose_name_plural = _("SCORM attempts")
        ordering = ["user", "sco", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "sco", "number"], name="scormattempt_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(score_scaled__isnull=True)
                | models.Q(score_scaled__gte=-1, score_scaled__lte=1),
                name="scormattempt_scaled_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.sco_id} #{self.number}"

    @property
    def done(self) -> bool:
        """Completed (or passed), and not failed; passed where the manifest sets a pass mark.

        Load `sco` with the attempt (select_related) where many are asked.
        """
        if self.success_status == "failed":
            return False
        if self.sco.scaled_passing_score is not None or self.sco.mastery_score is not None:
            return self.success_status == "passed"
        return self.completion_status == "completed" or self.success_status == "passed"

    @property
    def score_percent(self):
        if self.score_scaled is not None:
            return (self.score_scaled * 100).quantize(self.score_scaled.__class__("0.01"))
        if self.score_raw is not None and 0 <= self.score_raw <= 100:
            return self.score_raw.quantize(self.score_raw.__class__("0.01"))
        return None
