#!/usr/bin/env bash
# Create .venv and install the pinned Python packages. With --dev: the test tools too, and
# (as root, on Debian) Chromium with a Chinese font for the browser tests, and gettext.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--dev" ]; then
  .venv/bin/python -m pip install --quiet -r requirements-dev.txt
  DEBIAN_PACKAGES="chromium fonts-wqy-microhei gettext"
  missing=""
  for package in $DEBIAN_PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      echo "Installing Debian packages:$missing"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
      echo "Missing Debian packages:$missing (install them as root: apt-get install$missing)." >&2
      echo "Without chromium the browser tests are skipped." >&2
    fi
  fi
  # axe-core for the accessibility checks of the browser tests (test tooling, never served).
  if command -v npm >/dev/null; then
    npm ci --prefix tests/axe --no-audit --no-fund --silent
  else
    echo "No npm: the accessibility checks are skipped." >&2
  fi
else
  .venv/bin/python -m pip install --quiet -r requirements.txt
fi
