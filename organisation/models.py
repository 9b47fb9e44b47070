"""People and the workplace tree they belong to."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from core.collation import czech_order
from core.jobs import BackgroundJob

from . import grammar


class Workplace(MP_Node):
    """A department (odbor) or a section (oddělení) below it; the tree may be deeper."""

    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(_("code"), max_length=50, unique=True)
    node_order_by = ["name"]

    class Meta:
        verbose_name = _("workplace")
        verbose_name_plural = _("workplaces")

    def __str__(self) -> str:
        return self.name

    def path_names(self) -> list[str]:
        return [node.name for node in self.get_ancestors()] + [self.name]

    @property
    def full_name(self) -> str:
        return " / ".join(self.path_names())


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """An employee; logs in with the e-mail address, HR owns the record."""

    class Language(models.TextChoices):
        CZECH = "cs", _("Czech")
        ENGLISH = "en", _("English")

    username = None
    email = models.EmailField(_("e-mail"), unique=True)
    personal_number = models.CharField(
        _("personal number"), max_length=30, unique=True, null=True, blank=True
    )
    workplace = models.ForeignKey(
        Workplace,
        verbose_name=_("workplace"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employees",
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    manager = models.ForeignKey(
        "self",
        verbose_name=_("manager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    is_management = models.BooleanField(
        _("management"), default=False, help_text=_("Takes the management track courses.")
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.CZECH
    )

    class FormOfAddress(models.TextChoices):
        FEMALE = grammar.FEMALE, _("as a woman")
        MALE = grammar.MALE, _("as a man")
        NEUTRAL = grammar.NEUTRAL, _("neutral wording")

    # Empty: not chosen yet, the first name suggests it (organisation.grammar).
    form_of_address = models.CharField(
        _("form of address"),
        max_length=10,
        choices=FormOfAddress.choices,
        blank=True,
        help_text=_("How messages address you in Czech."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        # Czech alphabetical order (Č after C, Ch after H…) on PostgreSQL and SQLite alike.
        ordering = [czech_order("last_name"), czech_order("first_name"), "email"]
        permissions = [
            # Break-glass accounts keep their password when employees sign in only through SSO.
            ("use_password_login", _("Can log in with a password when SSO is required")),
            ("reset_mfa", _("Can reset another person's second factor")),
        ]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.CheckConstraint(
                condition=~models.Q(manager=models.F("id")), name="user_not_own_manager"
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def grammatical_gender(self) -> str:
        """female, male or neutral: what Czech messages agree with."""
        return grammar.gender_of(self)

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        if self.personal_number == "":
            self.personal_number = None
        super().save(*args, **kwargs)


class DirectorySync(models.Model):
    """One run of the directory sync: what it found, what it did or why it stopped."""

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        DRY_RUN = "dry_run", _("Dry run, nothing written")
        NEEDS_CONFIRMATION = "needs_confirmation", _("Stopped: waiting for confirmation")
        REJECTED = "rejected", _("Rejected: bad entries, nothing written")
        FAILED = "failed", _("Failed: directory unreachable")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"))
    triggered_by = models.ForeignKey(
        User,
        verbose_name=_("run by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirms = models.ForeignKey(
        "self",
        verbose_name=_("confirms"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmations",
        help_text=_("The stopped run whose deactivations this run was allowed to make."),
    )
    counts = models.JSONField(_("counts"), default=dict)
    report = models.JSONField(_("report"), default=dict)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("directory sync")
        verbose_name_plural = _("directory syncs")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.get_status_display()}"


class Erasure(models.Model):
    """A departed person's personal data was erased: when, by whom (empty: the retention
    purge) and the pseudonym that replaced their name. One per person; never undone."""

    wagtail_reference_index_ignore = True  # a record, not content (CONTRIBUTING.md)

    user = models.OneToOneField(
        User, on_delete=models.PROTECT, related_name="erasure", verbose_name=_("person")
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=60, unique=True)
    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)
    erased_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("erased by"),
        help_text=_("Empty: erased by the scheduled purge after the retention period."),
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("erasure of personal data")
        verbose_name_plural = _("erasures of personal data")
        ordering = ["-erased_at"]

    def __str__(self) -> str:
        return self.pseudonym


class EmployeeImport(BackgroundJob):
    """One uploaded employee file: previewed, confirmed once, applied by a worker all or nothing.

    The file itself is kept here (at most the upload limit) from the preview until the worker
    has applied it, so the import reads exactly what was previewed; the per-line report that
    the result page shows replaces it. Only the requester (or whoever may view imports) sees it.
    """

    # The "file" of this job is its result page.
    download_url_name = "employee_import_job"

    key = models.CharField(_("key"), max_length=64, unique=True, editable=False)
    requested_by = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="employee_imports",
        verbose_name=_("requested by"),
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    data = models.BinaryField(_("file"), blank=True, editable=False)
    deactivate_missing = models.BooleanField(_("deactivate missing employees"), default=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("employee import")
        verbose_name_plural = _("employee imports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done__lte=models.F("total")),
                name="employeeimport_done_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} #{self.pk}"
