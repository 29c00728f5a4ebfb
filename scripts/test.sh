#!/usr/bin/env bash
# npm test: the whole suite, failing fast.
#   prerequisites → lint + format (biome) → doc links, then two lanes at once, since neither keeps
#   both cores busy on its own:
#     tests:   unit and integration tests (vitest: SQLite and a throwaway PostgreSQL it starts)
#     browser: typecheck and production build (next build) → first-load JavaScript per page
#              within budget → e2e (Playwright in Debian's Chromium) with the property tests on their
#              own console
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

# better-sqlite3's native addon: on a fresh install the prerequisites compile it in the background
# (about 90 s of one core), beside lint, the typecheck and the build, which do not load it; its
# exit status lands in $NATIVE_STATUS for the stages that do.
NATIVE_STATUS=$(mktemp -u)
export NATIVE_STATUS
trap 'rm -f "$NATIVE_STATUS"' EXIT
await_native() {
  until [ -s "$NATIVE_STATUS" ]; do sleep 1; done
  [ "$(cat "$NATIVE_STATUS")" = 0 ] || { echo "better-sqlite3's addon did not compile"; return 1; }
}

tests_lane() {
  set -euo pipefail
  step "better-sqlite3's addon compiled" await_native
  step "unit and integration tests (vitest)" \
    $bin/vitest run --project unit --project components --project integration
}

browser_lane() {
  set -euo pipefail
  # next build typechecks the whole project (tsconfig.json's include, the tests too, and the
  # route types it generates), so no tsc of its own runs before it.
  # While better-sqlite3's addon still compiles, the build yields to it: both lanes' tests wait
  # for the addon, and only the e2e tests for the build. (At nice 10, its threads still took a
  # quarter of the compile's core.)
  local yield_to_compile=()
  [ -s "$NATIVE_STATUS" ] || yield_to_compile=(nice -n 19)
  step "typecheck and production build (next build)" "${yield_to_compile[@]}" $bin/next build
  step "first-load JavaScript per page within budget (npm run size)" $bin/tsx scripts/size.mts
  step "better-sqlite3's addon compiled" await_native
  step "end-to-end tests (Playwright: chromium and property)" \
    $bin/playwright test --project chromium --project property
}

step "prerequisites" bash scripts/ensure-test-prerequisites.sh
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
