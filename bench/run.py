"""The portal's benchmark: a realistic data set at a scale, then timings of what people and
jobs do with it, each beside a baseline measured in the same run.

    .venv/bin/python bench/run.py --scale L            # PostgreSQL when DATABASE_URL is set
    .venv/bin/python bench/run.py --scale S --reuse    # keep the data built last time

It works on its own database: <name>_bench_<scale> on the PostgreSQL server of DATABASE_URL, or
var/bench-<scale>.sqlite3 without one. It prints one row per measure (median of --runs, SQL
queries, peak Python memory, baseline and ratio) and writes the same as JSON to bench/results/.
A benchmark, not a test: it asserts nothing.
"""

import argparse
import contextlib
import datetime
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bench_database(scale: str, *, fresh: bool) -> str:
    """The URL of the benchmark's own database; `fresh` drops what a previous run left."""
    import environ

    # The server named by DATABASE_URL when the benchmark started (kept across its re-exec).
    url = os.environ.setdefault("BENCH_SOURCE_DATABASE_URL", os.environ.get("DATABASE_URL", ""))
    if not url:
        path = ROOT / "var" / f"bench-{scale}.sqlite3"
        if fresh:
            for leftover in path.parent.glob(path.name + "*"):
                leftover.unlink()
        return f"sqlite:///{path}"
    config = environ.Env.db_url_config(url)
    name = f"{config['NAME']}_bench_{scale.lower()}"
    import psycopg2

    admin = psycopg2.connect(
        dbname="postgres",
        user=config["USER"],
        password=config["PASSWORD"],
        host=config["HOST"],
        port=config["PORT"] or 5432,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        if fresh:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    return url.rsplit("/", 1)[0] + "/" + name


def measure(function, runs: int):
    """(median seconds, SQL queries of one run, peak resident memory in MB during the runs).

    The peak is the kernel's high-water mark of this process, reset before the measure (Linux:
    /proc/self/clear_refs), so it is the measure's own; tracemalloc would slow the timings.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries = [], 0
    reset_peak_memory()
    for index in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            function()
            timings.append(time.perf_counter() - started)
        if index == 0:
            queries = len(captured)
    return statistics.median(timings), queries, peak_memory_mb()


def reset_peak_memory():
    # Not on Linux: the figure is then the process's peak so far.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_memory_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Bench:
    def __init__(self, runs, only=()):
        self.runs = runs
        self.rows = []
        self.only = only  # measure only those whose name holds one of these words

    def add(self, name, function, baseline=None, runs=None):
        if self.only and not any(word in name for word in self.only):
            return
        seconds, queries, memory = measure(function, runs or self.runs)
        base = measure(baseline, runs or self.runs)[0] if baseline else None
        self.rows.append(
            {
                "measure": name,
                "median_ms": round(seconds * 1000, 1),
                "queries": queries,
                "peak_mb": round(memory, 1),
                "baseline_ms": round(base * 1000, 1) if base else None,
                "ratio": round(seconds / base, 2) if base else None,
            }
        )
        print(self.format(self.rows[-1]), flush=True)

    @staticmethod
    def format(row):
        base = (
            f"{row['baseline_ms']:>10.1f} {row['ratio']:>6.2f}x" if row["baseline_ms"] else " " * 18
        )
        return (
            f"{row['measure']:<46} {row['median_ms']:>10.1f} {row['queries']:>7} "
            f"{row['peak_mb']:>8.1f} {base}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=["S", "M", "L"], default="S")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="keep the data built last time")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="WORD",
        help="measure only what has WORD in its name (e.g. --only dashboard); may repeat",
    )
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = bench_database(args.scale, fresh=not args.reuse)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cohesion_portal.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from unions.demo import SCALES, DemoBuilder
    from unions.models import Union

    call_command("migrate", verbosity=0)
    built_in = None
    if not Union.objects.exists():
        started = time.perf_counter()
        DemoBuilder(scale=SCALES[args.scale], seed=2011).build()
        built_in = time.perf_counter() - started
        if connection.vendor == "postgresql":
            # As autovacuum would soon after a load this size: the visibility map it sets is
            # what lets counts read an index alone. (Not part of the build's time.)
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")

    print(f"# scale {args.scale} on {connection.vendor}, median of {args.runs} runs")
    if built_in is not None:
        print(f"# data built in {built_in:.1f} s")
    print(
        f"{'measure':<46} {'median ms':>10} {'queries':>7} {'peak MB':>8} "
        f"{'baseline':>10} {'ratio':>7}"
    )
    bench = Bench(args.runs, only=tuple(args.only))
    from bench import measures

    measures.run_all(bench, scale=args.scale)

    sha = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    result = {
        "when": datetime.datetime.now().isoformat(timespec="seconds"),
        "commit": sha,
        "database": connection.vendor,
        "scale": args.scale,
        "runs": args.runs,
        "data_built_seconds": round(built_in, 1) if built_in is not None else None,
        "rows": bench.rows,
    }
    out = (
        ROOT
        / "bench"
        / "results"
        / f"{result['when'][:10]}-{sha}-{connection.vendor}-{args.scale}.json"
    )
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2))
    print(f"# written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
