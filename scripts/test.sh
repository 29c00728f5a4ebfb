#!/usr/bin/env bash
# npm test: the whole suite, failing fast.
#   prerequisites → lint + format (biome) → doc links, then two lanes at once, since neither keeps
#   both cores busy on its own:
#     tests:   unit and integration tests (vitest: SQLite and a throwaway PostgreSQL it starts)
#     browser: typecheck (tsc) → production build → first-load JavaScript per page within budget
#              → e2e (Playwright in Debian's Chromium) with the property tests on their own console
#   then, with nothing else running, what must keep time: the integration tests that run worker
#   processes against leases and timeouts, and the e2e load tests.
# On a fresh machine it installs what is missing first (npm packages, chromium, PostgreSQL).
# Each stage prints `=== <stage>: ok in <n> s`; a lane's lines carry its name.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bin=node_modules/.bin

step() {
  local name=$1
  shift
  local started=$SECONDS
  echo
  echo "=== ${name}"
  "$@"
  echo "=== ${name}: ok in $((SECONDS - started)) s"
}

# Runs a lane's stages in the background, its output prefixed with the lane's name.
lane() {
  local name=$1
  shift
  ( "$@" 2>&1 | sed -u "s/^/[${name}] /" ) &
}

# better-sqlite3's native addon, when the prerequisites left it to compile (a fresh install:
# scripts/ensure-test-prerequisites.sh): about 90 s of one core, beside lint, the typecheck and the
# build, which do not load it. Its exit status lands in $native_status for the stages that do.
native_status=$(mktemp)
rm -f "$native_status"
compile_native() {
  local status=0 log
  if [ ! -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
    log=$(mktemp)
    echo "=== compiling better-sqlite3's addon in the background"
    npm rebuild better-sqlite3 >"$log" 2>&1 || status=$?
    [ "$status" -eq 0 ] || cat "$log"
    echo "=== better-sqlite3's addon: $([ "$status" -eq 0 ] && echo compiled || echo FAILED)"
  fi
  echo "$status" >"$native_status"
}
await_native() {
  until [ -f "$native_status" ]; do sleep 1; done
  [ "$(cat "$native_status")" = 0 ] || { echo "better-sqlite3's addon did not compile"; return 1; }
}

tests_lane() {
  set -euo pipefail
  step "better-sqlite3's addon compiled" await_native
  step "unit and integration tests (vitest)" \
    $bin/vitest run --project unit --project components --project integration
}

browser_lane() {
  set -euo pipefail
  step "typecheck (tsc)" $bin/tsc --noEmit
  step "production build (next build)" $bin/next build
  step "first-load JavaScript per page within budget (npm run size)" $bin/tsx scripts/size.mts
  step "better-sqlite3's addon compiled" await_native
  step "end-to-end tests (Playwright: chromium and property)" \
    $bin/playwright test --project chromium --project property
}

step "prerequisites" bash scripts/ensure-test-prerequisites.sh
compile_native &
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
step "lint and format (biome)" $bin/biome check .
step "doc links" $bin/tsx scripts/check-doc-links.mts

started=$SECONDS
echo
echo "=== two lanes at once: tests, browser"
lane tests tests_lane
tests=$!
lane browser browser_lane
browser=$!
failed=0
wait "$tests" || failed=1
wait "$browser" || failed=1
[ "$failed" -eq 0 ] || { echo "A lane failed (its lines above say where)."; exit 1; }
echo "=== two lanes at once: ok in $((SECONDS - started)) s"

step "integration tests that run alone (vitest: worker processes, leases, timeouts)" \
  $bin/vitest run --project integration-alone
step "e2e load tests, alone (Playwright)" $bin/playwright test --project load --no-deps
echo
echo "All test stages passed in ${SECONDS} s."
