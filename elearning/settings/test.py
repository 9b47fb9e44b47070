"""Settings for the test suite: SQLite in memory and the memory broker unless CI says otherwise."""

import os

os.environ.setdefault("CELERY_BROKER_URL", "memory://")

from .base import *  # noqa: E402, F403
from .base import env  # noqa: E402

SECRET_KEY = "test-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if env("EMAIL_FILE_PATH", default=""):
    # A real worker process (the fault test) writes its e-mails where the test can count them.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests run Celery tasks in-process unless a test starts a real worker (celery.contrib.testing).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
ACCOUNT_RATE_LIMITS = {}
LANGUAGE_CODE = "cs"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}
# Identity (issue 11): tests use the in-process cache; the rate-limit tests switch to the
# database cache or Redis themselves. MFA enforcement is switched on by the tests that test it.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
MFA_REQUIRED_FOR_STAFF = False
if env("EMAIL_URL", default=""):
    # A worker process started by a reliability test talks to the test's real SMTP server.
    vars().update(env.email_url("EMAIL_URL"))
