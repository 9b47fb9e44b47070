"""The directory sync: reads LDAP / AD, applies it through the employee import, records the run.

One run is one transaction. The directory's entries become the employee import's CSV
(organisation/directory.py), so `services.employees_import` checks and applies them: a bad entry
rejects the whole run with a per-entry report, people missing from the directory or disabled in
it are deactivated (never deleted), movers get their new workplace's plan through the import's
model saves. The sync adds what the CSV cannot: workplaces for OUs not seen before, and a guard
that stops a run deactivating more than a set share of the active people (an empty or renamed
OU, a wrong base DN) until someone confirms it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import directory, directory_ldap, importing, services
from .models import DirectorySync, User, Workplace

logger = logging.getLogger(__name__)

SYNC_ACTION = "organisation.directory_sync"
# Two runs at once (the schedule and a click in the admin) take turns: the second then finds
# the people as the first left them. SQLite's IMMEDIATE transactions already serialise writers.
_ADVISORY_LOCK = 0x6C646170  # "ldap"


class DirectoryNotConfigured(Exception):
    """LDAP_URL or LDAP_BASE_DN is not set."""


def directory_configured() -> bool:
    return bool(settings.LDAP_URL and settings.LDAP_BASE_DN)


def _config() -> directory.Config:
    attributes = dict(directory.DEFAULT_ATTRIBUTES)
    unknown = set(settings.LDAP_ATTRIBUTE_MAP) - set(attributes)
    if unknown:
        raise DirectoryNotConfigured(
            _("LDAP_ATTRIBUTE_MAP names unknown fields: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))}
        )
    attributes.update(settings.LDAP_ATTRIBUTE_MAP)
    return directory.Config(
        base_dn=settings.LDAP_BASE_DN,
        attributes=attributes,
        disabled_attribute=settings.LDAP_DISABLED_ATTRIBUTE,
        disabled_values=frozenset(settings.LDAP_DISABLED_VALUES),
    )


def _server() -> directory_ldap.ServerConfig:
    number = settings.LDAP_ATTRIBUTE_MAP.get(
        "personal_number", directory.DEFAULT_ATTRIBUTES["personal_number"]
    )
    return directory_ldap.ServerConfig(
        url=settings.LDAP_URL,
        bind_dn=settings.LDAP_BIND_DN,
        password=settings.LDAP_BIND_PASSWORD,
        base_dn=settings.LDAP_BASE_DN,
        # People without a personal number (service accounts) are not asked for at all.
        search_filter=f"(&{settings.LDAP_USER_FILTER}({number}=*))",
        start_tls=settings.LDAP_START_TLS,
        timeout=settings.LDAP_TIMEOUT,
    )


def _slug_free(base: str, taken: set[str]) -> str:
    base = base[:50].strip("-") or "pracoviste"
    code, n = base, 2
    while code in taken:
        suffix = f"-{n}"
        code, n = base[: 50 - len(suffix)] + suffix, n + 1
    taken.add(code)
    return code


def _workplaces_ensure(
    paths: set[tuple[str, ...]], *, root: Workplace | None
) -> tuple[dict[tuple[str, ...], str], list[str]]:
    """The code of the workplace at each OU path (under the root), created when missing."""
    nodes = list(Workplace.objects.order_by("path").values_list("pk", "path", "name", "code"))
    pk_at = {path: pk for pk, path, _name, _code in nodes}
    taken = {code for _pk, _path, _name, code in nodes}

    def key(name: str) -> str:
        return " ".join(name.split()).casefold()

    # Keyed by the parent's id: treebeard keeps siblings sorted by name, so adding one may
    # renumber the materialised paths of others, never their ids.
    children: dict[tuple[int | None, str], tuple[int, str]] = {}
    for pk, path, name, code in nodes:
        parent_pk = pk_at.get(path[: -Workplace.steplen])
        children[(parent_pk, key(name))] = (pk, code)
    codes: dict[tuple[str, ...], str] = {}
    created: list[str] = []
    for path in sorted(paths, key=lambda p: (len(p), p)):
        parent = (root.pk, root.code) if root is not None else None
        for depth, name in enumerate(path):
            found = children.get((parent[0] if parent else None, key(name)))
            if found is None:
                slug = slugify(name)
                if parent is not None and slug in taken:
                    slug = f"{parent[1]}-{slug}"
                code = _slug_free(slug, taken)
                if parent is None:
                    node = Workplace.add_root(name=name, code=code)
                else:
                    # A fresh parent row: its path and child count may have moved meanwhile.
                    node = Workplace.objects.get(pk=parent[0]).add_child(name=name, code=code)
                found = (node.pk, node.code)
                children[(parent[0] if parent else None, key(name))] = found
                created.append(" / ".join(path[: depth + 1]))
            parent = found
        if parent is not None:
            codes[path] = parent[1]
    return codes, created


@dataclass
class _Outcome:
    status: str
    counts: dict
    report: dict
    error: str = ""


def _person(change: importing.Change) -> dict:
    row = change.row
    return {"personal_number": row.personal_number, "name": f"{row.first_name} {row.last_name}"}


def _active_people() -> int:
    """The people a sync may deactivate: the import's own rule (numbered, not superusers)."""
    return User.objects.filter(
        is_active=True, personal_number__isnull=False, is_superuser=False
    ).count()


def _run(
    *, dry_run: bool, confirm: bool, confirms: DirectorySync | None, triggered_by: User | None
) -> _Outcome:
    config = _config()
    root = None
    if settings.LDAP_WORKPLACE_ROOT:
        root = Workplace.objects.filter(code=settings.LDAP_WORKPLACE_ROOT).first()
        if root is None:
            raise DirectoryNotConfigured(
                _("LDAP_WORKPLACE_ROOT: no workplace has the code “%(code)s”.")
                % {"code": settings.LDAP_WORKPLACE_ROOT}
            )
    reading = directory.entries_read(directory_ldap.search(_server(), config.requested), config)
    counts = {
        "entries": len(reading.entries),
        "disabled": len(reading.disabled),
        "not_employees": reading.not_employees,
    }
    if not reading.enabled:
        # Never "everyone left": a wrong base DN or filter, an unreadable directory.
        return _Outcome(
            DirectorySync.Status.REJECTED,
            counts,
            {"errors": [], "warnings": []},
            error=_("The directory returned no active people under %(base)s; nothing was changed.")
            % {"base": config.base_dn},
        )
    codes, workplaces_created = _workplaces_ensure(
        {e.workplace_path for e in reading.enabled if e.workplace_path}, root=root
    )
    if root is not None:
        codes[()] = root.code  # people directly under the base DN belong to the root
    known = User.objects.filter(personal_number__isnull=False).values_list(
        "personal_number", flat=True
    )
    source = directory.import_input(
        reading,
        workplace_codes=codes,
        known_numbers=known,
        with_job_title=bool(config.attribute("job_title")),
    )
    keep = {"imported_by": triggered_by, "deactivate_missing": True}
    plan = services.employees_import(data=source.data, dry_run=True, **keep)
    errors = {(e.line, e.dn): e for e in source.errors}
    for error in plan.errors:
        entry = source.lines.get(error.line)
        line, dn = (entry.line, entry.dn) if entry else (error.line, "")
        found = errors.setdefault((line, dn), directory.EntryError(line, dn, []))
        found.messages.extend(error.messages)
    report = {
        "errors": [
            {"line": e.line, "dn": e.dn, "messages": e.messages}
            for _key, e in sorted(errors.items())
        ],
        "warnings": source.warnings,
        "workplaces_created": workplaces_created,
    }
    if errors:
        counts["errors"] = len(errors)
        return _Outcome(DirectorySync.Status.REJECTED, counts, report)

    deactivate = sorted(plan.deactivate, key=lambda p: (p.last_name, p.first_name))
    active = _active_people()
    share = 100 * len(deactivate) / active if active else 0.0
    report.update(
        created=[_person(c) for c in plan.created],
        moved=[_person(c) for c in plan.moved],
        updated=[{**_person(c), "fields": c.field_labels} for c in plan.updated],
        deactivate=[
            {"personal_number": p.personal_number, "name": f"{p.first_name} {p.last_name}"}
            for p in deactivate
        ],
        deactivate_share=round(share, 1),
        active=active,
    )
    counts.update(
        created=len(plan.created),
        updated=len(plan.updated),
        moved=len(plan.moved),
        unchanged=plan.unchanged,
        deactivated=len(deactivate),
        workplaces_created=len(workplaces_created),
    )
    limit = settings.DIRECTORY_SYNC_MAX_DEACTIVATE_PERCENT
    if share > limit and not confirm:
        confirmed = set()
        if confirms is not None:
            confirmed = {p["personal_number"] for p in confirms.report.get("deactivate", [])}
        if not {p.personal_number for p in deactivate} <= confirmed:
            return _Outcome(DirectorySync.Status.NEEDS_CONFIRMATION, counts, report)
    if dry_run:
        return _Outcome(DirectorySync.Status.DRY_RUN, counts, report)
    plan = services.employees_import(data=source.data, **keep)
    if not plan.ok:  # the same data in the same transaction: cannot differ, but never guess
        raise RuntimeError(f"employee import refused a checked directory: {plan.errors!r}")
    return _Outcome(DirectorySync.Status.APPLIED, counts, report)


def directory_sync(
    *,
    dry_run: bool = False,
    confirm: bool = False,
    confirms: DirectorySync | None = None,
    triggered_by: User | None = None,
) -> DirectorySync:
    """Sync people from the directory; returns the recorded run (also in Wagtail's audit log).

    Nothing is written unless the run is applied: a dry run, bad entries, an unreachable
    directory or a run stopped by the deactivation guard leave everything as it was.
    `confirm` lets this run pass the guard; `confirms` (a stopped run) lets it pass only if it
    deactivates no one that run did not list.
    """
    if not directory_configured():
        raise DirectoryNotConfigured(
            _("The directory is not configured: set LDAP_URL and LDAP_BASE_DN.")
        )
    started = timezone.now()
    sync = DirectorySync(started_at=started, triggered_by=triggered_by, confirms=confirms)
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK])
            outcome = _run(
                dry_run=dry_run, confirm=confirm, confirms=confirms, triggered_by=triggered_by
            )
            if outcome.status == DirectorySync.Status.APPLIED:
                # The record and the changes commit together, or neither does.
                _record(sync, outcome)
            else:
                transaction.set_rollback(True)
    except directory_ldap.DirectoryError as exc:
        logger.warning("Directory sync failed: %s", exc)
        outcome = _Outcome(DirectorySync.Status.FAILED, {}, {}, error=str(exc))
    if sync.pk is None:
        with transaction.atomic():
            _record(sync, outcome)
    return sync


def _record(sync: DirectorySync, outcome: _Outcome) -> None:
    sync.status, sync.counts, sync.report, sync.error = (
        outcome.status,
        outcome.counts,
        outcome.report,
        outcome.error,
    )
    sync.finished_at = timezone.now()
    sync.save()
    log(
        instance=sync,
        action=SYNC_ACTION,
        user=sync.triggered_by,
        data={"status": sync.status, "counts": sync.counts, "error": sync.error},
    )
