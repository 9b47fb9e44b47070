"""`manage.py import_questions FILE --bank NAME`: import a Moodle XML or GIFT file wholly."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from quizzes.importers import ImportFileError
from quizzes.services import questions_import


class Command(BaseCommand):
    help = "Import single, multiple choice and true/false questions into a bank (created if new)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Moodle XML (.xml) or GIFT (.gift, .txt)")
        parser.add_argument("--bank", required=True, help="name of the question bank")

    def handle(self, *args, file: Path, bank: str, **options):
        if not bank.strip():
            raise CommandError("--bank must name a bank.")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        try:
            report = questions_import(bank_name=bank, data=data, filename=file.name)
        except ImportFileError as error:
            lines = [
                (f"line {p.line}: " if p.line else "") + gettext(p.message) % dict(p.params)
                for p in error.problems
            ]
            raise CommandError(
                f"{file.name} was refused; nothing was imported.\n  " + "\n  ".join(lines)
            ) from error
        for skipped in report.skipped:
            where = f"question {skipped.position}" + (
                f", line {skipped.line}" if skipped.line else ""
            )
            self.stdout.write(
                f"skipped {skipped.name!r} ({skipped.qtype}, {where}): {gettext(skipped.reason)}"
            )
        for duplicate in report.duplicates:
            self.stdout.write(
                f"already in the bank: {duplicate.name!r} (question {duplicate.position})"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.created} questions imported into {report.bank.name!r}; "
                f"{len(report.skipped)} skipped, {len(report.duplicates)} already there."
            )
        )
