#!/usr/bin/env bash
# Make sure poppler-utils (pdftotext, pdftoppm) is installed: the report tests read the Board report's
# PDF back as text and as PNG pages. Installs it with apt-get when missing (CI runs as root).
set -euo pipefail
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "pdftotext/pdftoppm are missing and cannot be installed here (needs root and apt-get)." >&2
  echo "Install Debian's poppler-utils to run the report tests." >&2
  exit 1
fi
echo "Installing Debian's poppler-utils for the report tests"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
