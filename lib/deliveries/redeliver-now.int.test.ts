// "Redeliver now", end to end on SQLite and PostgreSQL: a failed or given-up webhook is sent
// once more at an operator's request, as a redelivery, to a bot behind the official SDK, and one
// waiting for an automatic redelivery is sent at once; the attempt is recorded like any other,
// and a request that cannot be honoured changes nothing.
import { afterEach, describe, expect, it } from "vitest";
import { listAudit } from "../audit/list-audit";
import { createChannel } from "../channels/create-channel";
import { getChannelSecret } from "../channels/get-channel";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import { sdkBot } from "../dev/testing/sdk-bot";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import type { Dispatcher } from "../dispatch/dispatcher";
import { ConflictError, NotFoundError } from "../errors";
import { enqueueEvents } from "../events/enqueue-events";
import { createProvider } from "../providers/create-provider";
import { redeliverNow } from "./redeliver-now";

const OPERATOR = "operator@example.com";

describe.each(TEST_PROVIDERS)("Redeliver now on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  /** A channel whose bot fails `failures` times, and a running dispatcher. */
  async function setUp(db: Db, failures: number, redelivery: boolean, schedule = "20") {
    const owner = await createProvider(db, { name: "Redeliver now" }, OPERATOR);
    const channel = await createChannel(db, owner.id, { name: "Flaky bot" }, OPERATOR);
    const { channelSecret } = await getChannelSecret(db, channel.id);
    const bot = await sdkBot(channelSecret, failures);
    stops.push(() => bot.close());
    await updateChannel(
      db,
      channel.id,
      {
        webhookUrl: bot.url,
        useWebhook: true,
        webhookRedelivery: redelivery,
        errorStatisticsAggregation: true,
      },
      OPERATOR,
    );
    const sender = await startDispatcher(schedule);
    return { channel, bot, sender };
  }

  async function startDispatcher(schedule: string) {
    const sender = testDispatcher({ database: database().config, thread: false }, stops, {
      WEBHOOK_REDELIVERY_SCHEDULE_MS: schedule,
    });
    await sender.start();
    return sender;
  }

  async function sendOne(db: Db, channelId: string, sender: Dispatcher) {
    const result = await enqueueEvents(db, channelId, { text: "hi" });
    if (!result.queued) throw new Error("the channel took no events");
    sender.notify();
    await sender.whenIdle();
    return result;
  }

  const attemptsOf = (db: Db, webhookId: string) =>
    db.deliveryAttempt.findMany({ where: { webhookId }, orderBy: { id: "asc" } });

  it("sends a failed webhook again as a redelivery, with Webhook redelivery off", async () => {
    const { db } = database();
    const { channel, bot, sender } = await setUp(db, 1, false);
    const { webhookId, webhookEventIds } = await sendOne(db, channel.id, sender);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).status).toBe(
      "failed",
    );

    await expect(redeliverNow(db, channel.id, [webhookId], OPERATOR)).resolves.toEqual({
      webhookIds: [webhookId],
    });
    sender.notify();
    await expect.poll(() => bot.received.length, { timeout: 5000 }).toBe(2);
    await sender.whenIdle();

    expect(bot.rejected).toEqual([]);
    expect(bot.received.map((event) => [event.webhookEventId, event.isRedelivery])).toEqual([
      [webhookEventIds[0], false],
      [webhookEventIds[0], true],
    ]);
    const webhook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(webhook).toMatchObject({
      status: "delivered",
      attemptCount: 2,
      manualRedeliveryFrom: null,
    });
    const attempts = await attemptsOf(db, webhookId);
    expect(attempts.map((a) => [a.attemptNumber, a.isRedelivery, a.success, a.statusCode])).toEqual(
      [
        [1, false, false, 500],
        [2, true, true, 200],
      ],
    );
    const { entries } = await listAudit(db, { channelId: channel.id }, { limit: 10 });
    expect(entries[0]).toMatchObject({
      actor: OPERATOR,
      action: "webhooks.redelivered_now",
      summary: `Redelivered webhook ${webhookId} now`,
    });
  });

  it("puts a webhook back where it was when the attempt fails too, with no redelivery after it", async () => {
    const { db } = database();
    // One automatic redelivery 20 ms after the first failure, then given up; the bot keeps failing.
    const { channel, bot, sender } = await setUp(db, 10, true, "20");
    const { webhookId } = await sendOne(db, channel.id, sender);
    await expect
      .poll(async () => (await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).status)
      .toBe("given_up");
    await sender.whenIdle();
    expect(bot.received).toHaveLength(2);

    await redeliverNow(db, channel.id, [webhookId], OPERATOR);
    sender.notify();
    await expect.poll(() => bot.received.length, { timeout: 5000 }).toBe(3);
    await sender.whenIdle();
    // Long enough for an automatic redelivery (20 ms) to have been sent, had one been scheduled.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sender.whenIdle();

    expect(bot.received).toHaveLength(3);
    expect(bot.received[2]?.isRedelivery).toBe(true);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({
      status: "given_up",
      attemptCount: 3,
      manualRedeliveryFrom: null,
    });
    const attempts = await attemptsOf(db, webhookId);
    expect(attempts.map((a) => [a.attemptNumber, a.isRedelivery, a.counted])).toEqual([
      [1, false, true],
      [2, true, true],
      [3, true, true],
    ]);
    const rollups = await db.errorRollup.aggregate({
      where: { channelId: channel.id },
      _sum: { errorCount: true },
    });
    expect(rollups._sum.errorCount).toBe(3);
  });

  it("sends a webhook waiting for an automatic redelivery at once, and the schedule goes on from that attempt", async () => {
    const { db } = database();
    // The first redelivery is due a minute after the first failure, the second 20 ms after the
    // first; the bot fails twice, then answers.
    const { channel, bot, sender } = await setUp(db, 2, true, "60000,20");
    const { webhookId, webhookEventIds } = await sendOne(db, channel.id, sender);
    const waiting = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(waiting).toMatchObject({ status: "pending", attemptCount: 1 });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);

    const asked = Date.now();
    await redeliverNow(db, channel.id, [webhookId], OPERATOR);
    // Not a manual attempt: nothing to go back to, the schedule decides what follows.
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({
      status: "pending",
      manualRedeliveryFrom: null,
    });
    sender.notify();
    // Sent now (not in a minute), failed again, then redelivered 20 ms later by the schedule.
    await expect.poll(() => bot.received.length, { timeout: 5000 }).toBe(3);
    await sender.whenIdle();
    expect(Date.now() - asked).toBeLessThan(30_000);

    expect(bot.received.map((event) => [event.webhookEventId, event.isRedelivery])).toEqual([
      [webhookEventIds[0], false],
      [webhookEventIds[0], true],
      [webhookEventIds[0], true],
    ]);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({
      status: "delivered",
      attemptCount: 3,
    });
    const attempts = await attemptsOf(db, webhookId);
    expect(attempts.map((a) => [a.attemptNumber, a.isRedelivery, a.success])).toEqual([
      [1, false, false],
      [2, true, false],
      [3, true, true],
    ]);
    // The automatic one came the schedule's 20 ms after the attempt sent now, not a minute on.
    const [, sentNow, automatic] = attempts;
    if (!sentNow || !automatic) throw new Error("three attempts expected");
    expect(sentNow.attemptedAt.getTime()).toBeGreaterThanOrEqual(asked - 1000);
    expect(automatic.attemptedAt.getTime() - sentNow.attemptedAt.getTime()).toBeLessThan(10_000);
    const { entries } = await listAudit(db, { channelId: channel.id }, { limit: 10 });
    expect(entries[0]).toMatchObject({
      action: "webhooks.redelivered_now",
      summary: `Redelivered webhook ${webhookId} now`,
    });
  });

  it("changes nothing for an unknown id, another channel's webhook or one not failed", async () => {
    const { db } = database();
    const { channel, sender } = await setUp(db, 1, false);
    const failed = await sendOne(db, channel.id, sender);
    const delivered = await sendOne(db, channel.id, sender);
    const other = await setUp(db, 1, false);
    const foreign = await sendOne(db, other.channel.id, other.sender);
    const snapshot = () =>
      db.webhook.findMany({
        select: { id: true, status: true, nextAttemptAt: true, manualRedeliveryFrom: true },
        orderBy: { id: "asc" },
      });
    const before = await snapshot();

    await expect(
      redeliverNow(db, channel.id, [failed.webhookId, "01ARZ3NDEKTSV4RRFFQ69G5FAV"], OPERATOR),
    ).rejects.toThrow(new NotFoundError("Webhook", "01ARZ3NDEKTSV4RRFFQ69G5FAV"));
    await expect(
      redeliverNow(db, channel.id, [failed.webhookId, foreign.webhookId], OPERATOR),
    ).rejects.toThrow(NotFoundError);
    const busy = redeliverNow(db, channel.id, [failed.webhookId, delivered.webhookId], OPERATOR);
    await expect(busy).rejects.toThrow(ConflictError);
    await expect(busy).rejects.toThrow(/is delivered: only failed or given-up webhooks/);

    expect(await snapshot()).toEqual(before);
    const { entries } = await listAudit(db, { channelId: channel.id }, { limit: 50 });
    expect(entries.filter((e) => e.action === "webhooks.redelivered_now")).toEqual([]);
  });

  it("is refused while Use webhook is off, and Use webhook off puts a queued one back", async () => {
    const { db } = database();
    const { channel, bot, sender } = await setUp(db, 1, false);
    const { webhookId } = await sendOne(db, channel.id, sender);
    await sender.stop();

    await redeliverNow(db, channel.id, [webhookId], OPERATOR);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({
      status: "pending",
      manualRedeliveryFrom: "failed",
    });
    await updateChannel(db, channel.id, { useWebhook: false }, OPERATOR);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({
      status: "failed",
      manualRedeliveryFrom: null,
    });
    await expect(redeliverNow(db, channel.id, [webhookId], OPERATOR)).rejects.toThrow(
      /needs Use webhook on/,
    );
    expect(bot.received).toHaveLength(1);
  });

  it("survives Webhook redelivery being switched off, which cancels only automatic ones", async () => {
    const { db } = database();
    const { channel, bot, sender } = await setUp(db, 1, false);
    const { webhookId } = await sendOne(db, channel.id, sender);
    await sender.stop();

    await redeliverNow(db, channel.id, [webhookId], OPERATOR);
    await updateChannel(db, channel.id, { webhookRedelivery: true }, OPERATOR);
    await updateChannel(db, channel.id, { webhookRedelivery: false }, OPERATOR);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).status).toBe(
      "pending",
    );

    const restarted = await startDispatcher("20");
    await expect.poll(() => bot.received.length, { timeout: 5000 }).toBe(2);
    await restarted.whenIdle();
    expect(bot.received[1]?.isRedelivery).toBe(true);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).status).toBe(
      "delivered",
    );
  });
});
