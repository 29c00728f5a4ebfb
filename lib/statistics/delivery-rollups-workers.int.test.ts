// The latency histograms written by several dispatcher processes (`npm run worker`) on one
// PostgreSQL database, as a scaled-out deployment runs them (ADR 15): once the burst is sent, both
// tiers equal a recount from the raw attempts, row by row. Real processes, a real bot on 127.0.0.1.
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import { startCountingBot } from "../dev/testing/counting-bot";
import { useTestDatabase } from "../dev/testing/test-database";
import { startWorker } from "../dev/testing/worker-process";
import { enqueueEvents } from "../events/enqueue-events";
import { createProvider } from "../providers/create-provider";
import { histogramDeltas } from "./delivery-rollups";
import { rollupHourStart, rollupWindowStart } from "./error-rollups";

const ACTOR = "tester@example.com";

describe("delivery rollups from several workers on PostgreSQL", () => {
  const database = useTestDatabase("postgres");
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("equal a recount of the raw attempts, per minute and per hour", {
    timeout: 120_000,
  }, async () => {
    const { db, config } = database();
    const bot = await startCountingBot({ failEvery: 7, delayMs: 3 });
    cleanups.push(() => bot.close());
    const channelIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const provider = await createProvider(db, { name: "Scale" }, ACTOR);
      const channel = await createChannel(db, provider.id, { name: `Bot ${i}` }, ACTOR);
      // Error statistics aggregation stays off: it has no say over these statistics.
      await updateChannel(db, channel.id, { webhookUrl: bot.url, useWebhook: true }, ACTOR);
      channelIds.push(channel.id);
      for (let start = 0; start < 200; start += 25) {
        await Promise.all(
          Array.from({ length: 25 }, (_, j) =>
            enqueueEvents(db, channel.id, { text: `event ${start + j}` }),
          ),
        );
      }
    }
    const workers = await Promise.all(
      Array.from({ length: 3 }, () =>
        startWorker(config, { WEBHOOK_CHANNEL_CONCURRENCY: "8", WEBHOOK_CONCURRENCY: "16" }),
      ),
    );
    for (const worker of workers) {
      cleanups.push(async () => {
        if (worker.child.exitCode === null && worker.child.signalCode === null) {
          worker.child.kill("SIGTERM");
          await worker.exited;
        }
      });
    }
    const unsettled = () => db.webhook.count({ where: { status: { in: ["pending", "sending"] } } });
    await expect.poll(unsettled, { timeout: 60_000, interval: 250 }).toBe(0);

    const attempts = await db.deliveryAttempt.findMany({
      select: { channelId: true, attemptedAt: true, success: true, latencyMs: true },
    });
    expect(attempts).toHaveLength(800);
    expect(attempts.some((a) => !a.success)).toBe(true);
    const recount = (startOf: (instant: Date) => Date) =>
      new Map(
        histogramDeltas(attempts, startOf).map((d) => [
          JSON.stringify([d.channelId, d.at.getTime(), d.bucket]),
          d.count,
        ]),
      );
    const minutes = await db.deliveryRollup.findMany();
    const hours = await db.deliveryRollupHour.findMany();
    expect(
      new Map(
        minutes.map((r) => [
          JSON.stringify([r.channelId, r.windowStart.getTime(), r.bucket]),
          r.count,
        ]),
      ),
    ).toEqual(recount(rollupWindowStart));
    expect(
      new Map(
        hours.map((r) => [JSON.stringify([r.channelId, r.hourStart.getTime(), r.bucket]), r.count]),
      ),
    ).toEqual(recount(rollupHourStart));
    expect(new Set(minutes.map((r) => r.channelId))).toEqual(new Set(channelIds));
  });
});
