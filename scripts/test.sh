#!/usr/bin/env bash
# npm test: the whole suite, in the order that fails fastest.
#   lint + format (biome) → doc links → typecheck (tsc) → unit + integration (vitest; SQLite and
#   a throwaway PostgreSQL it starts itself) → production build → each page's first-load
#   JavaScript within its budget → e2e (Playwright in Debian's Chromium).
# On a fresh machine it installs what is missing first (npm packages, chromium, PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() {
  local name=$1
  shift
  local started=$SECONDS
  echo
  echo "=== ${name}"
  "$@"
  echo "=== ${name}: ok in $((SECONDS - started)) s"
}

step "prerequisites" bash scripts/ensure-test-prerequisites.sh
step "lint and format (biome)" node_modules/.bin/biome check .
step "doc links" node_modules/.bin/tsx scripts/check-doc-links.mts
step "typecheck (tsc)" node_modules/.bin/tsc --noEmit
step "unit and integration tests (vitest: SQLite + PostgreSQL)" node_modules/.bin/vitest run
step "production build (next build)" node_modules/.bin/next build
step "first-load JavaScript per page within budget (npm run size)" node_modules/.bin/tsx scripts/size.mts
step "end-to-end tests (Playwright, Chromium)" node_modules/.bin/playwright test
echo
echo "All test stages passed in ${SECONDS} s."
