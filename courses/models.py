"""Course pages in Wagtail, and the assignment and progress records of each employee."""

from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from risk.models import RiskLevel

from .blocks import LessonBodyBlock

STEPLEN = 4  # treebeard's materialised-path step length used by Wagtail


class LoginRequiredPageMixin:
    """Course content is for logged-in employees only, whatever the page privacy says."""

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return super().serve(request, *args, **kwargs)

    def get_view_restrictions(self):
        """Wagtail's answer, found in one query and remembered until a restriction changes.

        The restrictions of this page and of its ancestors (whose paths are prefixes of its
        own), an alias's being those of its source page, as Wagtail's own method finds them
        with a query per alias lookup. Only which restrictions apply is remembered: Wagtail's
        privacy hook still asks each of them whether the request passes (the user's groups,
        the session's password), so a change of group membership applies at once.
        """
        from wagtail.models import PageViewRestriction

        from . import caching

        key = f"restrictions:{self.pk}:{self.path}"  # (id, type, page id) of each
        found, seen = caching.lookup(caching.RESTRICTIONS, key)
        if found is None:
            paths = [self.path[:end] for end in range(STEPLEN, len(self.path) + 1, STEPLEN)]
            found = sorted(
                set(
                    PageViewRestriction.objects.filter(
                        models.Q(page__path__in=paths, page__alias_of__isnull=True)
                        | models.Q(page__aliases__path__in=paths)
                    ).values_list("id", "restriction_type", "page_id")
                )
            )
            caching.put(caching.RESTRICTIONS, key, found, seen_token=seen)
        restrictions = PageViewRestriction.objects.filter(id__in=[r[0] for r in found])
        if all(kind != PageViewRestriction.PASSWORD for _id, kind, _page in found):
            # Login and group restrictions need nothing more than these to be checked (their
            # groups are read when checked): the queryset is filled without a query. A
            # password is never kept in the cache: such a restriction is read from the table.
            restrictions._result_cache = [
                PageViewRestriction(id=pk, restriction_type=kind, page_id=page_id)
                for pk, kind, page_id in found
            ]
            restrictions._prefetch_done = True
        return restrictions


class CourseIndexPage(LoginRequiredPageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page", "elearning.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def serve(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("courses:my_training")
        return super().serve(request, *args, **kwargs)


class CoursePage(LoginRequiredPageMixin, Page):
    class Audience(models.TextChoices):
        EVERYONE = "all", _("All employees")
        MANAGEMENT = "management", _("Management")

    summary = models.TextField(_("summary"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=30)
    risk_categories = ParentalManyToManyField(
        "risk.RiskCategory",
        verbose_name=_("risk categories covered"),
        blank=True,
        related_name="courses",
    )
    refresher_months = models.PositiveSmallIntegerField(
        _("refresher interval (months)"),
        null=True,
        blank=True,
        default=12,
        help_text=_("Certificates expire after this many months; empty means never."),
    )
    refresher_lead_days = models.PositiveSmallIntegerField(
        _("refresher lead time (days)"),
        null=True,
        blank=True,
        help_text=_(
            "Assign the refresher this many days before the certificate expires; empty: the "
            "site's default (Settings › Automation)."
        ),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_("Raise it when the content changes materially; records keep the version."),
    )
    required_from_level = models.CharField(
        _("required from risk level"),
        max_length=10,
        choices=RiskLevel.choices,
        blank=True,
        default=RiskLevel.LOW,
        help_text=_(
            "An approved risk review that rates one of the course's risk categories at this "
            "level or higher assigns the course. Empty: never assigned by a review (optional)."
        ),
    )

    lessons_first = models.BooleanField(
        _("lessons before the final quiz"),
        default=True,
        help_text=_(
            "The final quiz opens once every lesson is done. Untick it to let employees who "
            "know the subject take the quiz straight away."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("lessons_first"),
                FieldPanel("risk_categories"),
                FieldPanel("required_from_level"),
                FieldPanel("audience"),
                FieldPanel("refresher_months"),
                FieldPanel("refresher_lead_days"),
                FieldPanel("version"),
            ],
            heading=_("Training plan"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    # SCORM lessons live in the scorm app, above this one: named, never imported.
    subpage_types = ["courses.LessonPage", "scorm.ScormLessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_detail

        context = super().get_context(request, *args, **kwargs)
        context["detail"] = course_detail(user=request.user, course=self, request=request)
        return context


class LessonPage(LoginRequiredPageMixin, Page):
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=10)

    content_panels = [*Page.content_panels, FieldPanel("estimated_minutes"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def get_context(self, request, *args, **kwargs):
        from .selectors import knowledge_check_blocks, lesson_detail

        context = super().get_context(request, *args, **kwargs)
        context["detail"] = lesson_detail(user=request.user, lesson=self, request=request)
        context["body_blocks"] = knowledge_check_blocks(user=request.user, lesson=self)
        # Without knowledge checks the body is the same for everyone (the template caches it).
        context["has_checks"] = any(
            block.block_type == "knowledge_check" for block, _answer in context["body_blocks"]
        )
        return context


class Assignment(models.Model):
    """One employee's obligation (or self-chosen wish) to complete one course once."""

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned")
        COMPLETED = "completed", _("Completed")
        NOT_REQUIRED = "not_required", _("No longer required")

    class Source(models.TextChoices):
        SELF = "self", _("Chosen by the employee")
        MANUAL = "manual", _("Assigned manually")
        PLAN = "plan", _("Risk review")
        REFRESHER = "refresher", _("Refresher")
        JOINER = "joiner", _("New or moved employee")
        PHISHING = "phishing", _("Phishing simulation")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("employee"),
    )
    course = models.ForeignKey(
        CoursePage,
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("course"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ASSIGNED
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    # The reason of a plan assignment: which review, which risk and how high it was rated.
    review = models.ForeignKey(
        "risk.RiskReview",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("risk review"),
    )
    risk_category = models.ForeignKey(
        "risk.RiskCategory",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("risk category"),
    )
    risk_level = models.CharField(
        _("risk level"), max_length=10, choices=RiskLevel.choices, blank=True
    )
    created_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completed_version = models.PositiveIntegerField(_("completed version"), null=True, blank=True)
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_date", "id"]
        constraints = [
            # At most one open assignment per person and course: progress has one home.
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=models.Q(status="assigned"),
                name="assignment_one_open_per_course",
            ),
            # A review requires each person's course once, however often (or by however many
            # workers at once) its plan is applied.
            models.UniqueConstraint(
                fields=["user", "course", "review"],
                condition=models.Q(review__isnull=False, source__in=["plan", "joiner"]),
                name="assignment_once_per_review",
            ),
            models.CheckConstraint(
                condition=~models.Q(source__in=["plan", "joiner"])
                | models.Q(review__isnull=False, risk_category__isnull=False)
                & ~models.Q(risk_level=""),
                name="assignment_plan_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="completed") | models.Q(completed_at__isnull=False),
                name="assignment_completed_has_date",
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=100),
                name="assignment_score_0_100",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_date"]),
            # Who completed which course when: the heat map's coverage reads it index-only.
            models.Index(
                fields=["user", "course", "completed_at"],
                condition=models.Q(status="completed"),
                name="assignment_completed_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.ASSIGNED

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_date is not None and self.due_date < today

    @property
    def reason_display(self) -> str:
        """ "Why am I doing this?" in words; load review__workplace and risk_category with it."""
        if self.review_id and self.risk_category_id:
            return _(
                "The risk review of %(workplace)s of %(date)s rated the risk "
                "“%(category)s” as %(level)s."
            ) % {
                "workplace": self.review.workplace,
                "date": date_format(self.review.review_date, "j. n. Y"),
                "category": self.risk_category,
                "level": self.get_risk_level_display(),
            }
        return self.reason

    reason_display.fget.short_description = _("reason")


class LessonProgress(models.Model):
    """A lesson done within one assignment; a refresher starts with none."""

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "lesson"], name="lessonprogress_once_per_assignment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.lesson_id}"


class KnowledgeCheckAnswer(models.Model):
    """One answer to a knowledge check of a lesson: kept for item analysis, never graded."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="knowledge_check_answers",
        verbose_name=_("employee"),
    )
    lesson = models.ForeignKey(
        LessonPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("lesson")
    )
    block_id = models.CharField(_("block"), max_length=64)
    choices = models.JSONField(_("chosen answers"), default=list)  # indexes of the block's choices
    correct = models.BooleanField(_("right"))
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("knowledge check answer")
        verbose_name_plural = _("knowledge check answers")
        ordering = ["-answered_at", "-pk"]
        indexes = [models.Index(fields=["lesson", "block_id"])]

    def __str__(self) -> str:
        return f"{self.lesson_id}/{self.block_id}: {self.choices}"
