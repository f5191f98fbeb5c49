"""Settings shared by every way of running the portal, read from the environment.

With nothing set you get the embedded default: a SQLite file under var/, Celery tasks run
in-process (eager), DEBUG off. Production (settings/production.py) demands the rest.
"""

import os
import secrets
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Where the embedded default keeps its database and local key; production needs none of it.
VAR_DIR = Path(environ.Env().str("COHESION_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()


def _local_secret_key() -> str:
    """A per-installation key kept in var/, so the embedded default needs no secret in the repo."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        with os.fdopen(os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="") or _local_secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, under the project's overrides (FORM_RENDERER)
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_filters",
    "django_tables2",
    "django_celery_beat",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    # The portal's own apps. Dependencies point one way (architecture.md):
    # unions <- contracts, assistance, competitions <- standards <- reports.
    "cohesion_portal",
    "accounts",
    "unions",
    "reminders",
    "contracts",
    "assistance",
    "competitions",
    "standards",
    "reports",
]

# Who works where (roles, the union tree), as the access rules ask it: cohesion_portal.access.
PORTAL_ORGANISATION = "unions.organisation"
# The plan period a day falls in, as T1 asks it: cohesion_portal.plan_periods.
PORTAL_PLAN_PERIODS = "standards.plan_periods"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cohesion_portal.middleware.ChineseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cohesion_portal.middleware.IdleSessionMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cohesion_portal.urls"
WSGI_APPLICATION = "cohesion_portal.wsgi.application"

# Widgets render through the project's templates, so that templates/django/forms/ overrides
# Django's: a form's empty choice reads 请选择, never "---------".
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
# A filter's empty choice reads 全部 (django-filter).
FILTERS_EMPTY_CHOICE_LABEL = _("All")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cohesion_portal.context_processors.portal",
                "reminders.context_processors.open_reminders",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL and IMMEDIATE transactions let the dev server and an eager task write side by side
    # without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The page queries run in milliseconds; PostgreSQL's JIT spends ~160 ms compiling the ones
    # it misjudges as expensive (measured on T1's count at scale L). Off for the portal.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    # A connection per request costs a server: at scale L with 150 load-test users, reusing
    # them took the p95 from 2.4 s to 0.64 s. (SQLite opens a file; nothing to keep.)
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "cohesion_portal.hashers.PortalArgon2Hasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Two-factor sign-in (accounts/two_factor.py): required of superusers and industry staff in
# production; the embedded default (a laptop, the demo) leaves it to each person.
TWO_FACTOR_REQUIRED = env.bool("TWO_FACTOR_REQUIRED", default=False)
OTP_TOTP_ISSUER = "凝聚力工程工作平台"

# django-axes: lock a user name on one address after 5 failures, for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# --- Language, time -------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))  # collectstatic
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files live outside the web root and are served by views that check scope.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The embedded default serves static files straight from the source folders.
WHITENOISE_USE_FINDERS = True

# --- Cache (rate limits of public pages). Set CACHE_URL (redis://...) when several processes
# serve the portal, so that they count together.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# The dashboard's and workbench's figures are cached until the next write (data_version.py),
# and at most this long; 0: computed on every visit.
FIGURES_CACHE_SECONDS = env.int("FIGURES_CACHE_SECONDS", default=600)
# Reverse proxies in front of the portal, for the visitor's address (X-Forwarded-For).
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
# The public join page: applications one address may send per hour.
JOIN_APPLICATIONS_PER_HOUR = env.int("JOIN_APPLICATIONS_PER_HOUR", default=5)
# The public appeal pages: appeals one address may file, and tracking numbers it may check, an
# hour (a wrong code counts like a right one: guessing codes is slow).
APPEALS_PER_HOUR = env.int("APPEALS_PER_HOUR", default=5)
APPEAL_CHECKS_PER_HOUR = env.int("APPEAL_CHECKS_PER_HOUR", default=30)
# Transfer requests: ID numbers one user may look up (who holds them) in an hour.
TRANSFER_LOOKUPS_PER_HOUR = env.int("TRANSFER_LOOKUPS_PER_HOUR", default=20)
# Workbooks of hardship files a user may have checked in an hour (each tells who has a file).
FILE_IMPORT_CHECKS_PER_HOUR = env.int("FILE_IMPORT_CHECKS_PER_HOUR", default=10)

# --- Sessions and security defaults ---------------------------------------------------------
# Messages live in the session, which a login or logout flushes: one naming a union ("imported
# into …") is never shown to the next person to sign in on the same browser (in a cookie, it
# would be).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12
# Signed out after this long without a request (cohesion_portal.middleware.IdleSessionMiddleware).
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=60)
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): the browser runs only the portal's own script files, so
# a name that slipped into a page as markup cannot run: no inline <script>, no on...= handlers,
# no eval (htmx's allowEval is off: templates/base.html). Style sheets only from the portal too
# (style-src-elem: no <style> element, which could read a page's values through selectors).
# Style *attributes* are allowed: ECharts writes its tooltips with them, and the pages set
# progress bars' widths, colours and the tree's indentation with them; an attribute styles one
# element, selects nothing, and loads nothing from elsewhere (img-src, font-src). style-src keeps
# 'unsafe-inline' only for browsers without CSP level 3 (style-src-elem/-attr), which would
# otherwise drop those attributes too; browsers with it follow the two directives after it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "style-src-elem": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],  # Bootstrap draws its icons in forms as data: SVGs
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- Front end --------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "portal/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-hover align-middle mb-0"}

# --- Celery -----------------------------------------------------------------------------------
# No broker configured: tasks run in-process (eager) and their errors propagate.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL) or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# How long a task may run. Measured at scale L: a full recompute takes 1.5 s and the Excel
# report 2.5 s; issue 20 holds them under 30 s and 60 s at ten times L. Five minutes is room
# for a slow day; past it the task is stopped (soft: the job is marked failed and says so; hard:
# its process is killed, and the job's page shows it stalled with a retry).
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=5 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env.int(
    "CELERY_TASK_SOFT_TIME_LIMIT", default=CELERY_TASK_TIME_LIMIT - 30
)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A message delivered but not acknowledged (acks_late) goes back on the queue after this
    # long: how long jobs wait when a whole worker dies (a pool process that dies hands its
    # message back at once). Above the hard time limit, or a message still running would be
    # delivered to a second worker; well below Redis's default of an hour, which nobody waits
    # for. Workers look for such messages when they start, then every 100 s or so.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=10 * 60),
}
# A job with a person waiting on it (cohesion_portal/jobs.py) that has shown no sign of life for
# this long is taken to have lost its worker: another message may take it over, and its page
# shows it stalled with a retry. Well above one progress step (seconds), well below the time
# limit.
JOB_LEASE_SECONDS = env.int("JOB_LEASE_SECONDS", default=2 * 60)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Every schedule of the portal, in one place. Celery beat's database scheduler installs these
# entries when it starts; apps add theirs here as they come.
CELERY_BEAT_SCHEDULE = {
    "purge form submission tokens": {
        "task": "portal.purge_form_submissions",
        "schedule": 24 * 60 * 60,
    },
    # Each morning, before the offices open: what is due or overdue (every app's rules).
    "refresh reminders": {
        "task": "reminders.refresh",
        "schedule": crontab(hour=6, minute=30),
    },
    # Each night: the current assessment period's scorecards, from the day's records.
    "score the current period": {
        "task": "standards.score_current_period",
        "schedule": crontab(hour=2, minute=0),
    },
    # On the 1st of each month: last month's Excel report for each industry union.
    "produce the monthly Excel reports": {
        "task": "reports.monthly_exports",
        "schedule": crontab(day_of_month=1, hour=3, minute=0),
    },
}

# --- Logging ----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # 403 and 404 are answers, not faults: log server errors only.
        "django.request": {"level": "ERROR"},
    },
}

# The portal's name, shown in the header and page titles.
PORTAL_NAME = _("Cohesion Project Portal")
FORMAT_MODULE_PATH = ["cohesion_portal.formats"]
