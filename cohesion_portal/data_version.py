"""The data version, and figures cached under it.

Every statement that writes to the portal's tables, through any path (a form, `bulk_create`, a
queryset's `update()`, a roster import, a Celery job, raw SQL on Django's connection), is seen
by a wrapper on the database connection; after its transaction commits, the version grows by
one. A page's figures cached under (its area, today, the version) are therefore served only
while nothing has been written since they were computed: no list of which write touches which
figure to keep right. The price is coarseness: any write makes every cached page compute again,
which is fine for a portal read far more often than written.

The cache is settings.CACHES' default (shared by the processes with Redis; one copy per process
with the embedded local memory). FIGURES_CACHE_SECONDS bounds the age of a copy (it covers a
change made outside Django, by hand in psql); 0 turns caching off. Copies made by another
release of the code are not read (the key holds a fingerprint of the portal's source).
"""

import functools
import hashlib
import logging
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db import connection as default_connection
from django.db.models import F
from django.utils import translation

logger = logging.getLogger(__name__)

WRITE = re.compile(
    r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE)\s+["`]?(\w+)',
    re.IGNORECASE,
)
# A statement of another shape that may write (a CTE, a comment first): counted as a write.
MAY_WRITE = re.compile(r"\b(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE)\b", re.IGNORECASE)
READ = re.compile(
    r"^\s*(?:SELECT|SAVEPOINT|RELEASE|ROLLBACK|COMMIT|BEGIN|SET|SHOW|DECLARE|FETCH|CLOSE|"
    r"EXPLAIN|PRAGMA|VACUUM|ANALYZE|CREATE|ALTER|DROP)\b",
    re.IGNORECASE,
)

# Tables whose writes are bookkeeping of visits, logins and the scheduler, read by no figure.
UNWATCHED_TABLES = {
    "cohesion_portal_dataversion",
    "django_session",
    "axes_accessattempt",
    "axes_accessattemptexpiration",
    "axes_accesslog",
    "axes_accessfailurelog",
    "unions_personaldatadisclosure",  # a record that someone saw a whole ID number
}
UNWATCHED_PREFIXES = ("django_celery_beat_",)
# A login stamps the user's last login: nothing a figure shows.
LAST_LOGIN = re.compile(r'^\s*UPDATE\s+"accounts_user"\s+SET\s+"last_login"\s*=\s*%s\s+WHERE')


def watch_writes(execute, sql, params, many, context):
    """A connection's execute wrapper (installed for every connection in PortalConfig.ready)."""
    result = execute(sql, params, many, context)
    if _writes_something_watched(sql):
        _bump_after_commit(context["connection"])
    return result


def _writes_something_watched(sql: str) -> bool:
    match = WRITE.match(sql)
    if match:
        table = match.group(1).lower()
        return (
            table not in UNWATCHED_TABLES
            and not table.startswith(UNWATCHED_PREFIXES)
            and not LAST_LOGIN.match(sql)
        )
    return not READ.match(sql) and bool(MAY_WRITE.search(sql))


def _bump_after_commit(connection):
    # Once per transaction: a roster import writes thousands of rows, and bumps once.
    # (Django drops the callbacks of a transaction or savepoint that rolls back.)
    if _has_written(connection):
        return
    # Robust: a failed bump is logged, and never turns a saved form into an error page (the
    # cached copies then age out after FIGURES_CACHE_SECONDS).
    transaction.on_commit(bump, using=connection.alias, robust=True)


def _has_written(connection) -> bool:
    """Whether the transaction open on `connection` has written (its bump is waiting)."""
    return any(callback is bump for _, callback, _ in connection.run_on_commit)


def bump():
    """The version grows by one (in its own statement, after the write has committed)."""
    from .models import DataVersion

    try:
        # (The row comes with the migration; a database emptied by a test's flush lacks it.)
        if not DataVersion.objects.filter(pk=1).update(number=F("number") + 1):
            DataVersion.objects.get_or_create(pk=1, defaults={"number": 1})
    except DatabaseError:
        # While `migrate` runs, other apps write before this app's table exists: nothing is
        # cached then. Any other failure is one.
        if DataVersion._meta.db_table in default_connection.introspection.table_names():
            raise


def current() -> int:
    from .models import DataVersion

    return DataVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def cached(kind: str, parts: tuple, compute):
    """`compute()`, or its copy cached for `parts` (what the result depends on: the area's
    scope, the day, the choices) at the current data version, in the current language."""
    seconds = settings.FIGURES_CACHE_SECONDS
    # Inside a transaction that has written, the figures may show what is not committed yet
    # (and may never be): computed for this page only.
    if not seconds or _has_written(default_connection):
        return compute()
    fingerprint = hashlib.sha1(repr(parts).encode()).hexdigest()
    key = f"figures:{release()}:{kind}:{translation.get_language()}:{current()}:{fingerprint}"
    try:
        result = cache.get(key)
    except Exception:  # a cache server down: the page is computed, as without a cache
        logger.exception("The figures cache cannot be read")
        return compute()
    if result is None:
        result = compute()
        try:
            cache.set(key, result, seconds)
        except Exception:
            logger.exception("The figures cache cannot be written")
    return result


@functools.cache
def release() -> str:
    """A fingerprint of the portal's own source: a new release does not read the copies of the
    last one (a cached dashboard of another shape)."""
    root = Path(settings.BASE_DIR).resolve()
    digest = hashlib.sha1()
    for config in sorted(apps.get_app_configs(), key=lambda config: config.name):
        path = Path(config.path).resolve()
        if path.parent == root:  # the portal's apps, not the installed packages
            for source in sorted(path.rglob("*.py")):
                digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def install(sender, connection, **kwargs):
    """connection_created's receiver: watch every connection's writes (first, so that a
    wrapper pushed and popped around the first query does not pop this one)."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, watch_writes)
