"""Production: PostgreSQL, Redis, gunicorn behind a reverse proxy that terminates TLS.

Refuses to start without SECRET_KEY, DATABASE_URL, CELERY_BROKER_URL, ALLOWED_HOSTS and
CACHE_URL, and with a cache that is not Redis: the public pages' rate limits count in the
cache, and a cache of each process's own let every gunicorn worker count alone (three workers
took 10 of 20 join applications against a limit of 5).
"""

import environ
from django.core.exceptions import ImproperlyConfigured

_env = environ.Env()
for _name in ("SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL", "ALLOWED_HOSTS", "CACHE_URL"):
    if not _env.str(_name, default=""):
        raise ImproperlyConfigured(f"Production settings need the environment variable {_name}.")
if not _env.str("CACHE_URL").startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured(
        "Production settings need CACHE_URL to be a Redis server (redis://...), which every "
        "process shares: the rate limits count there."
    )

from .base import *  # noqa: E402, F403
from .base import env  # noqa: E402

DEBUG = False
# Superusers and industry staff see every union's personal data: a password is not enough.
TWO_FACTOR_REQUIRED = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
WHITENOISE_USE_FINDERS = False

# Behind the reverse proxy, the client's address is the last one it adds to X-Forwarded-For;
# django-axes locks by user name and that address.
PROXY_COUNT = env.int("PROXY_COUNT", default=1)
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Preloading HSTS is hard to undo and a decision for whoever owns the domain: opt in with
# SECURE_HSTS_PRELOAD=true; until then its warning is silenced on purpose.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
