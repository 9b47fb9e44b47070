"""Who may see whose training records: derived from the viewer alone, never from the request.

Whoever holds the permission reports.view_all_training_records (HR and the security manager,
by organisation/roles.py) sees everyone. A manager sees their whole reporting line: the people
whose `manager` is them, and those people's reports, and so on down. We chose the reporting
line rather than a workplace subtree because the organisation model records who
manages whom (`User.manager`, filled by HR's import) but not who heads which workplace; a
head of department thus sees the heads of section below them and their people, and nobody in
a neighbouring department, even when one of their people sits in a workplace elsewhere.
Everybody else (an employee without reports, a course editor) sees nobody but themself.

The reporting line is one recursive SQL subquery (SQLite and PostgreSQL both run it), so a
scope adds no query to a page whatever the size of the team.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from organisation.models import User, Workplace

from .permissions import ALL_TRAINING_RECORDS

EVERYONE = "everyone"
TEAM = "team"


@dataclass(frozen=True)
class Scope:
    """The set of people a viewer may report on; `kind` is EVERYONE or TEAM."""

    viewer_id: int
    kind: str

    @property
    def everyone(self) -> bool:
        return self.kind == EVERYONE

    def user_ids(self) -> RawSQL | None:
        """A subquery of the ids in a team, or None for everyone (no restriction needed)."""
        if self.everyone:
            return None
        return reporting_line_sql(self.viewer_id)

    def users(self, queryset: QuerySet | None = None) -> QuerySet:
        queryset = User.objects.all() if queryset is None else queryset
        ids = self.user_ids()
        return queryset if ids is None else queryset.filter(pk__in=ids)

    def restrict(self, queryset: QuerySet, user_field: str = "user") -> QuerySet:
        """Any queryset with a foreign key to the user, narrowed to the people in scope."""
        ids = self.user_ids()
        return queryset if ids is None else queryset.filter(**{f"{user_field}__in": ids})

    def workplaces(self) -> QuerySet:
        """The workplaces a viewer may filter by: all, or those of the team and their ancestors.

        Ancestors are offered so that a head of department can pick the department and see
        their people across its sections; picking it never adds anybody outside the team.
        """
        everything = Workplace.objects.all().order_by("path")
        if self.everyone:
            return everything
        steplen = Workplace.steplen
        paths = set(
            self.users()
            .exclude(workplace=None)
            .values_list("workplace__path", flat=True)
            .distinct()
        )
        prefixes = {p[:n] for p in paths for n in range(steplen, len(p) + 1, steplen)}
        return everything.filter(path__in=sorted(prefixes))


def reporting_line_sql(manager_id: int) -> RawSQL:
    """Ids of everyone below `manager_id` in the reporting line, the manager excluded.

    UNION (not UNION ALL) drops rows already seen, so a cycle in bad data (A manages B, B
    manages A) ends the recursion instead of looping.
    """
    table = connection.ops.quote_name(User._meta.db_table)
    sql = (
        "WITH RECURSIVE line(id) AS ("  # noqa: S608 - table name from model meta, id a param  # nosec B608
        f"SELECT id FROM {table} WHERE manager_id = %s "
        f"UNION SELECT u.id FROM {table} u JOIN line ON u.manager_id = line.id"
        ") SELECT id FROM line WHERE id <> %s"
    )
    return RawSQL(sql, (manager_id, manager_id))  # noqa: S611 - fixed SQL, the id is a parameter  # nosec B611


def scope_for(user) -> Scope | None:
    """The viewer's scope, or None when they may report on nobody but themself."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.has_perm(ALL_TRAINING_RECORDS):
        return Scope(viewer_id=user.pk, kind=EVERYONE)
    if User.objects.filter(manager_id=user.pk).exists():
        return Scope(viewer_id=user.pk, kind=TEAM)
    return None


def can_see_person(scope: Scope | None, viewer, person_id: int) -> bool:
    """The person themself, or someone in the viewer's scope (one query at most)."""
    if viewer.is_authenticated and viewer.pk == person_id:
        return True
    if scope is None:
        return False
    return scope.users().filter(pk=person_id).exists()
