"""The risk catalogue, workplace risk reviews (likelihood x impact per category) and the policy."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from . import plan


class RiskLevel(models.TextChoices):
    # Values are plan.LEVELS; the order is ascending.
    LOW = plan.LOW, _("low")
    MEDIUM = plan.MEDIUM, _("medium")
    HIGH = plan.HIGH, _("high")
    CRITICAL = plan.CRITICAL, _("critical")


LIKELIHOOD_CHOICES = [
    (1, _("1 – rare")),
    (2, _("2 – unlikely")),
    (3, _("3 – possible")),
    (4, _("4 – likely")),
    (5, _("5 – almost certain")),
]
IMPACT_CHOICES = [
    (1, _("1 – negligible")),
    (2, _("2 – minor")),
    (3, _("3 – moderate")),
    (4, _("4 – major")),
    (5, _("5 – severe")),
]


class RiskCategory(models.Model):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("risk category")
        verbose_name_plural = _("risk categories")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


def _score_validators():
    return [MinValueValidator(2), MaxValueValidator(plan.MAX_SCORE)]


@register_setting(icon="warning")
class RiskSettings(BaseSiteSetting):
    """How scores become levels and how fast each level's training is due."""

    medium_from = models.PositiveSmallIntegerField(
        _("medium risk from score"), default=4, validators=_score_validators()
    )
    high_from = models.PositiveSmallIntegerField(
        _("high risk from score"), default=8, validators=_score_validators()
    )
    critical_from = models.PositiveSmallIntegerField(
        _("critical risk from score"), default=15, validators=_score_validators()
    )
    due_days_critical = models.PositiveSmallIntegerField(
        _("days to complete (critical)"), default=14, validators=[MinValueValidator(1)]
    )
    due_days_high = models.PositiveSmallIntegerField(
        _("days to complete (high)"), default=30, validators=[MinValueValidator(1)]
    )
    due_days_medium = models.PositiveSmallIntegerField(
        _("days to complete (medium)"), default=60, validators=[MinValueValidator(1)]
    )
    due_days_low = models.PositiveSmallIntegerField(
        _("days to complete (low)"), default=90, validators=[MinValueValidator(1)]
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("medium_from"), FieldPanel("high_from"), FieldPanel("critical_from")],
            heading=_("Risk levels"),
            help_text=_(
                "Score = likelihood x impact (1–25). A score below the medium threshold is low."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("due_days_critical"),
                FieldPanel("due_days_high"),
                FieldPanel("due_days_medium"),
                FieldPanel("due_days_low"),
            ],
            heading=_("Due dates"),
            help_text=_("Days from approval (or from joining) to complete required training."),
        ),
    ]

    class Meta:
        verbose_name = _("risk policy")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(medium_from__gt=1)
                & models.Q(high_from__gt=models.F("medium_from"))
                & models.Q(critical_from__gt=models.F("high_from"))
                & models.Q(critical_from__lte=plan.MAX_SCORE),
                name="risksettings_thresholds_rise",
                violation_error_message=_(
                    "Thresholds must rise: medium < high < critical, all between 2 and 25."
                ),
            ),
        ]

    def as_policy(self) -> plan.Policy:
        return plan.Policy(
            medium_from=self.medium_from,
            high_from=self.high_from,
            critical_from=self.critical_from,
            due_days={
                plan.CRITICAL: self.due_days_critical,
                plan.HIGH: self.due_days_high,
                plan.MEDIUM: self.due_days_medium,
                plan.LOW: self.due_days_low,
            },
        )


class RiskReview(ClusterableModel):
    """One workplace's risk review: drafts are edited, approval locks it and drives the plan."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        SUPERSEDED = "superseded", _("Superseded")

    workplace = models.ForeignKey(
        "organisation.Workplace",
        verbose_name=_("workplace"),
        on_delete=models.PROTECT,
        related_name="risk_reviews",
    )
    review_date = models.DateField(_("date of review"), default=timezone.localdate)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    note = models.TextField(_("note"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="superseded_by",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("risk review")
        verbose_name_plural = _("risk reviews")
        ordering = ["-review_date", "-id"]
        permissions = [("approve_riskreview", _("Can approve risk reviews"))]
        constraints = [
            # The current plan of a workplace comes from exactly one review.
            models.UniqueConstraint(
                fields=["workplace"],
                condition=models.Q(status="approved"),
                name="riskreview_one_approved_per_workplace",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(approved_at__isnull=False),
                name="riskreview_approved_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(supersedes=models.F("id")),
                name="riskreview_not_superseding_itself",
            ),
        ]

    def __str__(self) -> str:
        return _("%(workplace)s, %(date)s") % {
            "workplace": self.workplace,
            "date": date_format(self.review_date, "j. n. Y") if self.review_date else "",
        }

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class RiskAssessment(models.Model):
    """The likelihood and impact of one risk category in one review; the level is frozen at
    approval so a later change of thresholds does not rewrite an approved review."""

    review = ParentalKey(RiskReview, on_delete=models.CASCADE, related_name="assessments")
    category = models.ForeignKey(
        RiskCategory,
        verbose_name=_("risk category"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), choices=LIKELIHOOD_CHOICES)
    impact = models.PositiveSmallIntegerField(_("impact"), choices=IMPACT_CHOICES)
    level = models.CharField(
        _("level"), max_length=10, choices=RiskLevel.choices, blank=True, editable=False
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    # The measured figures (e.g. phishing click rate) the rating was made beside, frozen at
    # approval so the review keeps the evidence it was based on.
    evidence = models.TextField(_("measured evidence"), blank=True, editable=False)

    panels = [
        FieldPanel("category"),
        FieldPanel("likelihood"),
        FieldPanel("impact"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("risk assessment")
        verbose_name_plural = _("risk assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "category"], name="riskassessment_one_per_category"
            ),
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5),
                name="riskassessment_likelihood_1_5",
            ),
            models.CheckConstraint(
                condition=models.Q(impact__gte=1, impact__lte=5),
                name="riskassessment_impact_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.likelihood} x {self.impact}"

    @property
    def score(self) -> int | None:
        if self.likelihood is None or self.impact is None:
            return None
        return self.likelihood * self.impact
