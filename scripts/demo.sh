#!/usr/bin/env bash
# One command to try Vigil: installs what is needed, builds the console, starts the built-in demo
# cluster (three sim agents over one CIB file, real Pacemaker rules) and the console on :3000.
# Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/setup.sh
if [ -f server.ts ]; then
  # Rebuild only when a source file is newer than the last build.
  if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components server trpc lib next.config.ts package.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
    echo "[demo] building the console (next build)…"
    npx next build >var/next-build.log 2>&1 || { tail -n 40 var/next-build.log; exit 1; }
  fi
fi
export NODE_ENV=production
exec npx tsx scripts/run-demo.ts "$@"
