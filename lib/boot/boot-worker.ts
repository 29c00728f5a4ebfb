// A dispatcher-only process (`npm run worker`): no HTTP server, the same database and key as the
// console. Any number run beside a console started with WEBHOOK_DISPATCHER=off, on PostgreSQL
// (docs/adr/0015-leased-claims-and-workers.md).
import "server-only";
import { PAUSE_CHECK_MS, startPauseWatcher } from "../channels/start-pause-watcher";
import { loadSecretKey, SecretKeyFileError, secretKeySettingFromEnv } from "../crypto/secret-key";
import { createDbClient } from "../db/client";
import { resolveDatabaseConfig } from "../db/config";
import { migrate } from "../db/migrate";
import { dispatchSettingsFromEnv } from "../dispatch/dispatch-settings";
import { Dispatcher } from "../dispatch/dispatcher";
import { describeError } from "../logging/describe-error";
import { processMetrics } from "../metrics/console-metrics";
import { metricsSettingsFromEnv, workerMetricsPortFromEnv } from "../metrics/metrics-settings";
import { notificationSettingsFromEnv } from "../notifications/notification-settings";
import { startNotifier } from "../notifications/start-notifier";
import { startReplayRunner } from "../replay/start-replay-runner";
import { retentionSettingsFromEnv } from "../retention/retention-settings";
import { startRetention } from "../retention/start-retention";
import {
  type Env,
  InvalidSettingError,
  intSettingBetween,
  portSetting,
} from "../settings/read-env";
import { startTracing } from "../telemetry/start-tracing";
import { serveWorkerEndpoints } from "./worker-endpoints";

/** WORKER_HEALTH_PORT: where a worker answers liveness and readiness checks; none when unset. */
function healthPortFromEnv(env: Env): number | null {
  return env.WORKER_HEALTH_PORT?.trim() ? portSetting(env, "WORKER_HEALTH_PORT", 0) : null;
}

export async function bootWorker(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let settings: ReturnType<typeof readSettings>;
  try {
    settings = readSettings(env);
  } catch (error) {
    if (!(error instanceof InvalidSettingError)) throw error;
    console.error(`[worker] cannot start: ${error.message}`);
    process.exit(1);
  }
  const { database, dispatch, secretKey, healthPort } = settings;
  // The console applies migrations too; the runner's lock lets both start at once.
  await migrate(database);
  let key: Buffer;
  try {
    ({ key } = loadSecretKey(secretKey));
  } catch (error) {
    if (!(error instanceof SecretKeyFileError)) throw error;
    console.error(`[worker] cannot start: ${error.message}`);
    process.exit(1);
  }
  const db = createDbClient(database);
  // OpenTelemetry spans of the attempts, when an OTLP endpoint is configured.
  const tracing = await startTracing(env);
  const dispatcher = new Dispatcher({
    storage: { database },
    settings: dispatch,
    secretKey: key,
    onStoreFailure: (error) => {
      // Nothing can be claimed or recorded any more: exit, for the process manager (or the
      // console, for its own dispatcher process) to start a new worker. What this one held goes
      // back to the queue when its leases run out.
      // With its stack: what the thread threw is the one clue to why (a bug, not an outage,
      // which the thread rides out).
      console.error(`[worker] database thread stopped; exiting: ${describeError(error)}`);
      process.exit(1);
    },
  });
  await dispatcher.start();
  const retention = startRetention(db, database, settings.retention);
  // Error notification emails: made and sent beside the dispatching, never in its way (ADR 20).
  const notifier = startNotifier(db, settings.notifications);
  // The channels' pause rules (lib/channels/pause-sending.ts).
  const pauseWatcher = startPauseWatcher(db, {
    intervalMs: settings.pauseCheckMs,
  });
  // Replays by filter (lib/replay/): live traffic first; a batch only while the dispatcher has
  // less than two rounds of work waiting.
  const replays = startReplayRunner(
    db,
    { workerId: dispatcher.workerId, leaseMs: dispatch.leaseMs, maxDue: 2 * dispatch.concurrency },
    () => dispatcher.notify(),
  );
  const endpoints = await serveWorkerEndpoints(db, {
    healthPort,
    metricsPort: settings.metricsPort,
    metricsToken: settings.metrics.token,
    hostname: env.HOSTNAME_BIND?.trim() || "127.0.0.1",
  });
  if (settings.metricsPort !== null && settings.metrics.token === null) {
    console.warn("[worker] WORKER_METRICS_PORT is set but METRICS_TOKEN is not: /metrics is off");
  }

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${why}: no more claims; finishing what is in flight`);
    for (const server of endpoints) server.close();
    await retention.stop();
    await notifier.stop();
    await pauseWatcher.stop();
    await replays.stop();
    const abandoned = await dispatcher.stop();
    if (abandoned > 0) {
      console.log(`[worker] left ${abandoned} in flight to their leases (another worker resends)`);
    }
    await tracing?.stop();
    await db.$disconnect();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
  // Said once a signal stops it cleanly: whoever waits for this line may stop it at once.
  console.log(`[worker] ${dispatcher.workerId} dispatching (${database.provider})`);
  // Started by the console (lib/dispatch/dispatcher-instance.ts): it says when events arrive, and
  // when it goes away, killed or not, this process stops too rather than run unwatched.
  if (process.send) {
    process.on("message", (message: { type?: string; id?: number }) => {
      if (message?.type === "wake") dispatcher.notify();
      // The console's /metrics asks for this process's (lib/dispatch/dispatcher-instance.ts).
      if (message?.type === "metrics") {
        void processMetrics()
          .registry.getMetricsAsJSON()
          .then((metrics) => process.send?.({ type: "metrics", id: message.id, metrics }));
      }
    });
    process.on("disconnect", () => void stop("the console went away"));
  }
}

function readSettings(env: NodeJS.ProcessEnv) {
  const database = resolveDatabaseConfig(env.DATABASE_URL);
  return {
    database,
    dispatch: dispatchSettingsFromEnv(env),
    secretKey: secretKeySettingFromEnv(env, database),
    healthPort: healthPortFromEnv(env),
    retention: retentionSettingsFromEnv(env),
    notifications: notificationSettingsFromEnv(env),
    metrics: metricsSettingsFromEnv(env),
    metricsPort: workerMetricsPortFromEnv(env),
    /** WEBHOOK_PAUSE_CHECK_MS: how often the pause rules are checked. */
    pauseCheckMs: intSettingBetween(env, "WEBHOOK_PAUSE_CHECK_MS", PAUSE_CHECK_MS, {
      min: 100,
      max: 600_000,
    }),
  };
}
