#!/usr/bin/env bash
# Set up and run the portal on the embedded default (SQLite, Celery eager) with demo data,
# at http://127.0.0.1:8000. Safe to run again: the demo data is built only once.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py seed_demo
exec .venv/bin/python manage.py runserver "${PORT:-127.0.0.1:8000}"
