// npm run bench:dispatch -- [--webhooks 5000] [--concurrency 32] [--database sqlite|postgres-url]
// Sends N webhooks to a local keep-alive bot (a separate process on 127.0.0.1) twice in one run:
//  1. through the real dispatcher: claimed from the database, signed, sent, every attempt recorded;
//  2. the same signed payloads by a bare undici loop at the same concurrency, recording nothing.
// Prints JSON with both rates and their ratio. A benchmark, not a test: nothing here asserts.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Agent, request } from "undici";
import { openChannelSecret } from "../lib/channels/channel-secret";
import { createChannel } from "../lib/channels/create-channel";
import { updateChannel } from "../lib/channels/update-channel";
import { setChannelSecretKey } from "../lib/crypto/secret-key";
import { createDbClient } from "../lib/db/client";
import { type DatabaseConfig, resolveDatabaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import { dispatchSettingsFromEnv } from "../lib/dispatch/dispatch-settings";
import { Dispatcher } from "../lib/dispatch/dispatcher";
import { buildWebhookRequest } from "../lib/dispatch/webhook-request";
import { completeEvent, type StoredEvent } from "../lib/events/complete-event";
import { newUlid } from "../lib/ids/new-ulid";
import { createProvider } from "../lib/providers/create-provider";

const { values } = parseArgs({
  options: {
    webhooks: { type: "string", default: "5000" },
    concurrency: { type: "string", default: "32" },
    database: { type: "string" },
  },
});
const total = Number(values.webhooks);
const concurrency = Number(values.concurrency);

// The bot: answers 200 "{}" to every POST, keep-alive, in its own process so that it does not
// share an event loop with either sender.
const BOT_SOURCE = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => { res.writeHead(200, { "content-type": "application/json" }); res.end("{}"); });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.send(server.address().port));
`;

async function startBot(dir: string): Promise<{ url: string; stop: () => void }> {
  const file = path.join(dir, "keep-alive-bot.cjs");
  writeFileSync(file, BOT_SOURCE);
  const child = fork(file, [], { stdio: "inherit" });
  const port = await new Promise<number>((resolve) =>
    child.once("message", (m) => resolve(Number(m))),
  );
  return { url: `http://127.0.0.1:${port}/webhook`, stop: () => child.kill() };
}

async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "bench-dispatch-"));
  // A throwaway database: a throwaway key, so no key file is written.
  setChannelSecretKey(randomBytes(32));
  const config: DatabaseConfig = values.database
    ? resolveDatabaseConfig(values.database)
    : { provider: "sqlite", filePath: path.join(workDir, "bench.db") };
  await migrate(config);
  const db = createDbClient(config);
  const bot = await startBot(workDir);
  try {
    const provider = await createProvider(db, { name: "Benchmark" }, "benchmark");
    const channel = await createChannel(db, provider.id, { name: "Benchmark bot" }, "benchmark");
    await updateChannel(db, channel.id, { webhookUrl: bot.url, useWebhook: true }, "benchmark");
    const stored = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });

    // The same events for both runs.
    const now = Date.now();
    const eventSets: StoredEvent[][] = Array.from({ length: total }, (_, i) => [
      completeEvent(
        channel.id,
        { type: "message", message: { type: "text", text: `bench ${i}` } },
        now,
      ),
    ]);

    // 1. The dispatcher.
    for (let i = 0; i < total; i += 500) {
      await db.webhook.createMany({
        data: eventSets.slice(i, i + 500).map((events) => ({
          id: newUlid(),
          channelId: channel.id,
          events: JSON.stringify(events),
          status: "pending",
          nextAttemptAt: new Date(now),
        })),
      });
    }
    const dispatcher = new Dispatcher({
      db,
      settings: dispatchSettingsFromEnv({
        // The benchmark's bot listens on 127.0.0.1, which the sender refuses unless allowed.
        WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
        WEBHOOK_CONCURRENCY: String(concurrency),
        WEBHOOK_CHANNEL_CONCURRENCY: String(concurrency),
      }),
    });
    const dispatchStarted = performance.now();
    await dispatcher.start();
    await dispatcher.whenIdle(5);
    const dispatchSeconds = (performance.now() - dispatchStarted) / 1000;
    await dispatcher.stop();
    const recorded = await db.deliveryAttempt.count({
      where: { channelId: channel.id, success: true },
    });

    // 2. A bare undici loop over the same signed payloads.
    const payloads = eventSets.map((events) =>
      buildWebhookRequest({
        channelSecret: openChannelSecret(stored),
        destination: stored.botUserId,
        events,
        isRedelivery: false,
      }),
    );
    const agent = new Agent({ connections: concurrency, pipelining: 1 });
    let next = 0;
    let ok = 0;
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
    await agent.close();

    const dispatcherRate = total / dispatchSeconds;
    const baselineRate = total / baselineSeconds;
    console.log(
      JSON.stringify(
        {
          database: config.provider,
          webhooks: total,
          concurrency,
          dispatcher: {
            seconds: round(dispatchSeconds),
            webhooksPerSecond: round(dispatcherRate),
            attemptsRecorded: recorded,
          },
          bareUndici: {
            seconds: round(baselineSeconds),
            webhooksPerSecond: round(baselineRate),
            ok,
          },
          ratio: round(dispatcherRate / baselineRate),
        },
        null,
        2,
      ),
    );
  } finally {
    bot.stop();
    await db.$disconnect();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

await main();
