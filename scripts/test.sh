#!/usr/bin/env bash
# Set up and run the whole test suite with its quality gates. On the embedded default
# (SQLite, Celery eager) unless DATABASE_URL / CELERY_BROKER_URL say otherwise.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --dev
export PATH="$PWD/.venv/bin:$PATH"

echo "== lint and format (ruff)"
ruff check .
ruff format --check .

echo "== migrations match the models"
python manage.py makemigrations --check --dry-run

echo "== production settings pass check --deploy"
SECRET_KEY="check-deploy-$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
DATABASE_URL="${DATABASE_URL:-sqlite:////tmp/cohesion-check.sqlite3}" \
CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0}" \
CACHE_URL="${CACHE_URL:-redis://127.0.0.1:6379/1}" \
ALLOWED_HOSTS="portal.example.org" \
DJANGO_SETTINGS_MODULE=cohesion_portal.settings.production \
  python manage.py check --deploy --fail-level WARNING

echo "== tests ($(python -c 'import environ; print(environ.Env().db("DATABASE_URL", default="sqlite:///embedded")["ENGINE"].rsplit(".", 1)[-1])'))"
pytest "$@"
