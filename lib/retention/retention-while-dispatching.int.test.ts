// Retention deletes only what is older than the window, in batches, while dispatching continues:
// a large old batch of attempts goes while new webhooks are stored, sent to a demo bot and
// recorded, on SQLite (one writer at a time) and PostgreSQL.
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { insertAgedAttempts, insertAgedWebhook, instantsFrom } from "../dev/testing/aged-rows";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import { enqueueEvents } from "../events/enqueue-events";
import { runRetention } from "./run-retention";

const DAY = 24 * 60 * 60 * 1000;
const windows = { attemptsDays: 14, minuteRollupsDays: 90, hourRollupsDays: 400 };
const OLD_ATTEMPTS = 6000;
const BATCH = 500;

describe.each(TEST_PROVIDERS)("retention while dispatching on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  const delivered = (db: Db) => db.webhook.count({ where: { status: "delivered" } });

  it("deletes a large old batch in batches while webhooks keep being delivered", async () => {
    const { db, config } = database();
    const { channel, bot } = await channelWithDemoBot(db, {
      onCleanup: (close) => stops.push(close),
    });
    // Three weeks ago, the same channel failed a great deal.
    const old = new Date(Date.now() - 21 * DAY);
    const oldWebhook = await insertAgedWebhook(db, {
      channelId: channel.id,
      status: "given_up",
      at: old,
    });
    await insertAgedAttempts(db, {
      channelId: channel.id,
      webhookId: oldWebhook,
      times: instantsFrom(new Date(old.getTime() - OLD_ATTEMPTS * 1000), OLD_ATTEMPTS, 1000),
    });

    const dispatcher = testDispatcher({ database: config }, stops);
    await dispatcher.start();

    // Events keep arriving, one webhook every 10 ms, for as long as the pass runs.
    let passing = true;
    const sent: string[] = [];
    const producer = (async () => {
      while (passing) {
        const queued = await enqueueEvents(db, channel.id, { text: "while retention runs" });
        if (queued.queued) sent.push(queued.webhookId);
        dispatcher.notify();
        await sleep(10);
      }
    })();

    const deliveredAfterBatch: number[] = [];
    const pass = await runRetention(db, config, {
      windows,
      batchSize: BATCH,
      pauseMs: 20,
      onBatch: async ({ kind }) => {
        if (kind === "attempts") deliveredAfterBatch.push(await delivered(db));
      },
    });
    passing = false;
    await producer;
    await dispatcher.whenIdle();

    expect(pass).toMatchObject({
      ran: true,
      deleted: { attempts: OLD_ATTEMPTS, webhooks: 1 },
      // Twelve full batches, and the one that found nothing left.
      batches: { attempts: OLD_ATTEMPTS / BATCH + 1 },
    });
    // Webhooks were delivered between the batches, not only before or after the pass.
    expect(deliveredAfterBatch).toHaveLength(OLD_ATTEMPTS / BATCH + 1);
    expect(deliveredAfterBatch.at(-1)).toBeGreaterThan(deliveredAfterBatch[0] ?? 0);
    // Every webhook stored while it ran was sent once, signed, and recorded; only their
    // attempts are left.
    expect(sent.length).toBeGreaterThan(0);
    expect(bot.stats()).toEqual({
      received: sent.length,
      validSignatures: sent.length,
      invalidSignatures: 0,
    });
    expect(await delivered(db)).toBe(sent.length);
    expect(await db.deliveryAttempt.count()).toBe(sent.length);
    expect(await db.webhook.count()).toBe(sent.length);
  });
});
