"""The public pages' rate limits (cohesion_portal.ratelimit) count across every process that
serves the portal, and production will not start without the shared cache they count in."""

import os
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
from django.conf import settings

from ..conftest import skip_unless_available

# Each process counts 10 uses of one key against a limit of 5 and prints how many it was allowed.
COUNT_IN_A_PROCESS = """
import django, sys
django.setup()
from cohesion_portal.ratelimit import allow
sys.stdin.readline()  # both processes start counting together
print(sum(allow("{key}", limit=5, seconds=60) for _ in range(10)))
"""


def shared_cache_url() -> str:
    """A Redis database beside the broker's (the second CI run has one), or ''."""
    broker = settings.CELERY_BROKER_URL
    if not broker.startswith("redis://"):
        return ""
    try:
        redis.Redis.from_url(broker, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return ""
    parts = urlsplit(broker)
    return urlunsplit(parts._replace(path="/14"))


def environment(**variables) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "DJANGO_SETTINGS_MODULE")},
        "DJANGO_SETTINGS_MODULE": "cohesion_portal.settings",
        **variables,
    }


@pytest.mark.services
def test_two_processes_share_one_count():
    url = shared_cache_url()
    skip_unless_available(bool(url), "needs Redis (CELERY_BROKER_URL)", "COHESION_REQUIRE_SERVICES")
    key = f"test-two-processes-{os.getpid()}"
    redis.Redis.from_url(url).flushdb()
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", COUNT_IN_A_PROCESS.format(key=key)],
            env=environment(CACHE_URL=url),
            cwd=settings.BASE_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    allowed = [int(process.communicate(timeout=60)[0]) for process in processes]
    assert sum(allowed) == 5, allowed


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cohesion_portal.settings.production",
    "SECRET_KEY": "a-long-random-test-key-" + "x" * 40,
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/none",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "portal.example.org",
}


def start_production(**variables) -> subprocess.CompletedProcess:
    env = environment(**PRODUCTION, **variables)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("cache_url", "starts"),
    [
        (None, False),
        ("locmemcache://", False),
        ("filecache:///tmp/cohesion-cache", False),
        ("redis://127.0.0.1:6379/1", True),
    ],
)
def test_production_starts_only_with_a_shared_redis_cache(cache_url, starts):
    started = start_production(**({"CACHE_URL": cache_url} if cache_url else {}))
    assert (started.returncode == 0) == starts, started.stderr[-500:]
    if not starts:
        assert "CACHE_URL" in started.stderr
