// npm run bench:load -- [--dispatcher console|worker|both] [--database sqlite|postgres]
//   [--connections 32] [--duration 10]
// Load on the console's API while its dispatcher sends. The production build (`npm run build`)
// is served by `node scripts/serve.mjs` on a throwaway database and set up through its own
// interfaces, as an operator would: an operator made by `npm run operator`, signed in; a provider;
// a channel pointed at a keep-alive bot in a process of its own, with Use webhook and Error
// statistics aggregation on; a channel access token. Then autocannon, one route after the other,
// --connections connections for --duration seconds each (after 2 s of unmeasured warm-up):
//   baseline GET /api/health                   a one-route Next app built with the project's
//                                              own Next (lib/dev/testing/baseline-next-app.ts)
//   GET  /api/health                           no session, no database
//   GET  /api/providers                        a session and a small read
//   GET  /api/channels/{id}                    a session, the channel's access, a read
//   POST /api/channels/{id}/events             one text message event with the Bearer token;
//                                              every 202 is a webhook for the dispatcher
//   GET  /api/channels/{id}/statistics/errors  a day, by hour
//   GET  /api/channels/{id}/deliveries         the newest 50 attempts
// The events posted keep the dispatcher busy through the phases after theirs. Where the dispatcher
// runs is chosen by configuration alone:
//   console  the console as configured by default (it dispatches)
//   worker   the console with WEBHOOK_DISPATCHER=off, and one `npm run worker` on its database
//   both     the one, then the other, each on a fresh database
// Then end to end: arrays of 1,000 events (one webhook each) posted on 4 connections for
// --duration seconds, once the backlog is drained: events accepted a second, and events a second
// from the first POST to the last attempt recorded (the dispatcher's pace, when ingest is faster).
// Prints one JSON line per mode: per route requests/s, its ratio to the baseline's (measured in
// the same run), latency p50/p95/p99, non-2xx answers and errors; the end-to-end figures; and how many webhooks were stored and how many attempts recorded. `--database postgres`
// starts a throwaway PostgreSQL cluster. A benchmark, not a test: nothing here asserts.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import autocannon from "autocannon";
import { createDbClient } from "../lib/db/client";
import { resolveDatabaseConfig } from "../lib/db/config";
import { startBaselineNextApp } from "../lib/dev/testing/baseline-next-app";
import { BUILD_ID_FILE, startConsole } from "../lib/dev/testing/console-process";
import { startKeepAliveBot } from "../lib/dev/testing/keep-alive-bot";
import { startPostgresServer } from "../lib/dev/testing/postgres-server";
import { startWorker } from "../lib/dev/testing/worker-process";
import { dispatchSettingsFromEnv } from "../lib/dispatch/dispatch-settings";

const MODES = ["console", "worker"] as const;
type Mode = (typeof MODES)[number];

const DESCRIPTIONS: Record<Mode, string> = {
  console: "the console's own (default configuration)",
  worker: "WEBHOOK_DISPATCHER=off and one npm run worker process",
};

const { values } = parseArgs({
  options: {
    dispatcher: { type: "string", default: "console" },
    database: { type: "string", default: "sqlite" },
    connections: { type: "string", default: "32" },
    duration: { type: "string", default: "10" },
  },
});

function usage(problem: string): never {
  console.error(`bench:load: ${problem}`);
  console.error(
    "usage: npm run bench:load -- [--dispatcher console|worker|both] [--database sqlite|postgres] [--connections 32] [--duration 10]",
  );
  process.exit(2);
}

const modes: Mode[] =
  values.dispatcher === "both" ? [...MODES] : MODES.filter((mode) => mode === values.dispatcher);
if (modes.length === 0) usage("--dispatcher must be console, worker or both");
if (values.database !== "sqlite" && values.database !== "postgres") {
  usage("--database must be sqlite or postgres");
}
const connections = Number(values.connections);
const durationSeconds = Number(values.duration);
if (!Number.isInteger(connections) || connections < 1) usage("--connections must be 1 or more");
if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) usage("--duration must be > 0");

/** One text message event, as a bot's user would send it: one webhook per request. */
const EVENTS_BODY = JSON.stringify({
  events: [{ type: "message", message: { type: "text", text: "Hello from bench:load" } }],
});

// ---------------------------------------------------------------------------------------------
// Everything started is stopped, last first: after each mode, on an error, and on Ctrl-C (the
// console and the worker finish what they have in flight; PostgreSQL and the temp files go).

const running: (() => unknown)[] = [];

async function stopEverything(): Promise<void> {
  for (let stop = running.pop(); stop; stop = running.pop()) {
    try {
      await stop();
    } catch (error) {
      console.error(`bench:load: while stopping: ${error}`);
    }
  }
}

// Ctrl-C reaches this process twice (from the terminal and relayed by tsx): the first stops.
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    void stopEverything().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Set-up.

interface Session {
  url: string;
  /** The session cookie, as a Cookie header. */
  cookie: string;
}

/** The variables every process of a run shares: the database and the two secrets. */
type RunEnv = Record<"DATABASE_URL" | "BETTER_AUTH_SECRET" | "CONSOLE_SECRET_KEY", string>;

async function throwawayDatabaseUrl(workDir: string): Promise<string> {
  if (values.database === "sqlite") return `file:${path.join(workDir, "console.db")}`;
  const postgres = await startPostgresServer();
  running.push(postgres.stop);
  return postgres.url;
}

/** The console, dispatching or not; and in worker mode the worker on the same database. */
async function startServers(mode: Mode, runEnv: RunEnv): Promise<string> {
  const server = await startConsole({
    ...runEnv,
    // Unset in console mode (whatever this shell says): the default is what is measured.
    WEBHOOK_DISPATCHER: mode === "worker" ? "off" : undefined,
    // The bot listens on 127.0.0.1, which the sender refuses unless allowed.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
  });
  running.push(server.stop);
  if (mode === "worker") {
    const worker = await startWorker(resolveDatabaseConfig(runEnv.DATABASE_URL), {
      ...runEnv,
      // The poll interval the console's dispatcher has, not the tests' 50 ms: the worker learns
      // of new webhooks only by polling, while the console's dispatcher is woken by the route.
      WEBHOOK_POLL_INTERVAL_MS: String(dispatchSettingsFromEnv().pollIntervalMs),
    });
    running.push(async () => {
      worker.child.kill("SIGTERM");
      await worker.exited;
    });
  }
  return server.url;
}

/** `npm run operator -- create`, as an operator makes an account (public sign-up is off). */
async function createOperator(runEnv: RunEnv): Promise<{ email: string; password: string }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "--conditions=react-server",
      "scripts/operator.mts",
      "create",
      "operator@bench-load.test",
    ],
    { env: { ...process.env, ...runEnv } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
}

/** Signs in through Better Auth's endpoint, as the sign-in page does, and keeps the cookie. */
async function signIn(url: string, operator: { email: string; password: string }) {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(operator),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  }
  // What a browser sends back: the name=value of each Set-Cookie.
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { url, cookie } satisfies Session;
}

/**
 * A call to the console's API as the signed-in operator. A state change carrying the session
 * cookie must also carry the console's Origin, or the proxy refuses it as cross-site.
 */
async function callApi<T>(
  session: Session,
  method: string,
  apiPath: string,
  body?: unknown,
  expected = 200,
): Promise<T> {
  const response = await fetch(`${session.url}${apiPath}`, {
    method,
    headers: {
      cookie: session.cookie,
      origin: session.url,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) {
    throw new Error(`${method} ${apiPath} answered ${response.status}, not ${expected}: ${text}`);
  }
  return JSON.parse(text) as T;
}

/** A provider and a channel sending to the bot, with a channel access token for the events. */
async function setUpChannel(session: Session, botUrl: string) {
  const provider = await callApi<{ id: string }>(
    session,
    "POST",
    "/api/providers",
    { name: "Load" },
    201,
  );
  const channel = await callApi<{ id: string }>(
    session,
    "POST",
    `/api/providers/${provider.id}/channels`,
    { name: "Load bot" },
    201,
  );
  await callApi(session, "PATCH", `/api/channels/${channel.id}`, {
    webhookUrl: botUrl,
    useWebhook: true,
    errorStatisticsAggregation: true,
  });
  const { accessToken } = await callApi<{ accessToken: string }>(
    session,
    "POST",
    `/api/channels/${channel.id}/access-token`,
    undefined,
    201,
  );
  return { id: channel.id, accessToken };
}

// ---------------------------------------------------------------------------------------------
// The load.

interface LoadRoute {
  name: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What every request should get. */
  status: number;
}

const HOUR_MS = 60 * 60 * 1000;
/** Each phase starts with this much load that is not measured. */
const WARM_UP_SECONDS = 2;

function loadRoutes(session: Session, channel: { id: string; accessToken: string }): LoadRoute[] {
  const asOperator = { cookie: session.cookie };
  // The day before the run and the hour after its start, by hour: the Statistics tab's default
  // span, covering every attempt of the run.
  const now = Date.now();
  const period = new URLSearchParams({
    from: new Date(now - 24 * HOUR_MS).toISOString(),
    to: new Date(now + HOUR_MS).toISOString(),
    bucket: "hour",
  });
  const channelPath = `/api/channels/${channel.id}`;
  return [
    {
      name: "GET /api/health",
      method: "GET",
      path: "/api/health",
      headers: {},
      status: 200,
    },
    {
      name: "GET /api/providers",
      method: "GET",
      path: "/api/providers",
      headers: asOperator,
      status: 200,
    },
    {
      name: "GET /api/channels/{id}",
      method: "GET",
      path: channelPath,
      headers: asOperator,
      status: 200,
    },
    {
      // The route takes the channel's token as programs do (npm run traffic); a token needs no
      // Origin, since no browser adds one by itself.
      name: "POST /api/channels/{id}/events",
      method: "POST",
      path: `${channelPath}/events`,
      headers: {
        authorization: `Bearer ${channel.accessToken}`,
        "content-type": "application/json",
      },
      body: EVENTS_BODY,
      status: 202,
    },
    {
      name: "GET /api/channels/{id}/statistics/errors",
      method: "GET",
      path: `${channelPath}/statistics/errors?${period}`,
      headers: asOperator,
      status: 200,
    },
    {
      name: "GET /api/channels/{id}/deliveries",
      method: "GET",
      path: `${channelPath}/deliveries`,
      headers: asOperator,
      status: 200,
    },
  ];
}

/**
 * One request to each route before any load: a wrong set-up fails here, with the answer, rather
 * than as a phase of non-2xx.
 */
async function checkRoutes(url: string, routes: LoadRoute[]): Promise<void> {
  for (const route of routes) {
    const { method, headers, body } = route;
    const response = await fetch(`${url}${route.path}`, { method, headers, body });
    const text = await response.text();
    if (response.status !== route.status) {
      throw new Error(`set-up check: ${route.name} answered ${response.status}: ${text}`);
    }
  }
}

async function loadOne(url: string, route: LoadRoute, baselinePerSecond?: number) {
  const latencies: number[] = [];
  const run = autocannon({
    url: `${url}${route.path}`,
    method: route.method,
    headers: route.headers,
    body: route.body,
    connections,
    duration: durationSeconds,
    // Untimed, so that no phase pays for the JIT compiling code the routes share (the session,
    // Prisma): the baseline, run first, would otherwise.
    warmup: { connections, duration: WARM_UP_SECONDS },
  });
  // autocannon's summary has no p95 and rounds to whole milliseconds: every answer's time is
  // kept instead (non-2xx answers included, as autocannon counts them).
  run.on("response", (_client, _status, _bytes, milliseconds) => latencies.push(milliseconds));
  const result = await run;
  latencies.sort((a, b) => a - b);
  return {
    route: route.name,
    requestsPerSecond: round(result.requests.average),
    ...(baselinePerSecond ? { ratio: round(result.requests.average / baselinePerSecond) } : {}),
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    },
    requests: result.requests.total,
    non2xx: result.non2xx,
    /** Connection errors, timeouts included. */
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[Math.max(0, index)] ?? 0);
}

/**
 * What the dispatcher did, from the database, once the last phase is over: webhooks stored (one
 * per 202), attempts recorded (and how many succeeded), webhooks not claimed yet (pending) and
 * claimed without a recorded outcome (sending: in flight, or an outcome that failed to be
 * recorded, left to its lease), and attempts per second since the events phase began.
 */
async function dispatchFigures(databaseUrl: string, eventsStartedMs: number) {
  const db = createDbClient(resolveDatabaseConfig(databaseUrl));
  try {
    const [stored, attempts, succeeded, pending, sending] = await Promise.all([
      db.webhook.count(),
      db.deliveryAttempt.count(),
      db.deliveryAttempt.count({ where: { success: true } }),
      db.webhook.count({ where: { status: "pending" } }),
      db.webhook.count({ where: { status: "sending" } }),
    ]);
    const seconds = (performance.now() - eventsStartedMs) / 1000;
    return {
      stored,
      attempts,
      succeeded,
      pending,
      sending,
      attemptsPerSecond: round(attempts / seconds),
    };
  } finally {
    await db.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// End to end: events in bulk, as fast as the console takes them, until the dispatcher has
// recorded an attempt for every one.

/** Events per request in the end-to-end phase: arrays as large as the route takes. */
const BULK_EVENTS = 1000;
/** Few connections: each request carries a thousand events. */
const BULK_CONNECTIONS = 4;

/** Polls until no webhook waits or is in flight (every one has its attempt recorded). */
async function untilDispatched(databaseUrl: string, timeoutMs: number): Promise<number> {
  const db = createDbClient(resolveDatabaseConfig(databaseUrl));
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const open = await db.webhook.count({ where: { status: { in: ["pending", "sending"] } } });
      if (open === 0) return performance.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const open = await db.webhook.groupBy({ by: ["status"], _count: true });
    throw new Error(
      `webhooks still pending or sending after ${timeoutMs / 1000} s: ${JSON.stringify(open)} (${new Date().toISOString()})`,
    );
  } finally {
    await db.$disconnect();
  }
}

/**
 * Events posted in bulk for --duration seconds: how many the console accepted a second, and how
 * many reached the bot a second, from the first POST to the last attempt recorded. The backlog of
 * the phases before is drained first.
 */
async function endToEnd(
  url: string,
  databaseUrl: string,
  channel: { id: string; accessToken: string },
) {
  await untilDispatched(databaseUrl, 120_000);
  const body = JSON.stringify(
    Array.from({ length: BULK_EVENTS }, (_, i) => ({
      type: "message",
      message: { type: "text", text: `bench:load bulk ${i}` },
    })),
  );
  const started = performance.now();
  const result = await autocannon({
    url: `${url}/api/channels/${channel.id}/events`,
    method: "POST",
    headers: {
      authorization: `Bearer ${channel.accessToken}`,
      "content-type": "application/json",
    },
    body,
    connections: BULK_CONNECTIONS,
    duration: durationSeconds,
  });
  const posted = performance.now();
  const accepted = (result.statusCodeStats["202"]?.count ?? 0) * BULK_EVENTS;
  const dispatched = await untilDispatched(databaseUrl, 600_000);
  return {
    eventsPerRequest: BULK_EVENTS,
    connections: BULK_CONNECTIONS,
    eventsAccepted: accepted,
    non2xx: result.non2xx,
    acceptedPerSecond: round(accepted / ((posted - started) / 1000)),
    deliveredPerSecond: round(accepted / ((dispatched - started) / 1000)),
    secondsToLastAttempt: round((dispatched - started) / 1000),
  };
}

// ---------------------------------------------------------------------------------------------

async function runMode(mode: Mode) {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "bench-load-"));
  running.push(() => rmSync(workDir, { recursive: true, force: true }));
  // Fresh secrets for a fresh database: nothing is written to data/.
  const runEnv: RunEnv = {
    DATABASE_URL: await throwawayDatabaseUrl(workDir),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    CONSOLE_SECRET_KEY: randomBytes(32).toString("base64"),
  };
  const bot = await startKeepAliveBot(workDir);
  running.push(bot.stop);
  const url = await startServers(mode, runEnv);
  const session = await signIn(url, await createOperator(runEnv));
  const channel = await setUpChannel(session, bot.url);
  const routes = loadRoutes(session, channel);
  await checkRoutes(url, routes);

  // The baseline first, while the console is idle: built and measured in this run.
  const baselineApp = await startBaselineNextApp();
  running.push(baselineApp.stop);
  const baseline = await loadOne(baselineApp.url, {
    name: "baseline GET /api/health (one-route Next app)",
    method: "GET",
    path: "/api/health",
    headers: {},
    status: 200,
  });
  await baselineApp.stop();
  running.pop();

  const figures = [baseline];
  let eventsStartedMs = performance.now();
  for (const route of routes) {
    if (route.method === "POST") eventsStartedMs = performance.now();
    figures.push(await loadOne(url, route, baseline.requestsPerSecond));
  }
  return {
    benchmark: "load",
    date: new Date().toISOString(),
    mode,
    dispatcher: DESCRIPTIONS[mode],
    database: values.database,
    connections,
    durationSeconds,
    routes: figures,
    webhooks: await dispatchFigures(runEnv.DATABASE_URL, eventsStartedMs),
    endToEnd: await endToEnd(url, runEnv.DATABASE_URL, channel),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

if (!existsSync(BUILD_ID_FILE)) {
  console.error("bench:load: no production build in .next: run `npm run build` first.");
  process.exit(1);
}
for (const mode of modes) {
  try {
    console.log(JSON.stringify(await runMode(mode)));
  } catch (error) {
    console.error(`bench:load: ${mode}: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
    break;
  } finally {
    await stopEverything();
  }
}
