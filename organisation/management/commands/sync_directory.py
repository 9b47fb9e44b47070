"""`manage.py sync_directory [--dry-run] [--confirm]`: people from LDAP / Active Directory."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from organisation import directory_services
from organisation.models import DirectorySync


def summary(counts: dict) -> str:
    return _(
        "new: %(created)d, changed: %(updated)d (moved to another workplace: %(moved)d), "
        "unchanged: %(unchanged)d, deactivated: %(deactivated)d, new workplaces: "
        "%(workplaces_created)d"
    ) % {
        key: counts.get(key, 0)
        for key in (
            "created",
            "updated",
            "moved",
            "unchanged",
            "deactivated",
            "workplaces_created",
        )
    }


class Command(BaseCommand):
    help = (
        "Sync employees from LDAP / Active Directory (LDAP_URL, LDAP_BASE_DN...). A bad entry "
        "rejects the whole run and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and report; write nothing."
        )
        parser.add_argument(
            "--confirm",
            action="store_true",
            help="Allow this run to deactivate more people than the set share.",
        )

    def handle(self, *args, dry_run: bool, confirm: bool, **options):
        translation.activate(settings.LANGUAGE_CODE)
        try:
            sync = directory_services.directory_sync(dry_run=dry_run, confirm=confirm)
        except directory_services.DirectoryNotConfigured as exc:
            raise CommandError(str(exc)) from exc
        counts, report = sync.counts, sync.report
        status = DirectorySync.Status
        if sync.status == status.FAILED:
            raise CommandError(
                _("The directory could not be read: %(error)s") % {"error": sync.error}
            )
        self.stdout.write(
            _("%(base)s: people in the directory: %(entries)d, disabled: %(disabled)d.")
            % {
                "base": settings.LDAP_BASE_DN,
                "entries": counts.get("entries", 0),
                "disabled": counts.get("disabled", 0),
            }
        )
        for warning in report.get("warnings", []):
            self.stdout.write(self.style.WARNING(warning))
        if sync.status == status.REJECTED:
            for error in report.get("errors", []):
                for message in error["messages"]:
                    self.stderr.write(
                        _("entry %(line)d (%(dn)s): %(message)s")
                        % {"line": error["line"], "dn": error["dn"], "message": message}
                        if error["line"]
                        else f"{error['dn']}: {message}"
                    )
            raise CommandError(
                sync.error or _("The directory was not synced: nothing was written.")
            )
        if sync.status == status.NEEDS_CONFIRMATION:
            for person in report.get("deactivate", []):
                self.stderr.write(
                    _("would deactivate: %(name)s (%(number)s)")
                    % {"name": person["name"], "number": person["personal_number"]}
                )
            raise CommandError(
                _(
                    "The sync would deactivate %(count)d of %(active)d active people "
                    "(%(share)s %%), more than the limit of %(limit)s %%. Nothing was written. "
                    "Check the directory, then run again with --confirm."
                )
                % {
                    "count": counts.get("deactivated", 0),
                    "active": report.get("active", 0),
                    "share": report.get("deactivate_share", 0),
                    "limit": settings.DIRECTORY_SYNC_MAX_DEACTIVATE_PERCENT,
                }
            )
        if sync.status == status.DRY_RUN:
            self.stdout.write(
                _("Dry run, nothing was written. It would be: %(summary)s")
                % {"summary": summary(counts)}
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(_("Synced: %(summary)s") % {"summary": summary(counts)})
            )
