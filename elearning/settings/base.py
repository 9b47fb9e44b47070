"""Settings shared by every environment; everything that differs comes from the environment."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "elearning",
    "core",
    "organisation",
    "risk",
    "courses",
    "scorm",
    "quizzes",
    "certificates",
    "xapi",
    "automation",
    "reports",
    "phishing",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "organisation.wagtail_users.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    # Background work
    "django_celery_beat",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "elearning.urls"
WSGI_APPLICATION = "elearning.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "organisation.context_processors.navigation",
            ],
        },
    },
]

# SQLite is the no-server default; WAL lets the web process and the Celery worker share it.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "organisation.User"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# allauth: e-mail login, no open sign-up (accounts come from HR imports or SSO).
ACCOUNT_ADAPTER = "organisation.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "courses:my_training"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"

LANGUAGE_CODE = "cs"
LANGUAGES = [("cs", _("Czech")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Prague"
# One numeric date format in Czech (1. 12. 2026 14:05) instead of Django's three.
FORMAT_MODULE_PATH = ["elearning.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="skoleni@example.cz")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Rate limits must be shared by every process: the database cache by default (`make run` runs
# createcachetable), Redis in production (CACHE_URL=rediscache://...).
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://elearning_cache")}

# Celery: filesystem broker under var/ by default, Redis in production (CELERY_BROKER_URL).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "control_folder": str(VAR_DIR / "broker-control"),
    }
elif CELERY_BROKER_URL.startswith("redis"):
    # Above the longest task, so a late-acked task is not redelivered while still running.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 60 * 60}
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
DJANGO_CELERY_BEAT_TZ_AWARE = True

WAGTAIL_SITE_NAME = "Bezpečnostní vzdělávání"
WAGTAILADMIN_BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")
BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"  # see the security headers block below
SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Wagtail logs every background search/reference task at INFO.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

# --- Phishing simulation (issue 15)
# The footer of every e-mail the product sends links here, to practise reporting.
REPORT_PHISHING_PATH = "/phishing/report/"

# --- Directory sync (issue 11): people from LDAP / Active Directory (organisation/directory*.py).
# Off while LDAP_URL is empty. LDAP_ATTRIBUTE_MAP overrides the field -> attribute map, e.g.
# "personal_number=employeeID,workplace=department" for Active Directory (see
# organisation/directory.py). Disabled accounts: AD's userAccountControl bit 2 by default; for
# OpenLDAP name the attribute and its "disabled" values (LDAP_DISABLED_ATTRIBUTE=employeeType,
# LDAP_DISABLED_VALUES=disabled). A run that would deactivate more than
# DIRECTORY_SYNC_MAX_DEACTIVATE_PERCENT of the active people stops until confirmed.
# xAPI (issue 14): statements are kept here; with an LRS they are also forwarded to it.
XAPI_LRS_URL = env("XAPI_LRS_URL", default="")
XAPI_LRS_USERNAME = env("XAPI_LRS_USERNAME", default="")
XAPI_LRS_PASSWORD = env("XAPI_LRS_PASSWORD", default="")

LDAP_URL = env("LDAP_URL", default="")
LDAP_BIND_DN = env("LDAP_BIND_DN", default="")
LDAP_BIND_PASSWORD = env("LDAP_BIND_PASSWORD", default="")
LDAP_BASE_DN = env("LDAP_BASE_DN", default="")
LDAP_USER_FILTER = env("LDAP_USER_FILTER", default="(objectClass=person)")
LDAP_START_TLS = env.bool("LDAP_START_TLS", default=False)
LDAP_TIMEOUT = env.int("LDAP_TIMEOUT", default=10)
LDAP_ATTRIBUTE_MAP = env.dict("LDAP_ATTRIBUTE_MAP", default={})
LDAP_DISABLED_ATTRIBUTE = env("LDAP_DISABLED_ATTRIBUTE", default="userAccountControl")
LDAP_DISABLED_VALUES = env.list("LDAP_DISABLED_VALUES", default=[])
# The code of the workplace under which the directory's OUs are placed; empty: at the top.
LDAP_WORKPLACE_ROOT = env("LDAP_WORKPLACE_ROOT", default="")
DIRECTORY_SYNC_MAX_DEACTIVATE_PERCENT = env.float(
    "DIRECTORY_SYNC_MAX_DEACTIVATE_PERCENT", default=10.0
)

# --- Identity (issue 11): single sign-on, MFA for staff, login rate limits behind proxies ---
INSTALLED_APPS += [
    "allauth.socialaccount",
    "allauth.socialaccount.providers.saml",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
]
# After AccountMiddleware: employees get a clear 403 at /admin/ (not a redirect loop), and
# staff without a second factor reach nothing but the enrolment pages.
MIDDLEWARE += [
    "organisation.middleware.AdminAccessMiddleware",
    "organisation.middleware.StaffMFAMiddleware",
]
SOCIALACCOUNT_ADAPTER = "organisation.sso.SocialAccountAdapter"
# Linking happens in the adapter (by e-mail or personal number); allauth asks nothing more.
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_ONLY = False
# An unknown person is refused unless the office lets SSO create accounts.
SSO_AUTO_PROVISION = env.bool("SSO_AUTO_PROVISION", default=False)
# Where a directory sends the personal number (SAML attribute names or OIDC claims).
SSO_PERSONAL_NUMBER_CLAIMS = env.list(
    "SSO_PERSONAL_NUMBER_CLAIMS",
    default=[
        "personal_number",
        "personalNumber",
        "employeeNumber",
        "employee_number",
        "employeeID",
        "http://schemas.microsoft.com/ws/2008/06/identity/claims/employeeid",
        "urn:oid:2.16.840.1.113730.3.1.3",
    ],
)
# Off: employees sign in only through SSO; staff with organisation.use_password_login
# (break-glass accounts) and superusers keep their password.
PASSWORD_LOGIN_FOR_EMPLOYEES = env.bool("PASSWORD_LOGIN_FOR_EMPLOYEES", default=True)
_SAML_ATTRIBUTES = {
    "uid": ["urn:oasis:names:tc:SAML:attribute:subject-id", "uid", "objectGUID"],
    "email": [
        "email",
        "urn:oid:0.9.2342.19200300.100.1.3",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    ],
    "first_name": [
        "firstName",
        "urn:oid:2.5.4.42",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
    ],
    "last_name": [
        "lastName",
        "urn:oid:2.5.4.4",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
    ],
}
_SSO_APPS = {"saml": [], "openid_connect": []}
if env("SSO_SAML_IDP_METADATA_URL", default="") or env("SSO_SAML_IDP_SSO_URL", default=""):
    _SSO_APPS["saml"].append(
        {
            "name": env("SSO_SAML_NAME", default="Active Directory (SAML)"),
            "provider_id": "urn:" + env("SSO_SAML_SLUG", default="office"),
            "client_id": env("SSO_SAML_SLUG", default="office"),
            "settings": {
                "attribute_mapping": _SAML_ATTRIBUTES,
                "use_nameid_for_email": env.bool("SSO_SAML_NAMEID_IS_EMAIL", default=False),
                "idp": {
                    "entity_id": env("SSO_SAML_IDP_ENTITY_ID", default=""),
                    "metadata_url": env("SSO_SAML_IDP_METADATA_URL", default="") or None,
                    "sso_url": env("SSO_SAML_IDP_SSO_URL", default=""),
                    "x509cert": env("SSO_SAML_IDP_X509CERT", default=""),
                },
                "sp": {"entity_id": env("SSO_SAML_SP_ENTITY_ID", default="") or None},
                "advanced": {"want_assertion_signed": True, "want_attribute_statement": False},
            },
        }
    )
if env("SSO_OIDC_SERVER_URL", default=""):
    _SSO_APPS["openid_connect"].append(
        {
            "name": env("SSO_OIDC_NAME", default="Microsoft Entra ID"),
            "provider_id": env("SSO_OIDC_ID", default="office"),
            "client_id": env("SSO_OIDC_CLIENT_ID"),
            "secret": env("SSO_OIDC_SECRET"),
            "settings": {
                "server_url": env("SSO_OIDC_SERVER_URL"),
                "scope": ["openid", "profile", "email"],
                "oauth_pkce_enabled": True,
            },
        }
    )
SOCIALACCOUNT_PROVIDERS = {
    "saml": {"APPS": _SSO_APPS["saml"]},
    "openid_connect": {"APPS": _SSO_APPS["openid_connect"], "OAUTH_PKCE_ENABLED": True},
}

# MFA (allauth.mfa): TOTP, WebAuthn/passkeys, recovery codes. Required for staff (anyone with
# wagtailadmin.access_admin) where MFA_REQUIRED_FOR_STAFF is on: production.py turns it on.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="Bezpečnostní vzdělávání")
MFA_REQUIRED_FOR_STAFF = env.bool("MFA_REQUIRED_FOR_STAFF", default=False)

# Logins for a whole office behind one NAT address: the per-address limits are wide (1,500
# people at 8:00), the per-account limit on wrong passwords is tight and ignores the address.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ACCOUNT_RATE_LIMITS = {
    "login": env("RATE_LIMIT_LOGIN", default="3000/m/ip"),
    "login_failed": env("RATE_LIMIT_LOGIN_FAILED", default="300/m/ip,5/5m/key"),
}

# --- Personal data (GDPR, issue 12 item 9) ---
# Days after a person's last trace (leaving, last login) before the nightly purge erases their
# personal data (organisation/erasure.py); statistics keep the records under a pseudonym.
PERSONAL_DATA_RETENTION_DAYS = env.int("PERSONAL_DATA_RETENTION_DAYS", default=3 * 365)

# --- Reliability (issue 16): broker reconnects, cache outages, timeouts -------------------
# A worker keeps retrying the broker, at start-up as after a loss, instead of exiting after
# 100 tries (scripts/run.sh and the systemd units restart it if it exits all the same).
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# A running task is left to finish when the broker connection drops (jobs are keyed, so a
# redelivered copy does no harm, and cancelling would lose the work if Redis lost its data).
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
# With CACHE_URL on Redis, a Redis outage degrades to no cache (core/cache.py) instead of
# failing every page; short socket timeouts keep a hung Redis from holding requests.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "core.cache.FailSafeRedisCache"
    CACHES["default"].setdefault("OPTIONS", {})
    CACHES["default"]["OPTIONS"].setdefault("socket_connect_timeout", 1)
    CACHES["default"]["OPTIONS"].setdefault("socket_timeout", 1)
# Publishing a task gives up after about a second when the broker is away; the caller logs
# it (core/enqueue.py) and the catch-up job redoes the work.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 3,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# A database that accepts and never answers must not hold every web worker: PostgreSQL
# connections give up after DATABASE_CONNECT_TIMEOUT s and web statements after
# DATABASE_STATEMENT_TIMEOUT_MS (0: none); Celery workers drop the statement timeout
# (elearning/celery.py), their batch jobs run in chunks of their own.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _db_options.setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5))
    _statement_ms = env.int("DATABASE_STATEMENT_TIMEOUT_MS", default=30_000)
    if _statement_ms:
        _db_options["options"] = f"-c statement_timeout={_statement_ms}"
# MAINTENANCE_MODE=1 answers every request with the 503 page (templates/503.html).
MAINTENANCE_MODE = env.bool("MAINTENANCE_MODE", default=False)
# After SecurityMiddleware; production puts WhiteNoise before it, so the page keeps its CSS.
MIDDLEWARE.insert(1, "core.errors.MaintenanceModeMiddleware")
# Exactly one beat, and no period sent twice by a restarted beat (elearning/beat.py).
CELERY_BEAT_SCHEDULER = "elearning.beat:SingleBeatScheduler"
BEAT_LOCK_FILE = env.path("BEAT_LOCK_FILE", default=str(VAR_DIR / "beat.lock"))
# Long jobs run in slices (then continue as a new task) and the outbox flush in batches, so
# no task runs for long and the visibility timeout can be minutes, not two hours: a task
# whose worker died is redelivered after it, and its interrupted job run is resumed.
AUTOMATION_JOB_SLICE_SECONDS = env.int("AUTOMATION_JOB_SLICE_SECONDS", default=120)
AUTOMATION_FLUSH_BATCH = env.int("AUTOMATION_FLUSH_BATCH", default=1000)
if CELERY_BROKER_URL.startswith("redis"):
    CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] = env.int(
        "CELERY_VISIBILITY_TIMEOUT", default=5 * 60
    )

# --- Security headers (issue 12, point 1) ---------------------------------------------------
# Content-Security-Policy by django-csp 4 on every page, the Wagtail admin included: scripts
# only from our origin (or carrying the request's nonce), no inline script anywhere (Wagtail's
# own inline initialisers run from static/js/admin_csp.js, see elearning/csp.py), no plugins,
# no framing. A view that must be framed by our own pages (the SCORM player) is decorated
# with Django's xframe_options_sameorigin, which also turns frame-ancestors into 'self'.
from csp.constants import NONCE  # noqa: E402 - kept in this block

MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "elearning.csp.ContentSecurityPolicyMiddleware",
)
INSTALLED_APPS.append("csp")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        # Wagtail's admin draws icons and previews from data: URLs; uploads are served by us.
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
    },
}
# No avatars from gravatar.com: staff e-mail hashes stay here, and img-src stays 'self'.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin's "new Wagtail release" check fetches releases.wagtail.org from the browser; our
# connect-src is 'self', and upgrades are the operator's decision, not a banner's.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Uploads bounded before processing (issue 12, point 2) ----------------------------------
# One limit for every uploaded file: images, documents, question banks, employee lists and
# (later) SCORM packages. core.uploads.BoundedUploadHandler stops keeping a file past it, and
# the forms refuse it before decoding or importing anything.
MAX_UPLOAD_BYTES = env.int("MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "core.uploads.BoundedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Form fields other than files (Django's default, 2.5 MB), and files above 2.5 MB go to disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
WAGTAILIMAGES_MAX_UPLOAD_SIZE = MAX_UPLOAD_BYTES
# A decompression bomb: a small file that claims a huge canvas (40 megapixels is a 7,300 x
# 5,500 photo); Wagtail refuses it from the header, before decoding the pixels.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("MAX_IMAGE_PIXELS", default=40_000_000)
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.BoundedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.BoundedDocumentForm"
# Documents editors attach to lessons: office formats and PDF, no HTML, SVG or executables.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"]
# Lesson video and audio (courses.blocks.MediaFileBlock) and their WebVTT captions.
WAGTAILDOCS_EXTENSIONS += ["mp4", "webm", "mp3", "m4a", "ogg", "wav", "vtt"]
