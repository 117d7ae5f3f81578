#!/bin/sh
# Installs what the browser extension's real-browser tests need from Debian (run as root before `npm ci`):
# Chromium (playwright-core drives it) and Firefox ESR (puppeteer-core drives it). Idempotent.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v firefox-esr >/dev/null 2>&1 || missing="$missing firefox-esr"
if [ -n "$missing" ]; then
  apt-get update
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
fi
