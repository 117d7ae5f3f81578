#!/usr/bin/env bash
# What `npm test` needs beyond npm packages: Debian's chromium and firefox-esr, the tools that
# build native modules (and code-server's), and a PostgreSQL on 127.0.0.1:5432 the tests may
# create databases on. As root it installs and starts what is missing (apt, pg_ctlcluster);
# otherwise it stops at once with the one line to run. Idempotent: a ready machine costs ~0.1 s.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=""
for cmd in chromium firefox-esr g++ make python3 git; do
  command -v "$cmd" >/dev/null 2>&1 || missing="$missing $cmd"
done
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing="$missing libkrb5-dev"
is_root=false
[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && is_root=true

if [ -n "$missing" ]; then
  if ! $is_root; then
    echo "npm test needs these Debian packages:$missing. Run once as root: sudo bash scripts/test-prereqs.sh" >&2
    exit 1
  fi
  echo "[test-prereqs] installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3 make g++ git >/dev/null
  for setup in */scripts/ci-setup.sh; do bash "$setup"; done
fi

# PostgreSQL: the server tests create and drop their own databases on it.
url="${HANDOFF_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
hostport="${url#*@}"; hostport="${hostport%%/*}"
host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=5432
pg_ready() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$host" -p "$port"; }

if ! pg_ready; then
  if ! $is_root; then
    echo "npm test needs PostgreSQL at $url (trust auth). Start it, or run once as root: sudo bash scripts/test-prereqs.sh" >&2
    exit 1
  fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "[test-prereqs] installing PostgreSQL (trust auth on 127.0.0.1, for tests)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    hba="$(ls /etc/postgresql/*/main/pg_hba.conf | head -n 1)"
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  version="$(ls /etc/postgresql | head -n 1)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  pg_ready || { echo "PostgreSQL did not come up at $host:$port; see /var/log/postgresql/" >&2; exit 1; }
fi
