"""Creates the page structure and the default risk catalogue; idempotent, safe in production."""

from django.core.management.base import BaseCommand

from elearning.site_setup import site_setup
from risk.catalogue import catalogue_seed


class Command(BaseCommand):
    help = "Create the home page, the course catalogue and the default risk categories if missing."

    def handle(self, *args, **options):
        home, index = site_setup()
        self.stdout.write(f"Home page: {home.url_path}, course catalogue: {index.url_path}")
        self.stdout.write(f"Risk categories created: {catalogue_seed()}")
