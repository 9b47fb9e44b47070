"""`manage.py import_employees FILE.csv [--dry-run] [--deactivate-missing]`: HR's CSV import."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from organisation.services import employees_import


class Command(BaseCommand):
    help = (
        "Import employees from a CSV file (UTF-8, comma or semicolon separated), matched by "
        "personal number. A bad line rejects the whole file and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; write nothing."
        )
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="Deactivate active employees missing from the file (records are kept).",
        )

    def handle(self, *args, file: Path, dry_run: bool, deactivate_missing: bool, **options):
        translation.activate(settings.LANGUAGE_CODE)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": exc}
            ) from exc
        plan = employees_import(data=data, dry_run=dry_run, deactivate_missing=deactivate_missing)
        self.stdout.write(
            _("%(file)s: %(encoding)s, separator “%(delimiter)s”, %(rows)d employees.")
            % {
                "file": file,
                "encoding": plan.encoding,
                "delimiter": plan.delimiter.replace("\t", "TAB"),
                "rows": len(plan.rows),
            }
        )
        if plan.ignored_columns:
            self.stdout.write(
                _("Ignored columns: %(columns)s") % {"columns": ", ".join(plan.ignored_columns)}
            )
        if not plan.ok:
            for error in plan.errors:
                for message in error.messages:
                    self.stderr.write(
                        _("line %(line)d: %(message)s") % {"line": error.line, "message": message}
                    )
            raise CommandError(_("The file was not imported: nothing was written."))
        summary = _(
            "%(created)d new, %(updated)d changed (%(moved)d moved to another workplace), "
            "%(unchanged)d unchanged, %(deactivated)d deactivated."
        ) % {
            "created": len(plan.created),
            "updated": len(plan.updated),
            "moved": len(plan.moved),
            "unchanged": plan.unchanged,
            "deactivated": len(plan.deactivate),
        }
        if dry_run:
            self.stdout.write(
                _("Dry run, nothing was written. It would be: %(summary)s") % {"summary": summary}
            )
        else:
            self.stdout.write(self.style.SUCCESS(_("Imported: %(summary)s") % {"summary": summary}))
