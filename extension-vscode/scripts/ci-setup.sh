#!/bin/sh
# Apt packages the VS Code extension's real-VS-Code tests need (run as root by CI before `npm ci`).
#  - libkrb5-dev: code-server's native module `kerberos` builds against it during its npm install.
#  - chromium: headless browser that opens the code-server workbench (driven by playwright-core).
set -eu
need=""
dpkg -s libkrb5-dev >/dev/null 2>&1 || need="$need libkrb5-dev"
dpkg -s chromium >/dev/null 2>&1 || need="$need chromium"
if [ -n "$need" ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $need
fi
