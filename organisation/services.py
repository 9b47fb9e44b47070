"""Operations that change people: the employee import, all or nothing in one transaction."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.log_actions import log

from . import importing
from .models import User, Workplace
from .roles import EMPLOYEE

IMPORT_ACTION = "organisation.import"
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
    with transaction.atomic():
        plan = importing.validate(
            data,
            workplaces=_workplace_refs(),
            people=_people(),
            deactivate_missing=deactivate_missing,
            keep_active_ids=[imported_by.pk] if imported_by is not None else [],
        )
        if not plan.ok or dry_run:
            return plan
        _apply(plan, imported_by=imported_by)
    return plan


def _import_log(user: User, change: str, fields, imported_by: User | None) -> None:
    # One entry per person the file changed, so the history of each account shows it.
    log(
        instance=user,
        action=IMPORT_ACTION,
        user=imported_by,
        data={"change": change, "fields": sorted(fields)},
    )


def _apply(plan: importing.ImportPlan, *, imported_by: User | None = None) -> None:
    by_number: dict[str, User] = {
        u.personal_number: u
        for u in User.objects.select_for_update().filter(
            personal_number__in=[c.row.personal_number for c in plan.changes]
        )
    }
    employees = Group.objects.get(name=EMPLOYEE)
    for change in plan.changes:
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
        user.save()
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

    for person in plan.deactivate:
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
