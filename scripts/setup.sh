#!/usr/bin/env bash
# Installs what Vigil needs on Debian 12 + Node 20 (root), idempotently, and prepares the database.
#   scripts/setup.sh            Pacemaker tools + npm packages + Prisma client + migrations + CIB watcher
#   scripts/setup.sh --browser  also Debian's chromium (for the Playwright e2e suite)
set -euo pipefail
cd "$(dirname "$0")/.."
want_browser=0
for a in "$@"; do [ "$a" = "--browser" ] && want_browser=1; done

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

apt_pkgs=()
command -v crm_mon >/dev/null || apt_pkgs+=(pacemaker pacemaker-cli-utils)
command -v corosync >/dev/null || apt_pkgs+=(corosync)
[ -e /usr/lib/ocf/resource.d/heartbeat/IPaddr2 ] || apt_pkgs+=(resource-agents)
[ -e /usr/lib/ocf/resource.d/pacemaker/Dummy ] || apt_pkgs+=(pacemaker-resource-agents)
command -v fence_heuristics_ping >/dev/null || [ -e /usr/sbin/fence_heuristics_ping ] || apt_pkgs+=(fence-agents)
pkg-config --exists pacemaker-cib 2>/dev/null || apt_pkgs+=(pacemaker-dev pkg-config)
command -v gcc >/dev/null || apt_pkgs+=(gcc)
command -v python3 >/dev/null || apt_pkgs+=(python3)
[ "$want_browser" = 1 ] && { [ -x /usr/bin/chromium ] || apt_pkgs+=(chromium); }
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  say "apt-get install ${apt_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${apt_pkgs[@]}" >/dev/null
fi

# npm ci fails here (the lockfile lacks other platforms' optional packages): npm install keeps the locked versions.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
  say "npm install"
  npm install --no-audit --no-fund --loglevel=error
fi

mkdir -p var
if [ -f prisma/schema.prisma ]; then
  if [ ! -d generated/prisma ] || [ prisma/schema.prisma -nt generated/prisma ]; then
    say "prisma generate (offline: the schema engine is not downloaded)"
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate >/dev/null
    touch generated/prisma
  fi
  say "database migrations"
  npx tsx scripts/migrate.ts deploy
fi

if [ -f agent/watcher/build.ts ]; then
  npx tsx agent/watcher/build.ts || say "CIB watcher not built: live agents will poll the CIB epoch instead"
fi
say "ready"
