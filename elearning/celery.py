"""The Celery application: configuration comes from Django settings (CELERY_*)."""

import os

from celery import Celery, signals
from kombu.transport import TRANSPORT_ALIASES

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elearning.settings.dev")

# redis:// and rediss:// use the transport that survives a Redis restart (see broker.py).
TRANSPORT_ALIASES["redis"] = TRANSPORT_ALIASES["rediss"] = "elearning.broker:Transport"

app = Celery("elearning")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.celeryd_init.connect
def _worker_without_statement_timeout(**kwargs):
    """The web's statement timeout is for requests; a worker's batch queries may take longer."""
    from django.conf import settings

    options = settings.DATABASES["default"].get("OPTIONS", {})
    if "statement_timeout" in options.get("options", ""):
        del options["options"]
