// npm run bench:dispatch -- [--webhooks 5000] [--concurrency 32] [--channels 1]
//   [--database sqlite|postgres|postgres-url] [--workers 0] [--profile dir] [--peer]
// Sends N webhooks (spread over --channels channels) to a local keep-alive bot (a separate
// process on 127.0.0.1) twice in one run:
//  1. through the real dispatcher: claimed from the database, signed, sent, every attempt recorded;
//     in this process (--workers 0), or by that many `npm run worker` processes;
//  2. the same signed payloads by a bare undici loop at the same concurrency, recording nothing;
//  3. with --peer, the same events through BullMQ on Redis (bench-dispatch-peer.mts), when
//     redis-server is installed (the JSON line says so when it is not).
// `--database postgres` starts a throwaway PostgreSQL cluster for the run. `--profile dir` writes a
// CPU profile of this process's main thread during the dispatch phase alone (open it in Chrome's
// DevTools). Prints one JSON line with both rates and their ratio. A benchmark, not a test:
// nothing here asserts.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Agent, request } from "undici";
import { openChannelSecret } from "../lib/channels/channel-secret";
import { createChannel } from "../lib/channels/create-channel";
import { updateChannel } from "../lib/channels/update-channel";
import { setChannelSecretKey } from "../lib/crypto/secret-key";
import { type Channel, createDbClient } from "../lib/db/client";
import { type DatabaseConfig, resolveDatabaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import {
  mainThreadCpuSeconds,
  processCpuSeconds,
  threadCpuSeconds,
} from "../lib/dev/testing/cpu-time";
import { startKeepAliveBot } from "../lib/dev/testing/keep-alive-bot";
import { startPostgresServer } from "../lib/dev/testing/postgres-server";
import { startWorker } from "../lib/dev/testing/worker-process";
import { dispatchSettingsFromEnv } from "../lib/dispatch/dispatch-settings";
import { Dispatcher } from "../lib/dispatch/dispatcher";
import { buildWebhookRequest } from "../lib/dispatch/send/webhook-request";
import { completeEvent, type StoredEvent } from "../lib/events/complete-event";
import { newUlid } from "../lib/ids/new-ulid";
import { createProvider } from "../lib/providers/create-provider";
import { runBullmqPeer } from "./bench-dispatch-peer.mjs";

const { values } = parseArgs({
  options: {
    webhooks: { type: "string", default: "5000" },
    concurrency: { type: "string", default: "32" },
    database: { type: "string" },
    workers: { type: "string", default: "0" },
    channels: { type: "string", default: "1" },
    profile: { type: "string" },
    peer: { type: "boolean", default: false },
  },
});
const total = Number(values.webhooks);
const concurrency = Number(values.concurrency);
const workerCount = Number(values.workers);
const channelCount = Number(values.channels);

async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "bench-dispatch-"));
  // A throwaway database: a throwaway key, so no key file is written.
  const secretKey = randomBytes(32);
  setChannelSecretKey(secretKey);
  const postgres = values.database === "postgres" ? await startPostgresServer() : null;
  const config: DatabaseConfig = postgres
    ? resolveDatabaseConfig(postgres.url)
    : values.database
      ? resolveDatabaseConfig(values.database)
      : { provider: "sqlite", filePath: path.join(workDir, "bench.db") };
  await migrate(config);
  const db = createDbClient(config);
  const bot = await startKeepAliveBot(workDir);
  try {
    const provider = await createProvider(db, { name: "Benchmark" }, "benchmark");
    const channels: Channel[] = [];
    for (let i = 0; i < channelCount; i++) {
      const channel = await createChannel(db, provider.id, { name: `Bot ${i}` }, "benchmark");
      await updateChannel(db, channel.id, { webhookUrl: bot.url, useWebhook: true }, "benchmark");
      channels.push(await db.channel.findUniqueOrThrow({ where: { id: channel.id } }));
    }
    const channelOf = (i: number) => channels[i % channels.length] as Channel;

    // The same events for both runs.
    const now = Date.now();
    const eventSets: StoredEvent[][] = Array.from({ length: total }, (_, i) => [
      completeEvent(
        channelOf(i).id,
        { type: "message", message: { type: "text", text: `bench ${i}` } },
        now,
      ),
    ]);

    // 1. The dispatcher.
    for (let i = 0; i < total; i += 500) {
      await db.webhook.createMany({
        data: eventSets.slice(i, i + 500).map((events, j) => ({
          id: newUlid(),
          channelId: channelOf(i + j).id,
          events: JSON.stringify(events),
          status: "pending",
          nextAttemptAt: new Date(now),
        })),
      });
    }
    const dispatchEnv = {
      // The benchmark's bot listens on 127.0.0.1, which the sender refuses unless allowed.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      WEBHOOK_CONCURRENCY: String(concurrency),
      WEBHOOK_CHANNEL_CONCURRENCY: String(concurrency),
    };
    let dispatchSeconds: number;
    /** The share of the phase each thread of this process's dispatcher was busy. */
    let threadsBusy: { sending: number; database: number } | null = null;
    /** CPU seconds of the dispatcher's database thread, read before it stops. */
    let databaseThreadCpu: number | null = null;
    /** How long the in-process dispatcher took to start: once per process, not timed per webhook. */
    let startSeconds: number | null = null;
    // CPU used during each phase, in core-seconds: this process (all its threads) and the bot.
    // Their sum over the wall time says how many of the machine's cores the phase kept busy.
    // Read again once an in-process dispatcher is ready, as its time is.
    let cpuAtStart = { sender: process.cpuUsage(), bot: bot.cpuSeconds() };
    let sendingThreadAtStart = mainThreadCpuSeconds();
    // Threads before the dispatcher's: the busiest thread born after them is its database thread.
    const threadsAtStart = threadCpuSeconds();
    /** Each thread's CPU once the dispatcher is ready (its database thread has loaded its code). */
    let threadsAtReady = threadsAtStart;
    let postgresAtStart = postgres?.cpuSeconds() ?? null;
    /** CPU seconds the worker processes used while dispatching. */
    let workersCpu: number | null = null;
    if (workerCount > 0) {
      // Started first, then timed from the moment they all dispatch until every attempt is in.
      const workers = await Promise.all(
        Array.from({ length: workerCount }, () =>
          startWorker(config, {
            ...dispatchEnv,
            CONSOLE_SECRET_KEY: secretKey.toString("base64"),
            RETENTION: "off",
          }),
        ),
      );
      const workersCpuNow = () =>
        workers.reduce<number | null>(
          (sum, worker) => sumOrNull(sum, processCpuSeconds(worker.child.pid)),
          0,
        );
      const workersAtStart = workersCpuNow();
      const dispatchStarted = performance.now();
      // Done when no webhook is left to send: each one's attempt commits with its new status.
      // Asked as "is there one", which stops at the first: counting them (or the attempts) scans
      // thousands of rows every time, on the database the workers use, and its CPU would be
      // counted as theirs.
      const unsent = () =>
        db.webhook.findFirst({
          where: { status: { in: ["pending", "sending"] } },
          select: { id: true },
        });
      while (await unsent()) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      dispatchSeconds = (performance.now() - dispatchStarted) / 1000;
      const workersAtEnd = workersCpuNow();
      workersCpu = cpuBetween(workersAtStart, workersAtEnd);
      for (const worker of workers) worker.child.kill("SIGTERM");
      await Promise.all(workers.map((worker) => worker.exited));
    } else {
      const dispatcher = new Dispatcher({
        storage: { database: config },
        settings: dispatchSettingsFromEnv(dispatchEnv),
      });
      // Timed from ready, as the peer times itself from its first job: starting the database
      // thread (loading its code, opening its connection) happens once per process, and is
      // reported apart. Its first claim is already under way when start() returns.
      const startRequested = performance.now();
      await dispatcher.start();
      const dispatchStarted = performance.now();
      startSeconds = (dispatchStarted - startRequested) / 1000;
      threadsAtReady = threadCpuSeconds();
      cpuAtStart = { sender: process.cpuUsage(), bot: bot.cpuSeconds() };
      sendingThreadAtStart = mainThreadCpuSeconds();
      postgresAtStart = postgres?.cpuSeconds() ?? null;
      const profiler = values.profile ? await startProfiler() : null;
      const mainLoopAtStart = performance.eventLoopUtilization();
      await dispatcher.whenIdle(5);
      databaseThreadCpu = newestBusiestThread(threadsAtStart, threadsAtReady);
      dispatchSeconds = (performance.now() - dispatchStarted) / 1000;
      threadsBusy = {
        sending: round(performance.eventLoopUtilization(mainLoopAtStart).utilization),
        database: round(dispatcher.databaseThreadUtilization() ?? 0),
      };
      if (profiler && values.profile) await profiler.stopInto(values.profile);
      await dispatcher.stop();
    }
    const dispatchCpu = cpuSince(cpuAtStart, bot);
    const postgresCpu = cpuBetween(postgresAtStart, postgres?.cpuSeconds() ?? null);
    const sendingThreadCpu = cpuBetween(sendingThreadAtStart, mainThreadCpuSeconds());
    const recorded = await db.deliveryAttempt.count({ where: { success: true } });

    // 2. A bare undici loop over the same signed payloads.
    const payloads = eventSets.map((events, i) =>
      buildWebhookRequest({
        channelSecret: openChannelSecret(channelOf(i)),
        destination: channelOf(i).botUserId,
        events,
        isRedelivery: false,
      }),
    );
    const agent = new Agent({ connections: concurrency, pipelining: 1 });
    let next = 0;
    let ok = 0;
    const baselineCpuAtStart = { sender: process.cpuUsage(), bot: bot.cpuSeconds() };
    const baselineThreadAtStart = mainThreadCpuSeconds();
    const baselineStarted = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const payload = payloads[next++];
          if (!payload) break;
          const response = await request(bot.url, {
            method: "POST",
            headers: payload.headers,
            body: payload.body,
            dispatcher: agent,
          });
          await response.body.dump();
          if (response.statusCode >= 200 && response.statusCode < 300) ok++;
        }
      }),
    );
    const baselineSeconds = (performance.now() - baselineStarted) / 1000;
    const baselineCpu = cpuSince(baselineCpuAtStart, bot);
    const baselineThreadCpu = cpuBetween(baselineThreadAtStart, mainThreadCpuSeconds());
    await agent.close();

    // 3. The peer, on the same bot, with the same events and secrets.
    const peer = values.peer
      ? await runBullmqPeer(
          bot.url,
          eventSets.map((events, i) => ({
            channelSecret: openChannelSecret(channelOf(i)),
            destination: channelOf(i).botUserId,
            events,
          })),
          concurrency,
        )
      : null;

    const dispatcherRate = total / dispatchSeconds;
    const baselineRate = total / baselineSeconds;
    console.log(
      JSON.stringify({
        database: config.provider,
        webhooks: total,
        concurrency,
        channels: channelCount,
        dispatchers: workerCount > 0 ? `${workerCount} worker processes` : "in this process",
        dispatcher: {
          ...(startSeconds !== null && { startSeconds: round(startSeconds) }),
          seconds: round(dispatchSeconds),
          webhooksPerSecond: round(dispatcherRate),
          attemptsRecorded: recorded,
          // With --workers, the workers' CPU is not this process's: only the bot's is measured.
          cpuSeconds: workerCount > 0 ? { bot: dispatchCpu.bot } : dispatchCpu,
          // Every process of the phase: this one or the workers, PostgreSQL's, the bot.
          coresBusy: coresBusy(
            {
              sender: sumOrNull(
                workerCount > 0 ? workersCpu : dispatchCpu.sender,
                postgres ? postgresCpu : 0,
              ),
              bot: dispatchCpu.bot,
            },
            dispatchSeconds,
          ),
          // CPU per webhook, in µs: where the work went (comparable from run to run when the
          // rates are not, on a machine shared with other work).
          cpuMicrosPerWebhook:
            workerCount > 0
              ? {
                  workers: perWebhook(workersCpu),
                  ...(postgres && { postgres: perWebhook(postgresCpu) }),
                  bot: perWebhook(dispatchCpu.bot),
                }
              : {
                  sendingThread: perWebhook(sendingThreadCpu),
                  databaseThread: perWebhook(databaseThreadCpu),
                  // V8's garbage-collection helpers and the rest of this process.
                  otherThreads:
                    sendingThreadCpu === null || databaseThreadCpu === null
                      ? null
                      : perWebhook(dispatchCpu.sender - sendingThreadCpu - databaseThreadCpu),
                  ...(postgres && { postgres: perWebhook(postgresCpu) }),
                  bot: perWebhook(dispatchCpu.bot),
                },
          threadsBusy,
        },
        bareUndici: {
          seconds: round(baselineSeconds),
          webhooksPerSecond: round(baselineRate),
          ok,
          cpuSeconds: baselineCpu,
          coresBusy: coresBusy(baselineCpu, baselineSeconds),
          cpuMicrosPerWebhook: {
            sender: perWebhook(baselineCpu.sender),
            sendingThread: perWebhook(baselineThreadCpu),
            bot: perWebhook(baselineCpu.bot),
          },
        },
        ratio: round(dispatcherRate / baselineRate),
        // Where each thread has a core of its own (here three busy threads and a bot share two):
        // each side is limited by its busiest thread's CPU per webhook.
        ...(sendingThreadCpu !== null &&
          databaseThreadCpu !== null &&
          baselineThreadCpu !== null && {
            ratioWithACorePerThread: round(
              baselineThreadCpu / Math.max(sendingThreadCpu, databaseThreadCpu),
            ),
          }),
        ...(peer && {
          bullmqRedis:
            "skipped" in peer
              ? peer
              : {
                  ...peer,
                  seconds: round(peer.seconds),
                  webhooksPerSecond: round(peer.webhooksPerSecond),
                },
          ratioToPeer: "skipped" in peer ? null : round(dispatcherRate / peer.webhooksPerSecond),
        }),
      }),
    );
  } finally {
    bot.stop();
    await db.$disconnect();
    postgres?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Of the threads born since `before`, the busiest one's CPU seconds since `ready` (what it spent
 * starting, loading its code, is not per-webhook work).
 */
function newestBusiestThread(
  before: Map<string, number>,
  ready: Map<string, number>,
): number | null {
  let busiest: number | null = null;
  for (const [id, seconds] of threadCpuSeconds()) {
    const used = seconds - (ready.get(id) ?? 0);
    if (!before.has(id) && (busiest === null || used > busiest)) busiest = used;
  }
  return busiest;
}

/** CPU seconds between two readings; null when either is unknown. */
function cpuBetween(start: number | null, end: number | null): number | null {
  return start === null || end === null ? null : end - start;
}
const perWebhook = (seconds: number | null) =>
  seconds === null ? null : Math.round((seconds * 1e6) / total);

function cpuSince(
  start: { sender: NodeJS.CpuUsage; bot: number | null },
  bot: { cpuSeconds(): number | null },
) {
  const used = process.cpuUsage(start.sender);
  const botUsed = cpuBetween(start.bot, bot.cpuSeconds());
  return {
    sender: round((used.user + used.system) / 1e6),
    bot: botUsed === null ? null : round(botUsed),
  };
}

function coresBusy(cpu: { sender: number | null; bot: number | null }, seconds: number) {
  const used = sumOrNull(cpu.sender, cpu.bot);
  return used === null ? null : round(used / seconds);
}

function sumOrNull(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

/** The V8 profiler of this thread, through the inspector protocol (what --cpu-prof uses). */
async function startProfiler() {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post("Profiler.enable");
  await post("Profiler.start");
  return {
    async stopInto(dir: string) {
      const { profile } = (await post("Profiler.stop")) as { profile: object };
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `dispatch-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.error(`CPU profile of the dispatch phase: ${file}`);
    },
  };
}

await main();
