"""Creates the page structure (home page, course catalogue with login-only privacy); idempotent."""

from django.core.management.base import BaseCommand

from elearning.site_setup import site_setup


class Command(BaseCommand):
    help = "Create the home page and course catalogue if they do not exist yet."

    def handle(self, *args, **options):
        home, index = site_setup()
        self.stdout.write(f"Home page: {home.url_path}, course catalogue: {index.url_path}")
