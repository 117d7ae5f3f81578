#!/bin/sh
# Apt packages the VS Code extension's real-VS-Code tests need (run as root by CI before `npm ci`).
#  - libkrb5-dev: code-server's native module `kerberos` builds against it during its npm install.
#  - build-essential, python3: node-gyp builds code-server's native modules (kerberos, …).
#  - chromium: headless browser that opens the code-server workbench (driven by playwright-core).
#  - git: the test workspace is a git repository ("Start Work" creates a branch in it).
set -eu
need=""
for pkg in build-essential python3 git; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need="$need $pkg"
done
dpkg -s libkrb5-dev >/dev/null 2>&1 || need="$need libkrb5-dev"
dpkg -s chromium >/dev/null 2>&1 || need="$need chromium"
if [ -n "$need" ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $need
fi
