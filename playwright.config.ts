import { defineConfig, devices } from "@playwright/test";
import { DEMO_OPERATOR_EMAIL } from "./e2e/support/demo-operator";
import { resolveE2eDatabaseUrl } from "./e2e/support/e2e-database";
import { E2E_METRICS_TOKEN } from "./e2e/support/metrics-token";

// The suite serves the production build made by `next build` beforehand (npm test does that);
// it never builds by itself. A dedicated port keeps it away from `npm start` on 3000.
// Environment: E2E_PORT (3210), E2E_DATABASE_URL (a fresh temp SQLite file; only local test
// databases are accepted, see e2e/support/e2e-database.ts), E2E_REUSE_SERVER=1 to reuse a
// running server (never in CI), CHROMIUM_PATH (Debian's chromium-headless-shell: Playwright's own
// choice for headless runs, and a fifth less CPU than the full browser here).
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// The property tests' own console and database (the next port): their fingerprints of the
// database must see only their own requests, and with a database of their own they need not wait
// for every other spec, nor read every other spec's rows in each fingerprint.
const propertyPort = port + 1;
const propertyBaseURL = `http://127.0.0.1:${propertyPort}`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: "e2e",
  // Every test creates its own provider and channel with unique names, so all may run at once.
  fullyParallel: true,
  workers: 3,
  forbidOnly: ci,
  retries: 0,
  reporter: ci ? "list" : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // No traces: recording one for every test (to keep those that fail) cost a fifth of the
    // suite's CPU. To look into a failure, run it again with `--trace retain-on-failure`.
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      // Generated hostile requests, on a console of their own (the second web server below),
      // beside the chromium specs: they fingerprint that console's whole database to prove that
      // refused requests change nothing, so nothing else may write to it. Listed first, so that
      // they start at once beside the chromium specs instead of after them.
      name: "property",
      testMatch: "property/**/*.spec.ts",
      use: { baseURL: propertyBaseURL },
      // One spec at a time: each fingerprints the database the other writes to.
      workers: 1,
    },
    {
      name: "chromium",
      testIgnore: ["property/**", "load/**"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium-headless-shell",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
          ],
        },
      },
    },
    {
      // Timings under a burst, with nothing else running: the load is the spec's own.
      name: "load",
      testMatch: "load/**/*.spec.ts",
      workers: 1,
      dependencies: ["chromium", "property"],
    },
  ],
  webServer: [consoleServer(port), consoleServer(propertyPort)],
});

/** A console on `serverPort` with a fresh database of its own, as the specs assume it. */
function consoleServer(serverPort: number) {
  const url = `http://127.0.0.1:${serverPort}`;
  return {
    command: "node e2e/support/serve-fresh-database.mjs",
    url: `${url}/api/health`,
    // Opt-in only: a server already on the port may be talking to a database that is not ours.
    reuseExistingServer: !ci && process.env.E2E_REUSE_SERVER === "1",
    timeout: 60_000,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
    stdout: "pipe" as const,
    env: {
      PORT: String(serverPort),
      HOSTNAME_BIND: "127.0.0.1",
      DATABASE_URL: resolveE2eDatabaseUrl(serverPort),
      E2E_FRESH_DATABASE: "1",
      // Pin what the specs assume, whatever the caller's shell has set.
      WEBHOOK_URL_REQUIRE_HTTPS: "false",
      // Going over it takes 51 calls, not LINE's 1,001. The API contract tests, which do, run
      // with this file's settings too (E2E_SERVER_SETTINGS in lib/dev/testing/console-in-process.ts).
      WEBHOOK_ENDPOINT_LIMIT_PER_MINUTE: "50",
      // Every worker and several specs sign in from 127.0.0.1; 10 a minute would hold them back.
      SIGN_IN_LIMIT_PER_MINUTE: "600",
      // The specs' bots listen on 127.0.0.1, which the SSRF guard refuses unless allowed.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      // As `npm start` sets it: the sign-in page's hint is checked (sign-in.spec.ts, e2e/a11y).
      DEMO_OPERATOR_EMAIL,
      // /metrics is served, to the holder of this token (e2e/api/metrics.api.spec.ts).
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  };
}
