"""`manage.py run_job NAME`: run one of the scheduled jobs now and send its e-mails."""

from django.core.management.base import BaseCommand, CommandError

from automation import services


class Command(BaseCommand):
    help = "Run a PDCA job now: " + ", ".join(services.JOBS)

    def add_arguments(self, parser):
        parser.add_argument("name", choices=sorted(services.JOBS))
        parser.add_argument(
            "--no-send", action="store_true", help="Leave the e-mails in the outbox."
        )

    def handle(self, *args, name, no_send, **options):
        try:
            run = services.job_run(name=name)
        except KeyError as exc:
            raise CommandError(f"Unknown job {name}") from exc
        self.stdout.write(f"{name}: {run.summary}")
        if not no_send:
            sent = services.outbox_flush(limit=10_000)
            self.stdout.write(f"e-mails: sent {sent['sent']}, failed {sent['failed']}")
