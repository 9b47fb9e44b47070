"""The jobs of the Act phase and the outbox flush; each effect is recorded under a unique key.

The reminder, escalation and refresher jobs find their due rows in SQL and work in chunks
of CHUNK rows: one transaction per chunk holds its ledger rows (Notification, unique key),
their outbox e-mails and any new assignments, written with one INSERT per table. A job
killed half-way leaves only whole chunks behind, and running it again (a retry, a
redelivered task, the next scheduled run) finds their keys and does the rest. A chunk that
meets a key another run recorded meanwhile rolls back and is recorded one effect per
transaction instead, as every effect was before, so nothing is done twice.
"""

import datetime
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.db.models import Avg, CharField, Count, Exists, Max, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Site

from certificates import services as certificate_services
from certificates.models import Certificate
from core.collation import czech_order
from courses import planning
from courses import services as course_services
from courses.models import Assignment, CoursePage
from courses.services import assignment_create
from organisation import services as organisation_services
from organisation.models import EmployeeImport, Workplace
from organisation.roles import HR, SECURITY_MANAGER
from risk.models import RiskCategory, RiskReview

from . import ladder
from .emails import RenderCache, absolute_url, page_url, queue, render
from .ics import EventCache, due_date_event
from .models import AutomationSettings, JobRequest, JobRun, Notification, OutboxEmail

logger = logging.getLogger(__name__)
User = get_user_model()
CHUNK = 500
IMPORT_LOST_AFTER_MINUTES = 10
MAX_ATTEMPTS = 5
_slice = threading.local()


class OutOfTime(Exception):
    """The job's time slice is over; what is done is committed, the rest runs next."""


def _check_time() -> None:
    """Called between chunks: a job stops at a chunk boundary once its slice is over."""
    deadline = getattr(_slice, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise OutOfTime


def _settings() -> AutomationSettings:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return AutomationSettings.for_site(site) if site else AutomationSettings()


def _record(effects: list[Notification], make_email: Callable[[], OutboxEmail | None]) -> bool:
    """Write the ledger rows and their e-mail in one transaction; False if already done."""
    try:
        with transaction.atomic():
            email = make_email()
            for effect in effects:
                effect.email = email
            Notification.objects.bulk_create(effects)
        return True
    except IntegrityError:
        # Another run (or an earlier attempt of this one) recorded the same key first.
        return False


def _saved(email: OutboxEmail | None) -> OutboxEmail | None:
    if email is not None:
        email.pk = None  # a rolled-back batch may have given it an id that no longer exists
        email.save()
    return email


def _record_many(groups: list[tuple[list[Notification], OutboxEmail | None]]) -> bool:
    """Write many effects with their e-mails in one transaction and two INSERTs per table.

    `groups` pairs each e-mail with the ledger rows it reports (or None for rows passed
    over). The ledger rows go in with a plain INSERT under their unique keys: if another
    run recorded any of them first, the whole batch rolls back (False) and the caller
    records its groups one by one with `_record`, exactly as a single effect would be.
    """
    if not groups:
        return True
    emails = [email for _effects, email in groups if email is not None]
    try:
        with transaction.atomic():
            OutboxEmail.objects.bulk_create(emails)
            rows = []
            for effects, email in groups:
                for effect in effects:
                    effect.email = email
                rows.extend(effects)
            # Sorted by key: two runs inserting the same keys wait for each other instead
            # of deadlocking.
            Notification.objects.bulk_create(sorted(rows, key=lambda effect: effect.key))
        return True
    except IntegrityError:
        for effects, email in groups:
            for effect in effects:
                effect.pk = None
            if email is not None:
                email.pk = None
        return False


def _role_users(role: str):
    return User.objects.filter(groups__name=role, is_active=True).order_by("id").distinct()


# --- reminders ---------------------------------------------------------------------------


def reminder_candidates(*, today: datetime.date, days_before):
    """Open assignments with a rung of the ladder due by `today` that is not recorded yet.

    The ladder's dates are plain SQL (the day after creation, N days before the due date,
    the day after it), each checked against the ledger's unique key, so a day with nothing
    due costs this one query instead of a walk over every open assignment in Python.
    `ladder.decide` still makes the decision for the few rows this returns.
    """

    def unrecorded(step: str):
        key = Concat(Value("reminder:"), Cast(OuterRef("pk"), CharField()), Value(f":{step}"))
        return ~Exists(Notification.objects.filter(key=key))

    due = unrecorded(ladder.ASSIGNED) | Q(due_date__lt=today) & unrecorded(ladder.OVERDUE)
    for days in set(days_before):
        due |= Q(due_date__lte=today + datetime.timedelta(days=days)) & unrecorded(
            ladder.before(days)
        )
    return (
        Assignment.objects.filter(status=Assignment.Status.ASSIGNED, user__is_active=True)
        .exclude(source=Assignment.Source.SELF)
        .filter(due)
        .order_by("id")
    )


def reminders_run(*, today: datetime.date | None = None) -> dict[str, int]:
    """Each open assignment's due rung of the ladder, a chunk of candidates at a time."""
    today = today or timezone.localdate()
    days_before = _settings().days_before()
    counts = {"sent": 0, "skipped": 0}
    open_ones = reminder_candidates(today=today, days_before=days_before)
    urls = _PageUrls()
    last_id = 0
    while True:
        chunk = list(
            open_ones.filter(id__gt=last_id).select_related(
                "user", "course", "review__workplace", "risk_category"
            )[:CHUNK]
        )
        if not chunk:
            return counts
        last_id = chunk[-1].id
        done = defaultdict(set)
        for assignment_id, step in Notification.objects.filter(
            kind=Notification.Kind.REMINDER, assignment__in=chunk
        ).values_list("assignment_id", "step"):
            done[assignment_id].add(step)
        planned = []
        for assignment in chunk:
            decision = ladder.decide(
                assigned_on=timezone.localdate(assignment.created_at),
                due=assignment.due_date,
                today=today,
                done=done[assignment.id],
                days_before=days_before,
            )
            if decision.send and now_step(today) in done[assignment.id]:
                # Reminded by hand today (reminders_send_now): one reminder a day is enough,
                # the step is sent on the next run instead.
                decision = ladder.Decision(send=None, skip=decision.skip)
            if not decision.empty:
                planned.append((assignment, decision))
        recorded = _reminders_record(planned, urls)
        for decision in recorded:
            counts["sent"] += decision.send is not None
            counts["skipped"] += len(decision.skip)
        if recorded:
            # Only after a chunk that did new work, so every slice makes progress (the
            # next slice passes quickly over what is done: its keys are recorded).
            _check_time()


class _PageUrls(dict):
    """A course's absolute URL, looked up once per job run instead of once per e-mail.

    It also carries the run's rendering caches (the e-mail text, the calendar event).
    """

    def __init__(self):
        super().__init__()
        self.caches = (RenderCache(), EventCache())

    def __missing__(self, page):
        self[page] = page_url(page)
        return self[page]


def _reminder_effects(assignment: Assignment, decision: ladder.Decision) -> list[Notification]:
    def effect(step: str, skipped: bool) -> Notification:
        return Notification(
            key=f"reminder:{assignment.pk}:{step}",
            kind=Notification.Kind.REMINDER,
            step=step,
            skipped=skipped,
            recipient=assignment.user,
            assignment=assignment,
        )

    effects = [effect(step, True) for step in decision.skip]
    if decision.send:
        effects.append(effect(decision.send, False))
    return effects


def _reminders_record(planned, urls) -> list[ladder.Decision]:
    """Record a chunk's reminders, each with its e-mail; the decisions that were recorded."""
    groups = []
    for assignment, decision in planned:
        email = None
        if decision.send is not None:
            email = _reminder_email(
                assignment, decision.send, url=urls[assignment.course], caches=urls.caches
            )
        groups.append((_reminder_effects(assignment, decision), email))
    if _record_many(groups):
        return [decision for _assignment, decision in planned]

    # A concurrent run recorded some of these keys first: one transaction per assignment,
    # as before (each e-mail rendered in full), so each of the others is recorded once.
    def make_email(assignment, step):
        if step is None:
            return None
        return _saved(_reminder_email(assignment, step, url=urls[assignment.course]))

    return [
        decision
        for assignment, decision in planned
        if _record(
            _reminder_effects(assignment, decision),
            lambda a=assignment, step=decision.send: make_email(a, step),
        )
    ]


def _reminder_email(
    assignment: Assignment, step: str, *, url: str = "", caches=None
) -> OutboxEmail:
    """The reminder e-mail, rendered but not yet saved.

    With `caches` (a batch's RenderCache and EventCache) the text common to many people is
    rendered once; the e-mail is the same.
    """
    user, course = assignment.user, assignment.course
    url = url or page_url(course)
    emails, events = caches or (None, None)
    ics = ""
    if assignment.due_date:
        ics = (events or due_date_event)(
            uid=f"assignment-{assignment.pk}@{settings.ALLOWED_HOSTS[0]}",
            summary=course.title,
            description=f"{course.title}\n{url}",
            url=url,
            due=assignment.due_date,
            stamp=timezone.now(),
        )
    days_left = (assignment.due_date - timezone.localdate()).days if assignment.due_date else None
    message = {
        "template": "reminder",
        "to": [user.email],
        "language": user.language,
        "context": {
            "user": user,
            "course": course,
            "assignment": assignment,
            "step": step,
            "url": url,
            "days_left": days_left,
            "days_overdue": -days_left if days_left and days_left < 0 else 0,
        },
        "ics": ics,
    }
    if emails is None:
        return render(**message)
    # What the templates read besides the person (see reminder.txt and reminder.html).
    key = (course.pk, course.title, step, url, assignment.due_date, assignment.reason_display)
    return emails(key=(*key, days_left), **message)


# --- reminder now (from HR's lists) ----------------------------------------------------

# A staff member sent a reminder by hand; the entry's object is the assignment.
REMIND_NOW_ACTION = "automation.remind_now"


def now_step(day: datetime.date) -> str:
    """The ledger step of a reminder sent by hand on `day` (the scheduled job reads it)."""
    return f"now:{day.isoformat()}"


def _local_day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    )
    return start, end


def reminders_send_now(*, assignments, by, today: datetime.date | None = None) -> dict[str, int]:
    """Queue a reminder e-mail now to each person ticked, at most one reminder a person a day.

    The most urgent open assignment of each person (the earliest due date) is the one
    reminded, under the key reminder-now:<person>:<day> with its outbox e-mail and audit
    entry in one transaction, so a second click, a double submit or two staff members at
    once send nothing more that day; neither does any reminder the scheduled job already
    sent that person today (and the job holds its own step for a day after this one). The
    e-mail links to My training, which lists the person's other courses.
    Returns sent, already (the person was reminded today, or is reminded now for another
    course) and closed (completed, not required, or the person has left).
    """
    today = today or timezone.localdate()
    chosen = sorted(
        assignments.select_related("user", "course", "review__workplace", "risk_category")
        .order_by("pk")
        .distinct(),
        key=lambda a: (a.user_id, a.due_date or datetime.date.max, a.pk),
    )
    start, end = _local_day_bounds(today)
    reminded_today = set(
        Notification.objects.filter(
            kind=Notification.Kind.REMINDER,
            skipped=False,
            recipient__in={a.user_id for a in chosen},
            created_at__gte=start,
            created_at__lt=end,
        ).values_list("recipient_id", flat=True)
    )
    counts = {"sent": 0, "already": 0, "closed": 0}
    for assignment in chosen:
        if assignment.status != Assignment.Status.ASSIGNED or not assignment.user.is_active:
            counts["closed"] += 1
            continue
        if assignment.user_id in reminded_today:
            counts["already"] += 1
            continue
        reminded_today.add(assignment.user_id)
        effect = Notification(
            key=f"reminder-now:{assignment.user_id}:{today.isoformat()}",
            kind=Notification.Kind.REMINDER,
            step=now_step(today),
            recipient=assignment.user,
            assignment=assignment,
        )

        def make_email(assignment=assignment):
            overdue = assignment.due_date is not None and assignment.due_date < today
            email = _saved(_reminder_email(assignment, ladder.OVERDUE if overdue else "now"))
            log(
                instance=assignment,
                action=REMIND_NOW_ACTION,
                user=by,
                data={
                    "employee": assignment.user_id,
                    "email": assignment.user.email,
                    "course": assignment.course.title,
                    "due_date": assignment.due_date.isoformat() if assignment.due_date else None,
                },
            )
            return email

        if _record([effect], make_email):
            counts["sent"] += 1
        else:
            counts["already"] += 1
    return counts


# --- escalation --------------------------------------------------------------------------


def escalation_run(*, today: datetime.date | None = None) -> dict[str, int]:
    """Overdue for more than N days: one list per manager and one for HR, once per assignment."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=_settings().escalation_after_days)
    overdue = list(
        Assignment.objects.filter(
            status=Assignment.Status.ASSIGNED, due_date__lt=limit, user__is_active=True
        )
        .exclude(notifications__kind=Notification.Kind.ESCALATION)
        .select_related("user", "user__manager", "user__workplace", "course")
        .order_by(czech_order("user__last_name"), czech_order("user__first_name"), "due_date")
    )
    counts = {"assignments": 0, "manager_emails": 0, "hr_emails": 0}
    by_manager = defaultdict(list)
    for assignment in overdue:
        if assignment.user.manager and assignment.user.manager.is_active:
            by_manager[assignment.user.manager].append(assignment)
    # One group per e-mail: its ledger rows (one per assignment listed) and the e-mail.
    groups = [
        (
            "manager_emails",
            [_escalation(a, "manager", manager) for a in items],
            _escalation_email(manager, items, today),
        )
        for manager, items in by_manager.items()
    ]
    hr_people = list(_role_users(HR))
    if overdue and hr_people:
        groups.append(
            (
                "hr_emails",
                [_escalation(a, "hr", None) for a in overdue],
                _escalation_email(None, overdue, today, hr_people),
            )
        )
    batch, size = [], 0
    for index, group in enumerate(groups):
        batch.append(group)
        size += len(group[1])
        if size >= CHUNK or index == len(groups) - 1:
            for counter, _effects, _email in _escalations_record(batch):
                counts[counter] += 1
            batch, size = [], 0
    counts["assignments"] = len(overdue)
    return counts


def _escalations_record(batch):
    """Record e-mails with their ledger rows in one transaction; the groups recorded."""
    if _record_many([(effects, email) for _counter, effects, email in batch]):
        return batch
    # Another run escalated some of them first: one e-mail per transaction, as before.
    return [
        (counter, effects, email)
        for counter, effects, email in batch
        if _record(effects, lambda email=email: _saved(email))
    ]


def _escalation(assignment: Assignment, step: str, recipient) -> Notification:
    return Notification(
        key=f"escalation:{assignment.pk}:{step}",
        kind=Notification.Kind.ESCALATION,
        step=step,
        recipient=recipient,
        assignment=assignment,
    )


def _escalation_email(manager, items, today, hr_people=None) -> OutboxEmail:
    rows = [
        {
            "name": a.user.get_full_name() or a.user.email,
            "course": a.course.title,
            "due": a.due_date,
            "days": (today - a.due_date).days,
            "workplace": a.user.workplace.name if a.user.workplace else "",
            "manager": a.user.manager.get_full_name() if a.user.manager else "",
        }
        for a in items
    ]
    recipients = [manager] if manager else hr_people
    return render(
        template="escalation",
        to=[u.email for u in recipients],
        language=recipients[0].language,
        context={
            "manager": manager,
            "rows": rows,
            "for_hr": manager is None,
            "url": absolute_url("/reports/"),
        },
    )


# --- refreshers --------------------------------------------------------------------------


def refresher_candidates(*, today: datetime.date, lead_days: int):
    """Valid certificates expiring within the widest lead time that have no refresher yet.

    One query with NOT EXISTS on the ledger's unique key, so the scan stays a single index
    walk however many certificates there are (`make bench` times it against its raw
    SELECT). Courses may set a longer or shorter lead time; the window covers the longest and
    `refreshers_run` applies each course's own.
    """
    longest = max(
        lead_days,
        CoursePage.objects.aggregate(longest=Max("refresher_lead_days"))["longest"] or 0,
    )
    refresher_key = Concat(Value("refresher:"), Cast(OuterRef("pk"), CharField()))
    return (
        Certificate.objects.filter(
            revoked_at__isnull=True,
            valid_until__isnull=False,
            valid_until__lte=today + datetime.timedelta(days=longest),
            assignment__user__is_active=True,
        )
        .filter(~Exists(Notification.objects.filter(key=refresher_key)))
        .order_by("valid_until", "id")
    )


def refreshers_run(*, today: datetime.date | None = None) -> dict[str, int]:
    """Certificates expiring within their course's lead time get one refresher each."""
    today = today or timezone.localdate()
    default_lead = _settings().refresher_lead_days
    candidates = refresher_candidates(today=today, lead_days=default_lead).select_related(
        "assignment__user", "assignment__course"
    )
    counts = {"refreshers": 0}
    urls = _PageUrls()
    after = None
    while True:
        page = candidates
        if after is not None:
            # Keyset on the candidates' order: certificates outside their course's lead time
            # stay candidates, the page after them starts behind them.
            page = page.filter(
                Q(valid_until__gt=after[0]) | Q(valid_until=after[0], id__gt=after[1])
            )
        chunk = list(page[:CHUNK])
        if not chunk:
            return counts
        after = (chunk[-1].valid_until, chunk[-1].id)
        due = []
        for certificate in chunk:
            lead = certificate.assignment.course.refresher_lead_days
            lead = default_lead if lead is None else lead
            if certificate.valid_until <= today + datetime.timedelta(days=lead):
                due.append(certificate)
        made = _refreshers_record(due, urls)
        counts["refreshers"] += made
        if made:
            _check_time()


def _refresher_reason(certificate: Certificate, course: CoursePage) -> str:
    return _("Refresher: your certificate %(serial)s for %(course)s is valid until %(date)s.") % {
        "serial": certificate.serial_number,
        "course": course.title,
        "date": certificate.valid_until.strftime("%d. %m. %Y"),
    }


def _refresher_email(certificate, assignment, user, course, url: str, cache=None) -> OutboxEmail:
    message = {
        "template": "refresher",
        "to": [user.email],
        "language": user.language,
        "context": {
            "user": user,
            "course": course,
            "certificate": certificate,
            "assignment": assignment,
            "url": url,
        },
    }
    if cache is None:
        return render(**message)
    # What refresher.txt and refresher.html read besides the person.
    return cache(key=(course.pk, course.title, certificate.valid_until, url), **message)


def _refreshers_record(certificates: list[Certificate], urls) -> int:
    """Assign a chunk's refreshers with their ledger rows and e-mails; how many were new.

    Those whose holder has no open assignment of the course go in one transaction (one
    INSERT per table); a holder who has one, or a second certificate of the same course in
    the chunk, goes through `assignment_create` one by one, which keeps the open
    assignment and moves its due date earlier, as every refresher did before.
    """
    if not certificates:
        return 0
    open_pairs = set(
        Assignment.objects.filter(
            status=Assignment.Status.ASSIGNED,
            user_id__in={c.assignment.user_id for c in certificates},
            course_id__in={c.assignment.course_id for c in certificates},
        ).values_list("user_id", "course_id")
    )
    fresh, one_by_one = [], []
    for certificate in certificates:
        pair = (certificate.assignment.user_id, certificate.assignment.course_id)
        (one_by_one if pair in open_pairs else fresh).append(certificate)
        open_pairs.add(pair)
    made = 0
    if fresh:
        try:
            with transaction.atomic():
                assignments = course_services.assignments_create_new(
                    [
                        Assignment(
                            user=c.assignment.user,
                            course=c.assignment.course,
                            due_date=c.valid_until,
                            reason=_refresher_reason(c, c.assignment.course),
                            source=Assignment.Source.REFRESHER,
                        )
                        for c in fresh
                    ]
                )
                groups = []
                for certificate, assignment in zip(fresh, assignments, strict=True):
                    email = _refresher_email(
                        certificate,
                        assignment,
                        assignment.user,
                        assignment.course,
                        urls[assignment.course],
                        cache=urls.caches[0],
                    )
                    effect = Notification(
                        key=f"refresher:{certificate.pk}",
                        kind=Notification.Kind.REFRESHER,
                        step="refresher",
                        recipient=assignment.user,
                        assignment=assignment,
                    )
                    groups.append(([effect], email))
                if not _record_many(groups):
                    raise IntegrityError("a refresher of this chunk is recorded already")
            made += len(fresh)
        except IntegrityError:
            # A concurrent run (or an assignment made meanwhile) was first for some of them.
            one_by_one = fresh + one_by_one
    for certificate in one_by_one:
        made += _refresher_record(certificate, f"refresher:{certificate.pk}")
    return made


def _refresher_record(certificate: Certificate, key: str) -> bool:
    """One refresher in its own transaction, through `assignment_create` (the careful path)."""
    user, course = certificate.assignment.user, certificate.assignment.course.specific
    try:
        with transaction.atomic():
            effect = Notification.objects.create(
                key=key, kind=Notification.Kind.REFRESHER, step="refresher", recipient=user
            )
            assignment, _created = assignment_create(
                user=user,
                course=course,
                due_date=certificate.valid_until,
                reason=_refresher_reason(certificate, course),
                source=Assignment.Source.REFRESHER,
            )
            effect.assignment = assignment
            effect.email = _saved(
                _refresher_email(certificate, assignment, user, course, page_url(course))
            )
            effect.save(update_fields=["assignment", "email"])
        return True
    except IntegrityError:
        return False


# --- check summary -----------------------------------------------------------------------


def check_summary_run(*, today: datetime.date | None = None) -> dict[str, int]:
    """Monthly: completion and overdue per workplace, weakest risk categories by score."""
    today = today or timezone.localdate()
    month = f"{today:%Y-%m}"
    workplaces = list(
        Workplace.objects.annotate(
            total=Count(
                "employees__assignments",
                filter=~Q(employees__assignments__status=Assignment.Status.NOT_REQUIRED),
            ),
            completed=Count(
                "employees__assignments",
                filter=Q(employees__assignments__status=Assignment.Status.COMPLETED),
            ),
            overdue=Count(
                "employees__assignments",
                filter=Q(
                    employees__assignments__status=Assignment.Status.ASSIGNED,
                    employees__assignments__due_date__lt=today,
                ),
            ),
        )
        .filter(total__gt=0)
        .order_by("path")
    )
    for w in workplaces:
        w.rate = round(100 * w.completed / w.total) if w.total else 0
    since = today - datetime.timedelta(days=365)
    weakest = list(
        RiskCategory.objects.annotate(
            average=Avg(
                "courses__assignments__score",
                filter=Q(
                    courses__assignments__status=Assignment.Status.COMPLETED,
                    courses__assignments__completed_at__date__gte=since,
                ),
            ),
        )
        .filter(average__isnull=False)
        .order_by("average")[:3]
    )
    counts = {"emails": 0}
    for manager in _role_users(SECURITY_MANAGER):
        effect = Notification(
            key=f"check-summary:{month}:{manager.pk}",
            kind=Notification.Kind.CHECK_SUMMARY,
            step=month,
            recipient=manager,
        )

        def make_email(manager=manager):
            return queue(
                template="check_summary",
                to=[manager.email],
                language=manager.language,
                context={
                    "manager": manager,
                    "month": today,
                    "workplaces": workplaces,
                    "weakest": weakest,
                    "url": absolute_url("/reports/"),
                },
            )

        if _record([effect], make_email):
            counts["emails"] += 1
    return counts


# --- review cycle ------------------------------------------------------------------------


def review_cycle_run(*, today: datetime.date | None = None) -> dict[str, int]:
    """Workplaces whose last approved review is older than the interval are flagged once."""
    today = today or timezone.localdate()
    months = _settings().review_interval_months
    cutoff = _months_before(today, months)
    workplaces = list(
        Workplace.objects.annotate(
            last_approved=Max(
                "risk_reviews__review_date",
                filter=Q(risk_reviews__status__in=[RiskReview.Status.APPROVED]),
            )
        )
        .filter(Q(last_approved__isnull=True) | Q(last_approved__lt=cutoff))
        .order_by("path")
    )
    flagged = []
    for workplace in workplaces:
        stamp = workplace.last_approved.isoformat() if workplace.last_approved else "never"
        key = f"review-cycle:{workplace.pk}:{stamp}"
        if not Notification.objects.filter(key=key).exists():
            flagged.append((workplace, key))
    counts = {"flagged": len(flagged), "emails": 0}
    managers = list(_role_users(SECURITY_MANAGER))
    if not flagged or not managers:
        return counts
    effects = [
        Notification(key=key, kind=Notification.Kind.REVIEW_CYCLE, step=key.rsplit(":", 1)[1])
        for _workplace, key in flagged
    ]

    def make_email():
        return queue(
            template="review_cycle",
            to=[m.email for m in managers],
            language=managers[0].language,
            context={
                "workplaces": [w for w, _k in flagged],
                "months": months,
                "url": absolute_url("/admin/"),
            },
        )

    if _record(effects, make_email):
        counts["emails"] = 1
    return counts


def _months_before(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    # Clamp the day for shorter months (31 March minus one month is 28/29 February).
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


# --- outbox ------------------------------------------------------------------------------


def outbox_flush(*, limit: int | None = None) -> dict[str, int]:
    """Send stored e-mails, each at most once per call (a failure waits for the next flush).

    Each row is locked while it is sent, so two flushes running at once never both send it,
    and "sent" is committed right after the SMTP server accepts it: only a process killed
    between that accept and the commit (milliseconds) sends the e-mail again, with the same
    Message-ID, so the recipient's mail client shows it once.
    """
    counts = {"sent": 0, "failed": 0}
    last_id = 0
    while limit is None or counts["sent"] + counts["failed"] < limit:
        with transaction.atomic():
            email = (
                OutboxEmail.objects.select_for_update(skip_locked=True)
                .filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, id__gt=last_id)
                .order_by("id")
                .first()
            )
            if email is None:
                return counts
            last_id = email.id
            email.attempts += 1
            try:
                _send(email)
            except Exception as exc:  # noqa: BLE001 - any transport error is retried later
                logger.warning("Sending e-mail %s failed: %s", email.pk, exc)
                email.last_error = str(exc)[:2000]
                email.save(update_fields=["attempts", "last_error"])
                counts["failed"] += 1
                continue
            email.sent_at = timezone.now()
            email.save(update_fields=["sent_at", "attempts"])
            counts["sent"] += 1
    return counts


def message_id(email: OutboxEmail) -> str:
    """The same Message-ID for every try of one outbox row, so a resend is recognisable."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<outbox-{email.pk}.{email.created_at:%Y%m%d%H%M%S}@{domain}>"


def _send(email: OutboxEmail) -> None:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        to=email.to,
        headers={"X-Elearning-Outbox-Id": str(email.pk), "Message-ID": message_id(email)},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    if email.ics:
        message.attach("skoleni.ics", email.ics, "text/calendar; charset=utf-8; method=PUBLISH")
    message.send()


# --- catch-up ---------------------------------------------------------------------------


def catch_up_run(*, today: datetime.date | None = None) -> dict[str, int]:
    """Re-derive what lost tasks should have done, so a broker outage delays work, never loses it.

    Every step is idempotent and derived from the database alone: each approved review's
    plan is applied again (people whose joiner or review task was lost get their
    assignments; everyone else is unchanged), completed assignments without a certificate
    (or its PDF) get one, confirmed employee imports still waiting for their lost task are
    run, and the outbox is flushed.
    """
    counts = {"plan_changes": 0, "certificates": 0, "pdfs": 0, "imports": 0}
    reviews = RiskReview.objects.filter(status=RiskReview.Status.APPROVED).order_by("pk")
    for review_id in reviews.values_list("pk", flat=True):
        result = planning.plan_apply_review(review_id=review_id, today=today)
        counts["plan_changes"] += result.created + result.reopened + result.repointed
        counts["plan_changes"] += result.retired
        if counts["plan_changes"]:
            _check_time()
    missing = Assignment.objects.filter(
        status=Assignment.Status.COMPLETED, certificate__isnull=True
    ).select_related("user", "course")
    for assignment in missing.order_by("pk").iterator(chunk_size=CHUNK):
        certificate = certificate_services.certificate_issue(assignment=assignment)
        certificate_services.certificate_pdf(certificate=certificate)
        counts["certificates"] += 1
    for certificate in Certificate.objects.filter(pdf="").order_by("pk").iterator(chunk_size=CHUNK):
        certificate_services.certificate_pdf(certificate=certificate)
        counts["pdfs"] += 1
    # Older than a few minutes: a task merely waiting in a busy queue is not lost.
    lost = EmployeeImport.objects.filter(
        state=EmployeeImport.State.PENDING,
        confirmed_at__lt=timezone.now() - datetime.timedelta(minutes=IMPORT_LOST_AFTER_MINUTES),
    )
    for job in lost.order_by("pk"):
        organisation_services.employee_import_run(job=job)
        counts["imports"] += 1
    counts["emails_sent"] = outbox_flush()["sent"]
    return counts


# --- jobs --------------------------------------------------------------------------------

JOBS: dict[str, Callable[..., dict[str, int]]] = {
    "refreshers": refreshers_run,
    "reminders": reminders_run,
    "escalation": escalation_run,
    "check-summary": check_summary_run,
    "review-cycle": review_cycle_run,
    "catch-up": catch_up_run,
}


RUN_NOW_ACTION = "automation.run_now"
# A request or run older than this that never finished lost its task (the broker was away
# or its worker died for good); it no longer blocks the button, the catch-up redoes its work.
STALE_AFTER = datetime.timedelta(hours=1)


class JobBusy(Exception):
    """A run of the job is queued or running already; `request` is the open one, if any."""

    def __init__(self, request: JobRequest | None):
        super().__init__(request)
        self.request = request


def job_request_create(*, name: str, user, now: datetime.datetime | None = None) -> JobRequest:
    """Record that `user` starts job `name` now (audited), unless a run of it is under way.

    The caller enqueues the task on commit. Raises KeyError for an unknown job and JobBusy
    while another request of the job is open or a scheduled run of it is running.
    """
    if name not in JOBS:
        raise KeyError(name)
    now = now or timezone.now()
    stale = now - STALE_AFTER
    with transaction.atomic():
        JobRequest.objects.filter(job=name, finished_at=None, requested_at__lt=stale).update(
            status=JobRequest.Status.FAILED, finished_at=now, error="lost"
        )
        open_request = JobRequest.objects.filter(job=name, finished_at=None).first()
        if open_request is not None:
            raise JobBusy(open_request)
        if JobRun.objects.filter(
            job=name, status=JobRun.Status.RUNNING, started_at__gte=stale
        ).exists():
            raise JobBusy(None)
        try:
            with transaction.atomic():
                request = JobRequest.objects.create(job=name, requested_by=user)
        except IntegrityError:
            # Somebody else's click won the race between the check and the insert.
            raise JobBusy(JobRequest.objects.filter(job=name, finished_at=None).first()) from None
        log(instance=request, action=RUN_NOW_ACTION, user=user, data={"job": name})
    return request


def job_request_fail(*, request_id: int, error: str) -> None:
    """The request's last try failed: it closes, so the button works again."""
    JobRequest.objects.filter(pk=request_id, finished_at=None).update(
        status=JobRequest.Status.FAILED, error=error, finished_at=timezone.now()
    )


def job_run(
    *,
    name: str,
    today: datetime.date | None = None,
    attempt: int = 1,
    task_id: str = "",
    seconds: float | None = None,
    request_id: int | None = None,
) -> JobRun:
    """Run one job, recording when it ran, which try it was and what it did.

    With `seconds`, the job stops at the first chunk boundary after that long and the run
    is CONTINUED: its effects are committed and keyed, so running the job again does the
    rest. A run of the same task left RUNNING is from a worker that died: INTERRUPTED.
    """
    if name not in JOBS:
        raise KeyError(name)
    if task_id:
        JobRun.objects.filter(task_id=task_id, status=JobRun.Status.RUNNING).update(
            status=JobRun.Status.INTERRUPTED, finished_at=timezone.now()
        )
    run = JobRun.objects.create(job=name, attempt=attempt, task_id=task_id, request_id=request_id)
    if request_id is not None:
        JobRequest.objects.filter(pk=request_id, finished_at=None).update(
            status=JobRequest.Status.RUNNING
        )
    _slice.deadline = time.monotonic() + seconds if seconds else None
    try:
        counts = JOBS[name](today=today)
    except OutOfTime:
        run.status, run.finished_at = JobRun.Status.CONTINUED, timezone.now()
        run.save(update_fields=["status", "finished_at"])
        return run
    except Exception as exc:
        if not connection.in_atomic_block:
            # A connection the database dropped is replaced, so the failure can be recorded.
            close_old_connections()
        run.status, run.error, run.finished_at = JobRun.Status.FAILED, repr(exc), timezone.now()
        run.save(update_fields=["status", "error", "finished_at"])
        raise
    finally:
        _slice.deadline = None
    with transaction.atomic():
        run.status, run.counts, run.finished_at = JobRun.Status.DONE, counts, timezone.now()
        run.save(update_fields=["status", "counts", "finished_at"])
        if request_id is not None:
            JobRequest.objects.filter(pk=request_id).update(
                status=JobRequest.Status.DONE, counts=counts, finished_at=run.finished_at
            )
    return run
