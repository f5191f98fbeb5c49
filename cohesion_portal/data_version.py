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
change made outside Django, by hand in psql); 0 turns caching off.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db import connection as default_connection
from django.db.models import F
from django.utils import translation

WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+["`]?(\w+)', re.IGNORECASE)

# Tables whose writes are bookkeeping of visits, logins and the scheduler, read by no figure.
UNWATCHED_TABLES = {
    "cohesion_portal_dataversion",
    "django_session",
    "axes_accessattempt",
    "axes_accesslog",
    "axes_accessfailurelog",
    "unions_personaldatadisclosure",  # a record that someone saw a whole ID number
}
UNWATCHED_PREFIXES = ("django_celery_beat_",)


def watch_writes(execute, sql, params, many, context):
    """A connection's execute wrapper (installed for every connection in PortalConfig.ready)."""
    result = execute(sql, params, many, context)
    match = WRITE.match(sql)
    if match and _watched(match.group(1).lower()):
        _bump_after_commit(context["connection"])
    return result


def _watched(table: str) -> bool:
    return table not in UNWATCHED_TABLES and not table.startswith(UNWATCHED_PREFIXES)


def _bump_after_commit(connection):
    # Once per transaction: a roster import writes thousands of rows, and bumps once.
    # (Django drops the callbacks of a transaction or savepoint that rolls back.)
    if any(callback is bump for _, callback, _ in connection.run_on_commit):
        return
    # Robust: a failed bump is logged, and never turns a saved form into an error page (the
    # cached copies then age out after FIGURES_CACHE_SECONDS).
    transaction.on_commit(bump, using=connection.alias, robust=True)


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
    if not seconds:
        return compute()
    fingerprint = hashlib.sha1(repr(parts).encode()).hexdigest()
    key = f"figures:{kind}:{translation.get_language()}:{current()}:{fingerprint}"
    result = cache.get(key)
    if result is None:
        result = compute()
        cache.set(key, result, seconds)
    return result


def install(sender, connection, **kwargs):
    """connection_created's receiver: watch every connection's writes."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)
