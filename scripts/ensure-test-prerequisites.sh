#!/usr/bin/env bash
# Installs what the test suite needs and a fresh Debian machine lacks. Idempotent and quiet
# when everything is there already. Nothing here downloads a binary outside npm and apt.
set -euo pipefail
cd "$(dirname "$0")/.."

missing_apt=()
# Playwright drives Chromium's headless shell, as it does by default where it may download it;
# Debian packages it (chromium-headless-shell), and for this suite it costs a fifth less CPU than
# the full browser in headless mode. CHROMIUM_PATH picks another binary.
if [ -n "${CHROMIUM_PATH:-}" ]; then
  chromium_path=$CHROMIUM_PATH
  [ -x "$chromium_path" ] || { echo "CHROMIUM_PATH=$chromium_path is not an executable" >&2; exit 1; }
else
  chromium_path=/usr/lib/chromium/chromium-headless-shell
  [ -x "$chromium_path" ] || missing_apt+=(chromium-headless-shell)
fi
# The fault lab mints its certificates with the openssl CLI.
command -v openssl >/dev/null || missing_apt+=(openssl)
pg_bin=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
if [ -z "${TEST_POSTGRES_URL:-}" ] && [ ! -x "$pg_bin/initdb" ]; then
  missing_apt+=(postgresql-15)
fi

if [ ${#missing_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing_apt[*]}. Install them (apt-get install ${missing_apt[*]}) or run as root." >&2
    exit 1
  fi
  echo "Installing ${missing_apt[*]} from Debian's repositories"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" >/dev/null
fi

# better-sqlite3's addon: about 95 s of one core. With NATIVE_STATUS set (scripts/test.sh sets it)
# it compiles in the background, beside the stages that do not load it, and its exit status is
# written to that file; without, it compiles here. Every test waits for it, so as root it runs
# ahead of what shares the machine meanwhile (the build, the install scripts): beside them at
# equal priority it got 70 % of a core and took 137 s (2026-12-07). One thread: it leaves the
# other core to them. In CI (a clone thrown away afterwards) SQLite itself compiles at -O1 instead
# of better-sqlite3's -O3 (a later -O wins): 46 CPU-seconds instead of 93, for SQLite 8 % slower in
# a write-and-aggregate micro-benchmark (docs/testing.md). Elsewhere the addon is as npm builds it,
# so benchmarks run on it.
compile_native() {
  local status=0 log priority=() flags=()
  log=$(mktemp)
  [ "$(id -u)" -ne 0 ] || priority=(nice -n -10)
  [ -z "${CI:-}" ] || flags=(env CFLAGS=-O1)
  "${priority[@]}" "${flags[@]}" npm rebuild better-sqlite3 >"$log" 2>&1 || status=$?
  [ "$status" -eq 0 ] || cat "$log" >&2
  echo "=== better-sqlite3's addon: $([ "$status" -eq 0 ] && echo compiled || echo FAILED)"
  [ -z "${NATIVE_STATUS:-}" ] || echo "$status" >"$NATIVE_STATUS"
  return "$status"
}

installed=false
if [ ! -x node_modules/.bin/next ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm ci, but with better-sqlite3's addon compiled as above: npm ci would spend that time with
  # the other core idle. Every other install script runs here.
  echo "Installing npm packages (npm ci, better-sqlite3's addon compiled apart)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --prefer-offline --ignore-scripts
  installed=true
fi
if [ -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  [ -z "${NATIVE_STATUS:-}" ] || echo 0 >"$NATIVE_STATUS"
elif [ -n "${NATIVE_STATUS:-}" ]; then
  compile_native &
else
  compile_native
fi
if $installed; then
  mapfile -t scripted < <(node -e '
    const lock = require("./package-lock.json");
    for (const [path, entry] of Object.entries(lock.packages)) {
      const name = path.replace(/^.*node_modules\//, "");
      if (path && entry.hasInstallScript && name !== "better-sqlite3") console.log(name);
    }')
  [ ${#scripted[@]} -eq 0 ] || npm rebuild --no-audit --no-fund "${scripted[@]}" >/dev/null
  npm run --silent postinstall
fi

echo "chromium: $("$chromium_path" --version 2>/dev/null || echo "at $chromium_path")"
echo "node: $(node --version)"
