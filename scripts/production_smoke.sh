#!/usr/bin/env bash
# The README's production steps, run for real: production settings against a fresh PostgreSQL
# database, migrate, collectstatic, a superuser, gunicorn on 127.0.0.1; then a login through the
# login form, the workbench, the dashboard and a static file the page names, as nginx would pass
# them on (X-Forwarded-Proto: https). Fails on any error, an answer other than 200, or a
# traceback in gunicorn's log. Needs PostgreSQL and Redis on 127.0.0.1 (.ci/run starts them).
set -euo pipefail
cd "$(dirname "$0")/.."

POSTGRES=${SMOKE_POSTGRES:-postgres://postgres@127.0.0.1:5432}
DATABASE=${SMOKE_DATABASE:-cohesion_smoke}
REDIS_DB=${SMOKE_REDIS_DB:-13}
work=$(mktemp -d)
gunicorn_pid=""
cleanup() {
  if [ -n "$gunicorn_pid" ]; then kill "$gunicorn_pid" 2>/dev/null || true; wait "$gunicorn_pid" 2>/dev/null || true; fi
  psql "$POSTGRES/postgres" -q -c "DROP DATABASE IF EXISTS $DATABASE" >/dev/null 2>&1 || true
  redis-cli -h 127.0.0.1 -n "$REDIS_DB" FLUSHDB >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql "$POSTGRES/postgres" -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DATABASE" -c "CREATE DATABASE $DATABASE"
# Figures cached by an earlier run would belong to another database.
redis-cli -h 127.0.0.1 -n "$REDIS_DB" FLUSHDB >/dev/null

# The environment the README's production section lists.
export DJANGO_SETTINGS_MODULE=cohesion_portal.settings.production
SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')
export SECRET_KEY
export DATABASE_URL="$POSTGRES/$DATABASE"
export CELERY_BROKER_URL="redis://127.0.0.1:6379/$REDIS_DB"
export CACHE_URL="redis://127.0.0.1:6379/$REDIS_DB"
export ALLOWED_HOSTS=127.0.0.1
export STATIC_ROOT="$work/static"
export MEDIA_ROOT="$work/media"
export LOG_LEVEL=WARNING
DJANGO_SUPERUSER_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(16))')
export DJANGO_SUPERUSER_PASSWORD  # createsuperuser --no-input reads it

echo "== the README's production steps"
./scripts/setup.sh
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py collectstatic --no-input
.venv/bin/python manage.py createsuperuser --no-input --username smoke --email smoke@example.org

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log="$work/gunicorn.log"
.venv/bin/gunicorn cohesion_portal.wsgi --workers 2 --bind "127.0.0.1:$port" >"$log" 2>&1 &
gunicorn_pid=$!

echo "== log in and open the pages through gunicorn on 127.0.0.1:$port"
if ! .venv/bin/python scripts/production_smoke_client.py "http://127.0.0.1:$port" smoke "$DJANGO_SUPERUSER_PASSWORD"; then
  echo "-- gunicorn's log:" >&2; cat "$log" >&2
  exit 1
fi
if grep -q "Traceback" "$log"; then
  echo "gunicorn's log holds a traceback:" >&2; cat "$log" >&2
  exit 1
fi
echo "== production smoke test passed"
