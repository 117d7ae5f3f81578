#!/bin/sh
# Installs what the browser extension's real-browser tests need from Debian (run as root before `npm ci`).
set -e
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update
  apt-get install -y chromium
fi
