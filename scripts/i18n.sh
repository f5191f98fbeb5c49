#!/usr/bin/env bash
# Refresh the Chinese catalogue from the code and compile it. Translate new entries in
# locale/zh_Hans/LC_MESSAGES/django.po (tests/portal/test_translations.py checks none is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python manage.py makemessages -l zh_Hans --no-location \
  --ignore=.venv --ignore=var --ignore=test-artifacts --ignore=tests
.venv/bin/python manage.py compilemessages -l zh_Hans --ignore=.venv
