"""Question banks, quizzes of courses, and the attempts employees make, with their constraints."""

import html
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from . import grading, rules

# Moodle's precision: 0.3333333 must survive a round trip, and -1..1 covers every grade.
FRACTION_FIELD = {"max_digits": 8, "decimal_places": 7}
TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "code", "superscript", "subscript"]
INLINE_FEATURES = ["bold", "italic", "code", "superscript", "subscript"]


class QuestionType(models.TextChoices):
    SINGLE = grading.SINGLE, _("Single choice")
    MULTIPLE = grading.MULTIPLE, _("Multiple choice")
    TRUEFALSE = grading.TRUEFALSE, _("True/false")
    SHORTANSWER = grading.SHORTANSWER, _("Short answer")
    NUMERICAL = grading.NUMERICAL, _("Numerical")
    MATCHING = grading.MATCHING, _("Matching")
    ORDERING = grading.ORDERING, _("Ordering")
    ESSAY = grading.ESSAY, _("Essay (graded by hand)")
    CLOZE = grading.CLOZE, _("Cloze (gaps in the text)")


class ScoringMode(models.TextChoices):
    ALL_OR_NOTHING = grading.ALL_OR_NOTHING, _("All or nothing")
    PARTIAL = grading.PARTIAL, _("Partial credit")


class RevealAnswers(models.TextChoices):
    NEVER = rules.REVEAL_NEVER, _("Never")
    AFTER_PASS = rules.REVEAL_AFTER_PASS, _("After a pass")
    AFTER_LAST_ATTEMPT = rules.REVEAL_AFTER_LAST_ATTEMPT, _("After the last attempt")
    AFTER_PASS_OR_LAST_ATTEMPT = (
        rules.REVEAL_AFTER_PASS_OR_LAST_ATTEMPT,
        _("After a pass or the last attempt"),
    )


class QuestionBank(models.Model):
    """A named set of questions, e.g. one per course or risk category, that quizzes draw from."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    risk_category = models.ForeignKey(
        "risk.RiskCategory",
        verbose_name=_("risk category"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="question_banks",
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Question(ClusterableModel):
    """One question with its choices; the choices' fractions say what is right."""

    bank = models.ForeignKey(
        QuestionBank,
        verbose_name=_("question bank"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    name = models.CharField(_("name"), max_length=255)
    topic = models.CharField(
        _("topic"),
        max_length=255,
        blank=True,
        help_text=_("Groups questions within the bank, e.g. the category of an imported file."),
    )
    type = models.CharField(
        _("type"), max_length=20, choices=QuestionType.choices, default=QuestionType.SINGLE
    )
    mode = models.CharField(
        _("scoring"),
        max_length=20,
        choices=ScoringMode.choices,
        default=ScoringMode.ALL_OR_NOTHING,
        help_text=_(
            "For multiple choice: all or nothing, or the sum of the selected choices' "
            "weights (never below zero)."
        ),
    )
    text = RichTextField(_("question text"), features=TEXT_FEATURES)
    ignore_case = models.BooleanField(
        _("ignore upper and lower case"),
        default=True,
        help_text=_("For short answer: “praha” is accepted for “Praha”."),
    )
    ignore_diacritics = models.BooleanField(
        _("ignore diacritics"),
        default=False,
        help_text=_("For short answer: “Plzen” is accepted for “Plzeň”."),
    )
    # Cloze: gap n of the text ("{#n}") is gaps[n - 1], {"type", "weight", "ignore_case"};
    # its answers are the choices with gap = n. Imported from Moodle's cloze questions.
    gaps = models.JSONField(
        _("gaps"),
        default=list,
        blank=True,
        help_text=_(
            "For cloze: per gap {#1}, {#2}… of the text, its type (shortanswer, numerical, "
            "single, multiple) and weight, e.g. "
            '[{"type": "single", "weight": 1}, {"type": "shortanswer", "weight": 2}].'
        ),
    )
    explanation = RichTextField(
        _("explanation"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Why the right answer is right; shown after submission if the quiz allows."),
    )
    general_feedback = RichTextField(
        _("general feedback"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Shown to everyone after submission, whatever they answered."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive questions are no longer drawn; past attempts keep them."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["bank", "topic", "name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=sorted(grading.QUESTION_TYPES)), name="question_type_known"
            ),
            models.CheckConstraint(
                condition=Q(mode__in=sorted(grading.MODES)), name="question_mode_known"
            ),
        ]
        indexes = [models.Index(fields=["bank", "active"])]

    def __str__(self) -> str:
        return self.name

    def to_grading(self, choices, order=None) -> grading.Question:
        """The pure grader's view of this question with `choices` (in `order` of ids if given).

        Only choice questions keep the shown order: matching and ordering are graded in the
        authored (right) order, and typed answers match the accepted ones in the author's order.
        """
        by_id = {c.pk: c for c in choices}
        ids = [pk for pk in order if pk in by_id] if order is not None else list(by_id)
        if self.type not in grading.CHOICE_TYPES:
            ids = sorted(ids, key=lambda pk: (by_id[pk].sort_order or 0, pk))
        return grading.Question(
            id=self.pk,
            type=self.type,
            mode=self.mode,
            ignore_case=self.ignore_case,
            ignore_diacritics=self.ignore_diacritics,
            choices=tuple(
                grading.Choice(
                    id=pk,
                    fraction=by_id[pk].fraction,
                    # Only typed and paired answers are compared with the text; stripping the
                    # markup of every choice of every question is most of a submit's CPU.
                    text="" if self.type in grading.CHOICE_TYPES else by_id[pk].plain_text,
                    match=by_id[pk].match,
                    tolerance=by_id[pk].tolerance,
                    gap=by_id[pk].gap,
                )
                for pk in ids
            ),
            gaps=self.grading_gaps(),
        )

    def grading_gaps(self) -> tuple[grading.Gap, ...]:
        if self.type != grading.CLOZE:
            return ()
        return tuple(
            grading.Gap(
                type=gap["type"],
                weight=int(gap.get("weight", 1)),
                ignore_case=bool(gap.get("ignore_case", True)),
            )
            for gap in self.gaps or ()
        )


class Choice(Orderable):
    """An answer option: `fraction` is its share of the question's mark, -1..1 as in Moodle."""

    question = ParentalKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices"
    )
    text = RichTextField(_("text"), features=INLINE_FEATURES)
    fraction = models.DecimalField(
        _("weight"),
        default=Decimal(0),
        help_text=_("A right answer weighs 100 percent, a wrong one 0; partial weights add up."),
        **FRACTION_FIELD,
    )
    feedback = RichTextField(_("feedback"), blank=True, features=TEXT_FEATURES)
    match = models.CharField(
        _("matching answer"),
        max_length=255,
        blank=True,
        help_text=_("For matching: the answer that belongs to this item."),
    )
    tolerance = models.DecimalField(
        _("tolerance"),
        max_digits=20,
        decimal_places=10,
        null=True,
        blank=True,
        help_text=_("For numerical: how far from the number an answer may be and still count."),
    )
    gap = models.PositiveSmallIntegerField(
        _("gap"),
        null=True,
        blank=True,
        help_text=_("For cloze: the number of the gap ({#1} is 1) this answer belongs to."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.CheckConstraint(
                condition=Q(fraction__gte=-1, fraction__lte=1), name="choice_fraction_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.text[:40]}"

    @property
    def right(self) -> bool:
        return self.fraction > 0

    @property
    def plain_text(self) -> str:
        """The text without markup: what a typed answer is compared with."""
        return html.unescape(strip_tags(self.text or "")).strip()


class Quiz(ClusterableModel):
    """The final quiz of one course: its rules and the banks it draws questions from."""

    course = models.OneToOneField(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="quiz",
    )
    is_active = models.BooleanField(
        _("required"),
        default=True,
        help_text=_(
            "Only a required quiz can be taken, and completing the course then needs it passed."
        ),
    )
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=70)
    questions_per_attempt = models.PositiveSmallIntegerField(_("questions per attempt"), default=10)
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), null=True, blank=True, help_text=_("Empty means unlimited.")
    )
    wait_minutes = models.PositiveIntegerField(
        _("waiting time between attempts (minutes)"), default=0
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, help_text=_("Empty means no limit.")
    )
    reveal_answers = models.CharField(
        _("show correct answers"),
        max_length=30,
        choices=RevealAnswers.choices,
        default=RevealAnswers.AFTER_PASS_OR_LAST_ATTEMPT,
        help_text=_(
            "When the result marks the right choices and shows each question's explanation. "
            "While attempts remain, showing them would hand out the key to the next one."
        ),
    )
    show_feedback = models.BooleanField(
        _("show feedback after submission"),
        default=True,
        help_text=_("Shows the feedback of the selected choices and each question's general one."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["course__title"]
        permissions = [
            ("view_quiz_statistics", _("Can view quiz statistics")),
            ("grade_essay", _("Can grade essays of quizzes")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__gte=0, pass_mark__lte=100), name="quiz_pass_mark_0_100"
            ),
            models.CheckConstraint(
                condition=Q(questions_per_attempt__gte=1), name="quiz_at_least_one_question"
            ),
            models.CheckConstraint(
                condition=Q(max_attempts__isnull=True) | Q(max_attempts__gte=1),
                name="quiz_max_attempts_positive",
            ),
            models.CheckConstraint(
                condition=Q(time_limit_minutes__isnull=True) | Q(time_limit_minutes__gte=1),
                name="quiz_time_limit_positive",
            ),
            models.CheckConstraint(
                condition=Q(reveal_answers__in=RevealAnswers.values), name="quiz_reveal_known"
            ),
        ]

    def __str__(self) -> str:
        return str(self.course.title) if self.course_id else str(_("quiz"))


class QuizPool(Orderable):
    """A bank a quiz draws from; with a count, exactly that many of its questions per attempt."""

    quiz = ParentalKey(Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="pools")
    bank = models.ForeignKey(
        QuestionBank,
        verbose_name=_("question bank"),
        on_delete=models.PROTECT,
        related_name="quiz_pools",
    )
    count = models.PositiveSmallIntegerField(
        _("questions from this bank"),
        null=True,
        blank=True,
        help_text=_("Empty: the bank shares the rest of the attempt's questions."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("question pool")
        verbose_name_plural = _("question pools")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "bank"], name="quizpool_bank_once"),
            models.CheckConstraint(
                condition=Q(count__isnull=True) | Q(count__gte=1), name="quizpool_count_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quiz_id}: {self.bank_id}"


class Attempt(models.Model):
    """One try at a quiz within one assignment; graded exactly once, by the server."""

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    # Progress belongs to an assignment, so a refresher starts with a fresh set of attempts.
    assignment = models.ForeignKey(
        "courses.Assignment",
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    quiz = models.ForeignKey(
        Quiz, verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    # Submitted with essays that a course editor has still to grade; score and pass wait.
    awaiting_grading = models.BooleanField(_("awaiting grading"), default=False)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["assignment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "number"], name="attempt_unique_number"),
            # After a pass no further attempt can be started, so a second pass means a bug.
            models.UniqueConstraint(
                fields=["assignment"], condition=Q(passed=True), name="attempt_one_pass"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="attempt_number_positive"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="attempt_score_0_100",
            ),
            # Submitted, scored and judged happen together, in one UPDATE, or not at all;
            # only an attempt awaiting essay grading is submitted without a score.
            models.CheckConstraint(
                condition=Q(
                    submitted_at__isnull=True,
                    score__isnull=True,
                    passed__isnull=True,
                    awaiting_grading=False,
                )
                | Q(
                    submitted_at__isnull=False,
                    score__isnull=False,
                    passed__isnull=False,
                    awaiting_grading=False,
                )
                | Q(
                    submitted_at__isnull=False,
                    score__isnull=True,
                    passed__isnull=True,
                    awaiting_grading=True,
                ),
                name="attempt_graded_once_whole",
            ),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gte=models.F("started_at")),
                name="attempt_deadline_after_start",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number} ({self.user})"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class AttemptQuestion(models.Model):
    """A question drawn for an attempt, with the order its choices were shown in."""

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    attempt = models.ForeignKey(
        Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="items"
    )
    # PROTECT: a question someone answered is evidence; retire it (inactive) instead.
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    choice_order = models.JSONField(_("choice order"), default=list)
    points = models.DecimalField(
        _("points"), null=True, blank=True, help_text=_("0..1, set when graded."), **FRACTION_FIELD
    )

    class Meta:
        verbose_name = _("attempt question")
        verbose_name_plural = _("attempt questions")
        ordering = ["attempt", "order"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "order"], name="attemptquestion_order"),
            models.UniqueConstraint(fields=["attempt", "question"], name="attemptquestion_once"),
            models.CheckConstraint(
                condition=Q(points__isnull=True) | Q(points__gte=0, points__lte=1),
                name="attemptquestion_points_0_1",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.order}"


class Response(models.Model):
    """What was selected for one attempt question; one row each, so grading happens once."""

    item = models.OneToOneField(
        AttemptQuestion,
        verbose_name=_("attempt question"),
        on_delete=models.CASCADE,
        related_name="response",
    )
    # Choice ids; for matching {item id: chosen answer}, for ordering {item id: position}.
    selected = models.JSONField(_("selected choices"), default=list)
    text = models.TextField(_("typed answer"), blank=True)  # short answer, numerical, essay
    # An essay's grading by a course editor (quizzes.grade_essay), audited.
    graded_at = models.DateTimeField(_("graded at"), null=True, blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("graded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    grader_feedback = models.TextField(_("grader's feedback"), blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return f"{self.item_id}: {self.selected}"


class ExtraAttempts(models.Model):
    """More attempts for one assignment after the quiz's own ran out: asked for, then granted.

    A row without `granted_at` is an employee's pending request; HR or the security manager
    grants it (or grants unasked), and the granted `count` adds to the quiz's attempts.
    """

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    assignment = models.ForeignKey(
        "courses.Assignment",
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="extra_attempts",
    )
    quiz = models.ForeignKey(
        Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="extra_attempts"
    )
    requested_at = models.DateTimeField(_("requested at"), null=True, blank=True)
    granted_at = models.DateTimeField(_("granted at"), null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    count = models.PositiveSmallIntegerField(_("extra attempts"), default=1)

    class Meta:
        verbose_name = _("extra attempts")
        verbose_name_plural = _("extra attempts")
        ordering = ["-requested_at", "-pk"]
        permissions = [("grant_extraattempts", _("Can grant extra quiz attempts"))]
        constraints = [
            # One pending request per assignment: asking twice does not queue two grants.
            models.UniqueConstraint(
                fields=["assignment"],
                condition=Q(granted_at__isnull=True),
                name="extraattempts_one_pending",
            ),
            models.CheckConstraint(condition=Q(count__gte=1), name="extraattempts_count_positive"),
            models.CheckConstraint(
                condition=Q(requested_at__isnull=False) | Q(granted_at__isnull=False),
                name="extraattempts_requested_or_granted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id}: +{self.count}"

    @property
    def is_pending(self) -> bool:
        return self.granted_at is None
