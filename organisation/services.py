"""Operations that change people: the employee import, all or nothing in one transaction."""

import datetime
import logging
import secrets

from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.enqueue import enqueue_on_commit
from core.jobs import SideProgress

from . import importing
from .models import EmployeeImport, User, Workplace
from .roles import EMPLOYEE

logger = logging.getLogger(__name__)

IMPORT_ACTION = "organisation.import"
IMPORT_CONFIRM_ACTION = "organisation.import_confirm"
IMPORT_FINISH_ACTION = "organisation.import_finish"
# The result page lists this many changed people at most; the counts cover everyone.
REPORT_LINES = 1000
ROLE_ACTION = "organisation.role_change"


def _workplace_refs() -> list[importing.WorkplaceRef]:
    """Every workplace with its path of names, from one query (paths are materialised)."""
    nodes = list(Workplace.objects.order_by("path").values_list("id", "code", "name", "path"))
    names = {path: name for _id, _code, name, path in nodes}
    step = Workplace.steplen
    return [
        importing.WorkplaceRef(
            id=pk,
            code=code,
            path_names=tuple(names[path[:n]] for n in range(step, len(path) + 1, step)),
        )
        for pk, code, _name, path in nodes
    ]


def _people() -> list[importing.Person]:
    rows = User.objects.values_list(
        "id",
        "personal_number",
        "email",
        "first_name",
        "last_name",
        "workplace_id",
        "job_title",
        "manager__personal_number",
        "is_management",
        "is_active",
        "is_superuser",
    )
    return [importing.Person(*row) for row in rows]


def employees_import(
    *,
    data: bytes,
    dry_run: bool = False,
    deactivate_missing: bool = False,
    imported_by: User | None = None,
) -> importing.ImportPlan:
    """Create and update employees from HR's CSV, matched by personal number.

    Any bad line rejects the whole file: nothing is written and the plan lists every error with
    its line. A dry run reports what would change. People missing from the file are deactivated
    (never deleted: their records stay) only with `deactivate_missing`; the importing user and
    superusers never are. Each person is saved through the model, so a mover's or joiner's
    training plan follows through the same signal as any other change of workplace.
    """
    try:
        with transaction.atomic():
            plan = _validate(data, deactivate_missing=deactivate_missing, imported_by=imported_by)
            if not plan.ok or dry_run:
                return plan
            _apply(plan, imported_by=imported_by)
    except ApplyError as exc:
        plan.errors.append(importing.LineError(exc.line, [_refused_line()]))
    return plan


def _validate(
    data: bytes, *, deactivate_missing: bool, imported_by: User | None
) -> importing.ImportPlan:
    return importing.validate(
        data,
        workplaces=_workplace_refs(),
        people=_people(),
        deactivate_missing=deactivate_missing,
        keep_active_ids=[imported_by.pk] if imported_by is not None else [],
    )


def _refused_line() -> str:
    return _(
        "The database refused this line: its e-mail or personal number was given to someone "
        "else meanwhile. Nothing was written; upload the file again."
    )


def employee_import_preview(
    *, data: bytes, file_name: str, deactivate_missing: bool, requested_by: User
) -> tuple[importing.ImportPlan, EmployeeImport | None]:
    """Check the file (a dry run) and, if it can be imported, keep it for the confirmation.

    The kept job waits unconfirmed; the requester's older unconfirmed previews are dropped, so
    at most one file per person waits here, and anyone's left unconfirmed for a day go too.
    """
    plan = _validate(data, deactivate_missing=deactivate_missing, imported_by=requested_by)
    if not plan.ok:
        return plan, None
    stale = timezone.now() - datetime.timedelta(days=1)
    with transaction.atomic():
        EmployeeImport.objects.filter(
            Q(requested_by=requested_by) | Q(created_at__lt=stale), confirmed_at__isnull=True
        ).delete()
        job = EmployeeImport.objects.create(
            key=secrets.token_urlsafe(32),
            requested_by=requested_by,
            file_name=file_name[:255],
            data=data,
            deactivate_missing=deactivate_missing,
            total=len(plan.changes) + len(plan.deactivate),
        )
    return plan, job


def employee_import_confirm(*, key: str, confirmed_by: User) -> EmployeeImport | None:
    """Confirm the previewed file once and enqueue it; again, it only returns the same job.

    None when the key is not a preview of this person (expired, or someone else's).
    """
    from .tasks import employee_import_run_task

    with transaction.atomic():
        job = EmployeeImport.objects.filter(key=key, requested_by=confirmed_by).first()
        if job is None:
            return None
        confirmed = EmployeeImport.objects.filter(pk=job.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
        if confirmed:
            log(
                instance=job,
                action=IMPORT_CONFIRM_ACTION,
                user=confirmed_by,
                data={"file": job.file_name, "rows": job.total},
            )
            enqueue_on_commit(employee_import_run_task, job.pk)
    job.refresh_from_db()
    return job


def _lock(job: EmployeeImport) -> None:
    # Two deliveries of the task (a redelivered message while the first still runs) queue up
    # here; the second then finds the job done. Released with the transaction, or when a
    # killed worker's connection drops. SQLite lets one writer in at a time anyway.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s), %s)",
                [EmployeeImport._meta.db_table, job.pk],
            )


def _report(plan: importing.ImportPlan) -> dict:
    """What the result page shows, as plain data: counts, the failed lines, the changes."""
    changed = [c for c in plan.changes if c.person is None or c.fields]
    return {
        "encoding": plan.encoding,
        "rows": len(plan.rows),
        "ignored_columns": plan.ignored_columns,
        "counts": {
            "created": len(plan.created),
            "updated": len(plan.updated),
            "moved": len(plan.moved),
            "unchanged": plan.unchanged,
            "deactivated": len(plan.deactivate),
        },
        "errors": [{"line": e.line, "messages": [str(m) for m in e.messages]} for e in plan.errors],
        "changes": [
            {
                "line": c.row.line,
                "personal_number": c.row.personal_number,
                "name": f"{c.row.first_name} {c.row.last_name}",
                "email": c.row.email,
                "change": c.field_labels if c.person else _("new"),
            }
            for c in changed[:REPORT_LINES]
        ],
        "changes_left_out": max(0, len(changed) - REPORT_LINES),
        "deactivated": [
            {"personal_number": p.personal_number, "name": f"{p.first_name} {p.last_name}"}
            for p in plan.deactivate[:REPORT_LINES]
        ],
    }


def _finish(job: EmployeeImport, *, state: str, report: dict, done: int) -> None:
    EmployeeImport.objects.filter(pk=job.pk).update(
        state=state,
        report=report,
        done=done,
        total=max(done, job.total),
        data=b"",  # the file's personal data is not kept once the report says what it did
        error="",
        finished_at=timezone.now(),
    )
    log(
        instance=job,
        action=IMPORT_FINISH_ACTION,
        user=job.requested_by,
        data={"state": state, "counts": report.get("counts", {}), "errors": len(report["errors"])},
    )


def employee_import_run(*, job: EmployeeImport) -> EmployeeImport:
    """Apply a confirmed import all or nothing, with progress; safe to run again.

    One transaction holds every change and the job's final state, so a worker killed half-way
    leaves nothing behind and the redelivered task starts over; a finished job is left as it
    is. The file is checked again against the people as they are now: a line that became bad
    since the preview (an e-mail given to someone else meanwhile) fails the whole file.
    """
    job = EmployeeImport.objects.select_related("requested_by").get(pk=job.pk)
    if job.confirmed_at is None or job.state == EmployeeImport.State.DONE:
        return job
    if job.state == EmployeeImport.State.FAILED and job.report.get("errors"):
        return job  # a file with bad lines stays refused; running it again changes nothing
    rows = EmployeeImport.objects.filter(pk=job.pk)
    rows.exclude(state=EmployeeImport.State.DONE).update(
        state=EmployeeImport.State.RUNNING, done=0, error=""
    )
    progress = SideProgress(job)
    imported_by = job.requested_by
    try:
        with translation.override(imported_by.language or "cs"):
            try:
                with transaction.atomic():
                    _lock(job)
                    if rows.filter(state=EmployeeImport.State.DONE).exists():
                        return rows.get()
                    plan = _validate(
                        bytes(job.data),
                        deactivate_missing=job.deactivate_missing,
                        imported_by=imported_by,
                    )
                    if not plan.ok:
                        _finish(
                            job, state=EmployeeImport.State.FAILED, report=_report(plan), done=0
                        )
                        return rows.get()
                    total = len(plan.changes) + len(plan.deactivate)
                    progress.start(total)
                    _apply(plan, imported_by=imported_by, progress=progress)
                    _finish(job, state=EmployeeImport.State.DONE, report=_report(plan), done=total)
            except ApplyError as exc:
                # Rolled back: report the line the database refused, and write only that.
                plan.errors.append(importing.LineError(exc.line, [_refused_line()]))
                plan.changes, plan.deactivate = [], []
                _finish(job, state=EmployeeImport.State.FAILED, report=_report(plan), done=0)
    except Exception as exc:
        # Shown on the result page instead of a bar that never moves; the task may retry.
        logger.exception("Employee import %s failed", job.pk)
        rows.exclude(state=EmployeeImport.State.DONE).update(
            state=EmployeeImport.State.FAILED, error=type(exc).__name__, finished_at=timezone.now()
        )
        raise
    finally:
        progress.close()
    return rows.get()


def _import_log(user: User, change: str, fields, imported_by: User | None) -> None:
    # One entry per person the file changed, so the history of each account shows it.
    log(
        instance=user,
        action=IMPORT_ACTION,
        user=imported_by,
        data={"change": change, "fields": sorted(fields)},
    )


class ApplyError(Exception):
    """The database refused a line the checks had passed (someone took its e-mail meanwhile)."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def _apply(plan: importing.ImportPlan, *, imported_by: User | None = None, progress=None) -> None:
    """Write the plan; call it inside a transaction. `progress(done)` hears of each row."""
    try:
        _apply_rows(plan, imported_by=imported_by, progress=progress or (lambda done: None))
    except IntegrityError as exc:
        line = getattr(exc, "import_line", 0)
        raise ApplyError(line) from exc


def _apply_rows(plan: importing.ImportPlan, *, imported_by: User | None, progress) -> None:
    by_number: dict[str, User] = {
        u.personal_number: u
        for u in User.objects.select_for_update().filter(
            personal_number__in=[c.row.personal_number for c in plan.changes]
        )
    }
    employees = Group.objects.get(name=EMPLOYEE)
    for done, change in enumerate(plan.changes, 1):
        progress(done)
        row = change.row
        user = by_number.get(row.personal_number)
        if user is None:
            user = User(personal_number=row.personal_number, language=User.Language.CZECH)
            # Accounts come from HR: no password until the person sets one (reset or SSO).
            user.set_unusable_password()
        elif not change.fields:
            continue
        user.first_name, user.last_name, user.email = row.first_name, row.last_name, row.email
        user.workplace_id = row.workplace_id
        user.is_active = True
        if row.job_title is not None:
            user.job_title = row.job_title
        if row.is_management is not None:
            user.is_management = row.is_management
        try:
            user.save()
        except IntegrityError as exc:
            exc.import_line = row.line  # which line the report names
            raise
        if change.person is None:
            user.groups.add(employees)
        _import_log(
            user, "created" if change.person is None else "updated", change.fields, imported_by
        )
        by_number[row.personal_number] = user

    # Managers second: a manager may stand on a later line than their people.
    for change in plan.changes:
        number = change.row.manager_number
        if number is None or (change.person is not None and "manager" not in change.fields):
            continue
        user = by_number[change.row.personal_number]
        manager = (
            by_number.get(number) or User.objects.filter(personal_number=number).first()
            if number
            else None
        )
        if user.manager_id != (manager.pk if manager else None):
            user.manager = manager
            user.save(update_fields=["manager"])

    for done, person in enumerate(plan.deactivate, len(plan.changes) + 1):
        progress(done)
        user = User.objects.get(pk=person.id)
        user.is_active = False
        user.save(update_fields=["is_active"])
        _import_log(user, "deactivated", ["is_active"], imported_by)


def mfa_reset(*, user: User, reset_by: User) -> int:
    """Removes every second factor of a person who lost their device; the audit log keeps it.

    The person enrols again at their next login (staff are forced to). Returns how many
    authenticators (TOTP, security keys, recovery codes) were removed.
    """
    from allauth.mfa.models import Authenticator
    from wagtail.log_actions import log

    with transaction.atomic():
        authenticators = Authenticator.objects.select_for_update().filter(user=user)
        kinds = sorted(set(authenticators.values_list("type", flat=True)))
        removed, _detail = authenticators.delete()
        log(
            instance=user,
            action="organisation.mfa_reset",
            user=reset_by,
            data={"removed": removed, "types": kinds},
        )
    return removed
