"""Settings for `make run` on a developer's machine: no servers, SQLite and a filesystem broker."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# A fixed development key: dev settings are never used in production (see production.py).
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")  # noqa: S105
# Identity (issue 11): security keys and passkeys over plain http on 127.0.0.1 in the demo.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
