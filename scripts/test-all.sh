#!/usr/bin/env bash
# Runs every test: types, unit, real-Pacemaker integration (file mode + a live cluster this script's
# tests start themselves), and the Playwright e2e suite in Debian's chromium. Installs what is missing first.
# Exit status: non-zero when any suite fails; every suite runs even after an earlier failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/setup.sh --browser || exit 1

declare -a names=() codes=()
run() { # name command...
  local name=$1; shift
  printf '\n\033[1m=== %s ===\033[0m\n' "$name"
  "$@"; local rc=$?
  names+=("$name"); codes+=("$rc")
}
run "typecheck" npx tsc --noEmit
run "unit" npx vitest run --project unit
run "integration (real Pacemaker)" npx vitest run --project integration
if [ -f playwright.config.ts ]; then
  run "e2e (Playwright, chromium)" npx playwright test
fi

printf '\n\033[1m=== summary ===\033[0m\n'
fail=0
for i in "${!names[@]}"; do
  if [ "${codes[$i]}" = 0 ]; then printf '  PASS  %s\n' "${names[$i]}"; else printf '  FAIL  %s (exit %s)\n' "${names[$i]}" "${codes[$i]}"; fail=1; fi
done
exit $fail
