#!/usr/bin/env bash
# The load test: gunicorn (4 workers) serves the benchmark's data set on 127.0.0.1, and locust
# sends 50 users of every role at it for 2 minutes, then prints requests/s, percentiles and
# errors of the steady state: the figures count from 20 s after the start (WARM_UP_SECONDS), when
# every user has logged in (Argon2, slow by design) and the caches are warm.
# Build the data first: DATABASE_URL=postgres://... .venv/bin/python bench/run.py --scale L
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/cohesion bench/load.sh [scale] [users] [time]
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-L}
USERS=${2:-50}
DURATION=${3:-140s}  # 20 s of warm-up, then 2 minutes measured
PORT=${PORT:-8765}
.venv/bin/python -m pip install --quiet -r requirements-bench.txt

: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL server the benchmark used}"
BENCH_DB="${DATABASE_URL%/*}/$(basename "${DATABASE_URL}")_bench_$(echo "$SCALE" | tr 'A-Z' 'a-z')"
export DATABASE_URL="$BENCH_DB" ALLOWED_HOSTS=127.0.0.1 DEBUG=0 CONN_MAX_AGE=60

.venv/bin/gunicorn cohesion_portal.wsgi --workers 4 --bind "127.0.0.1:${PORT}" \
  --access-logfile /dev/null --error-logfile var/load-gunicorn.log --daemon --pid var/load-gunicorn.pid
trap 'kill "$(cat var/load-gunicorn.pid)" 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -fs -o /dev/null "http://127.0.0.1:${PORT}/accounts/login/" && break; sleep 1; done

.venv/bin/locust -f bench/locustfile.py --headless --host "http://127.0.0.1:${PORT}" \
  --users "$USERS" --spawn-rate 10 --run-time "$DURATION" --stop-timeout 10 \
  --csv "var/load-${SCALE}" --only-summary
echo "Full figures: var/load-${SCALE}_stats.csv"
