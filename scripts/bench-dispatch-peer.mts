// The dispatch benchmark's peer (`npm run bench:dispatch -- --peer`): what a Node team would build
// instead of the dispatcher. BullMQ on a Redis of its own (append-only file on, fsync every second,
// Redis's durable default), an undici pool, one job per webhook holding its destination and events;
// the worker builds the body, signs it with the channel secret and POSTs it, and the attempt's
// status and latency are kept as the job's result in Redis. It records nothing else: no attempt
// rows, no statistics, no redelivery. A figure to compare with, not a component of the console.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Queue, Worker } from "bullmq";
import { Pool } from "undici";
import { freePort } from "../lib/dev/testing/free-port";

export interface PeerJob {
  channelSecret: string;
  destination: string;
  events: object[];
}

export type PeerResult =
  | { skipped: string }
  | { webhooksPerSecond: number; seconds: number; ok: number; appendOnly: boolean };

/** Whether this machine can run the peer: it needs `redis-server` on the PATH. */
function redisServerMissing(): string | null {
  const found = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  return found.error || found.status !== 0
    ? "redis-server is not installed (apt-get install redis-server): the peer was not run"
    : null;
}

export async function runBullmqPeer(
  botUrl: string,
  jobs: PeerJob[],
  concurrency: number,
): Promise<PeerResult> {
  const missing = redisServerMissing();
  if (missing) return { skipped: missing };
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-peer-"));
  const port = await freePort();
  const redis = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes"],
    { cwd: dir, stdio: "ignore" },
  );
  const connection = { host: "127.0.0.1", port, maxRetriesPerRequest: null };
  const target = new URL(botUrl);
  const pool = new Pool(target.origin, { connections: concurrency, pipelining: 1 });
  const queue = new Queue<PeerJob>("webhooks", { connection });
  let worker: Worker<PeerJob> | undefined;
  try {
    await waitForRedis(queue);
    for (let i = 0; i < jobs.length; i += 1000) {
      await queue.addBulk(
        jobs.slice(i, i + 1000).map((data) => ({ name: "webhook", data, opts: { attempts: 1 } })),
      );
    }
    let done = 0;
    let ok = 0;
    let startedAt = 0;
    const finished = new Promise<number>((resolve) => {
      worker = new Worker<PeerJob>(
        "webhooks",
        async ({ data }) => {
          if (startedAt === 0) startedAt = performance.now();
          const body = JSON.stringify({
            destination: data.destination,
            events: data.events.map((event) => ({
              ...event,
              deliveryContext: { isRedelivery: false },
            })),
          });
          const signature = createHmac("sha256", data.channelSecret).update(body).digest("base64");
          const sent = performance.now();
          const response = await pool.request({
            path: target.pathname,
            method: "POST",
            headers: {
              "content-type": "application/json; charset=utf-8",
              "user-agent": "LineBotWebhook/2.0",
              "x-line-signature": signature,
            },
            body,
            headersTimeout: 2000,
            bodyTimeout: 2000,
          });
          await response.body.dump();
          return { status: response.statusCode, latencyMs: performance.now() - sent };
        },
        { connection, concurrency },
      );
      worker.on("completed", (_job, result: { status: number }) => {
        if (result.status >= 200 && result.status < 300) ok++;
        if (++done === jobs.length) resolve(performance.now());
      });
    });
    const endedAt = await finished;
    const seconds = (endedAt - startedAt) / 1000;
    return { webhooksPerSecond: jobs.length / seconds, seconds, ok, appendOnly: true };
  } finally {
    await worker?.close();
    await queue.close();
    await pool.close();
    await stop(redis);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitForRedis(queue: Queue): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      await queue.waitUntilReady();
      return;
    } catch (error) {
      if (tries > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
