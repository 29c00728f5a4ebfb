// A replay survives the process running it (issue 26): real `npm run worker` processes on one
// PostgreSQL database; the one holding the job is killed (SIGKILL) mid-job, another takes the job
// over at its cursor once the hold runs out, and the job queues each webhook exactly once.
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import { startCountingBot } from "../dev/testing/counting-bot";
import { useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import { startWorker, type WorkerProcess } from "../dev/testing/worker-process";
import { enqueueEvents } from "../events/enqueue-events";
import { createProvider } from "../providers/create-provider";
import { startReplay } from "./replay-jobs";

const ACTOR = "member@example.com";
const WEBHOOKS = 400;
const CONCURRENCY = 16;

describe("a replay's worker killed", () => {
  const database = useTestDatabase("postgres");
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function worker(): Promise<WorkerProcess> {
    const started = await startWorker(database().config, {
      WEBHOOK_LEASE_MS: "1000",
      WEBHOOK_CONCURRENCY: String(CONCURRENCY),
    });
    cleanups.push(async () => {
      if (started.child.exitCode === null && started.child.signalCode === null) {
        started.child.kill("SIGKILL");
        await started.exited;
      }
    });
    return started;
  }

  it("a replay whose worker is killed mid-job is finished by another, each webhook queued once", {
    timeout: 90_000,
  }, async () => {
    const { db, config } = database();
    const bot = await startCountingBot();
    cleanups.push(() => bot.close());
    const owner = await createProvider(db, { name: "Replays" }, ACTOR);
    const channel = await createChannel(db, owner.id, { name: "Bot" }, ACTOR);
    await updateChannel(db, channel.id, { webhookUrl: bot.url, useWebhook: true }, ACTOR);

    bot.setFailing(true);
    const seeding = testDispatcher({ database: config, thread: false }, cleanups);
    await seeding.start();
    const failed: string[] = [];
    for (let i = 0; i < WEBHOOKS; i += 200) {
      const events = Array.from({ length: 200 }, (_, j) => ({
        type: "message" as const,
        message: { type: "text" as const, text: `failed ${i + j}` },
      }));
      failed.push(...(await enqueueEvents(db, channel.id, events)).webhookEventIds);
    }
    await seeding.whenIdle();
    await seeding.stop();
    bot.setFailing(false);

    const job = await startReplay(
      db,
      channel.id,
      { filters: { result: "failed" }, includeDelivered: false, ratePerSecond: 200 },
      ACTOR,
    );
    const jobNow = () => db.replayJob.findUniqueOrThrow({ where: { id: job.id } });
    const first = await worker();
    await expect
      .poll(async () => (await jobNow()).queued, { timeout: 30_000 })
      .toBeGreaterThan(100);
    first.child.kill("SIGKILL");
    await first.exited;
    const killedAt = await jobNow();
    expect(killedAt.status).toBe("running");
    expect(killedAt.queued).toBeLessThan(WEBHOOKS);

    await worker();
    await expect
      .poll(async () => (await jobNow()).status, { timeout: 60_000, interval: 200 })
      .toBe("done");
    const ended = await jobNow();
    expect(ended).toMatchObject({ total: WEBHOOKS, queued: WEBHOOKS, skipped: 0 });
    await expect
      .poll(() => db.webhook.count({ where: { channelId: channel.id, status: "delivered" } }), {
        timeout: 30_000,
      })
      .toBe(WEBHOOKS);

    // Every one reached the bot as a redelivery; one sent twice can only be one the killed worker
    // had in flight (delivery is at least once), never one the job queued twice.
    expect(new Set(bot.redelivered)).toEqual(new Set(failed));
    expect(bot.redelivered.length - WEBHOOKS).toBeLessThanOrEqual(CONCURRENCY * 4);
    expect(await db.webhook.count({ where: { replayJobId: job.id } })).toBe(WEBHOOKS);
  });
});
