// Live traffic keeps priority over a large replay (issue 26): measured by how many attempts were
// made between a live event's arrival and its own attempt ("attempts ahead"), with and without a
// replay of 600 webhooks running, rather than by wall-clock time.
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import { startCountingBot } from "../dev/testing/counting-bot";
import { useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import { enqueueEvents } from "../events/enqueue-events";
import { createProvider } from "../providers/create-provider";
import { startReplay } from "./replay-jobs";
import { ReplayRunner } from "./run-replays";

const ACTOR = "member@example.com";
const MAX_DUE = 8;
const LIVE_EVENTS = 20;
const REPLAYED = 600;

describe("live traffic during a replay", () => {
  const database = useTestDatabase("sqlite");
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function channelWithBot(db: Db, name: string) {
    const bot = await startCountingBot();
    stops.push(() => bot.close());
    const owner = await createProvider(db, { name }, ACTOR);
    const channel = await createChannel(db, owner.id, { name }, ACTOR);
    await updateChannel(db, channel.id, { webhookUrl: bot.url, useWebhook: true }, ACTOR);
    return { channel, bot };
  }

  /** Per live webhook: the attempts made after it was stored and before its own. */
  async function attemptsAhead(db: Db, webhookIds: string[]): Promise<number[]> {
    const ahead: number[] = [];
    for (const id of webhookIds) {
      const webhook = await db.webhook.findUniqueOrThrow({ where: { id } });
      const own = await db.deliveryAttempt.findFirstOrThrow({ where: { webhookId: id } });
      ahead.push(
        await db.deliveryAttempt.count({
          where: { attemptedAt: { gt: webhook.createdAt, lt: own.attemptedAt } },
        }),
      );
    }
    return ahead;
  }

  it("keeps live events' place in the queue while a large replay runs", {
    timeout: 60_000,
  }, async () => {
    const { db, config } = database();
    const live = await channelWithBot(db, "Live");
    const replayed = await channelWithBot(db, "Replayed");
    const dispatcher = testDispatcher({ database: config, thread: false }, stops, {
      WEBHOOK_CONCURRENCY: "4",
      WEBHOOK_CHANNEL_CONCURRENCY: "4",
    });
    await dispatcher.start();
    replayed.bot.setFailing(true);
    const events = Array.from({ length: REPLAYED }, (_, i) => ({
      type: "message" as const,
      message: { type: "text" as const, text: `failed ${i}` },
    }));
    for (let i = 0; i < REPLAYED; i += 100) {
      await enqueueEvents(db, replayed.channel.id, events.slice(i, i + 100));
    }
    await dispatcher.whenIdle();
    replayed.bot.setFailing(false);

    /** Sends the live events a little apart; returns their webhooks' ids once all are delivered. */
    async function sendLive(label: string): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < LIVE_EVENTS; i++) {
        const queued = await enqueueEvents(db, live.channel.id, { text: `${label} ${i}` });
        if (queued.queued) ids.push(queued.webhookId);
        dispatcher.notify();
        await sleep(15);
      }
      await dispatcher.whenIdle();
      return ids;
    }

    const alone = await attemptsAhead(db, await sendLive("alone"));

    const job = await startReplay(
      db,
      replayed.channel.id,
      { filters: { result: "failed" }, includeDelivered: false, ratePerSecond: 1000 },
      ACTOR,
    );
    const runner = new ReplayRunner(
      db,
      { workerId: "runner", leaseMs: 30_000, maxDue: MAX_DUE },
      () => dispatcher.notify(),
    );
    let running = true;
    const ticking = (async () => {
      while (running) {
        await runner.tick();
        await sleep(5);
      }
    })();
    // The replay is under way before the first live event and still after the last.
    await expect
      .poll(async () => (await db.replayJob.findUniqueOrThrow({ where: { id: job.id } })).queued)
      .toBeGreaterThan(0);
    const withReplay = await attemptsAhead(db, await sendLive("during the replay"));
    const duringJob = await db.replayJob.findUniqueOrThrow({ where: { id: job.id } });
    running = false;
    await ticking;

    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    // At most MAX_DUE replayed webhooks wait or are being sent when a live one arrives: that, and
    // the live ones themselves, is all that can be ahead of it, however large the replay.
    expect(Math.max(...withReplay)).toBeLessThanOrEqual(2 * MAX_DUE);
    expect(mean(withReplay) - mean(alone)).toBeLessThanOrEqual(MAX_DUE);
    // And the replay was under way all along: queued from before the first live event to after the last.
    expect(duringJob.status).toBe("running");
    expect(duringJob.queued).toBeLessThan(REPLAYED);
  });
});
