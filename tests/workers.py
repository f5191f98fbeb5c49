"""Real Celery worker processes for the tests marked `services` (the second CI run): started
against the test database and the run's Redis, each in a process group of its own so a test can
kill a whole worker (its main process and its pool) without touching pytest."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis
from django.conf import settings
from django.db import connection

from .conftest import skip_unless_available

# The keys kombu keeps a Redis broker's queue and its delivered-but-unacknowledged messages in.
BROKER_KEYS = ("celery", "unacked", "unacked_index", "unacked_mutex")


def redis_answers(url: str) -> bool:
    try:
        return bool(url) and redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


def skip_without_services() -> None:
    skip_unless_available(
        redis_answers(settings.CELERY_BROKER_URL) and connection.vendor == "postgresql",
        "needs CELERY_BROKER_URL (Redis) and DATABASE_URL (PostgreSQL), as the second CI run has",
        "COHESION_REQUIRE_SERVICES",
    )


def empty_the_broker() -> None:
    """No message of an earlier test (one a killed worker left unacknowledged, say) may reach
    this test's worker."""
    redis.Redis.from_url(settings.CELERY_BROKER_URL).delete(*BROKER_KEYS)


class Workers:
    """Starts workers; every one still running is stopped when the test ends."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.started: list[subprocess.Popen] = []

    def start(self, *, app="cohesion_portal", pool="solo", env=None) -> subprocess.Popen:
        """A worker of `app` (a module with the Celery app: `cohesion_portal`, or the fault
        injecting `tests.slow_worker`) with one process running tasks: the main process itself
        (pool solo) or one pool child (pool prefork). `env` adds to its environment."""
        db = connection.settings_dict
        log = self.log_dir / f"worker-{len(self.started) + 1}.log"
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                app,
                "worker",
                f"--pool={pool}",
                "--concurrency=1",
                "--loglevel=WARNING",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
            ],
            env={
                **os.environ,
                "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
                "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
                # Files the worker writes (the monthly Excel report) where this test reads them.
                "MEDIA_ROOT": str(settings.MEDIA_ROOT),
                **(env or {}),
            },
            cwd=settings.BASE_DIR,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process.log = log
        self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.terminate()
        for process in self.started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def kill_whole_worker(process: subprocess.Popen) -> None:
    """SIGKILL to the worker's main process and its pool at once, as the OOM killer or a
    power cut would: nothing of it gets to say goodbye to the broker."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def pool_children(process: subprocess.Popen) -> list[int]:
    """The pids of the worker's pool processes (its children), read from /proc."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # (ended meanwhile)
        # "pid (command) state ppid ...": the command may hold spaces, so split after it.
        if int(stat.rsplit(")", 1)[1].split()[1]) == process.pid:
            children.append(int(entry.name))
    return children


def wait_for(condition, *, timeout: float, what: str, worker=None):
    """Poll `condition` until it returns something true; fail naming `what` (and showing the
    worker's log) after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    log = worker.log.read_text(errors="replace")[-3000:] if worker is not None else ""
    raise AssertionError(f"{what}: not within {timeout} s\n{log}")
