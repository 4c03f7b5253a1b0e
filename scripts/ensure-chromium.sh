#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (Playwright drives it through
# executable_path; never `playwright install`). Installs it with apt-get when missing.
set -euo pipefail
chromium=${STABFORCE_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing at $chromium and cannot be installed here (needs root and apt-get)." >&2
  echo "Install Debian's chromium, set STABFORCE_CHROMIUM, or run without browser tests: make test E2E=" >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
