// The pause rule, on both databases: a bot that fails every attempt for the rule's window pauses
// its channel; events keep being stored and none is sent or counted while paused; on resume every
// one reaches the bot, oldest first, at the rate asked for.
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { parsePrometheusText, sample } from "../dev/testing/prometheus-text";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import { enqueueEvents } from "../events/enqueue-events";
import { databaseGauges } from "../metrics/database-gauges";
import { renderMetrics } from "../metrics/render-metrics";
import { getChannel } from "./get-channel";
import {
  ALREADY_PAUSED_MESSAGE,
  channelsDueToPause,
  PAUSE_RULE_ACTOR,
  pauseFailingChannels,
  pauseSending,
} from "./pause-sending";
import { NOT_PAUSED_MESSAGE, resumeSending } from "./resume-sending";

const SETTINGS = { smtpConfigured: false, consoleOrigin: "http://127.0.0.1:3000" };
const MINUTE = 60_000;

describe.each(TEST_PROVIDERS)("pausing a failing bot on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function failingChannel(db: Db, rule = { minutes: 1, attempts: 3 }) {
    return channelWithDemoBot(db, {
      mode: "error500",
      settings: { errorStatisticsAggregation: true, errorNotification: true, pauseRule: rule },
      onCleanup: (close) => stops.push(close),
    });
  }

  const errorsCounted = async (db: Db, channelId: string) =>
    (await db.errorRollup.aggregate({ where: { channelId }, _sum: { errorCount: true } }))._sum
      .errorCount ?? 0;

  /** The start of the minute the channel's failures were counted in. */
  async function failureMinute(db: Db, channelId: string): Promise<number> {
    const rollup = await db.deliveryRollup.findFirstOrThrow({
      where: { channelId, bucket: -1 },
      orderBy: { windowStart: "asc" },
    });
    return rollup.windowStart.getTime();
  }

  it("pauses after the rule's window of failures, keeps events unsent and uncounted, and sends them all in order on resume", async () => {
    const { db, config } = database();
    const { channel, bot } = await failingChannel(db);
    // One at a time, so that the order they are sent in is the order they were due in (a
    // channel's webhooks due together go out together otherwise, as any of its webhooks do).
    const dispatcher = testDispatcher({ database: config, thread: false }, stops, {
      WEBHOOK_CHANNEL_CONCURRENCY: "1",
    });
    await dispatcher.start();
    for (let i = 0; i < 3; i++) await enqueueEvents(db, channel.id, { text: `failing ${i}` });
    await dispatcher.whenIdle();
    expect(await errorsCounted(db, channel.id)).toBe(3);

    // Failing for less than the rule's minute: no pause yet.
    const minute = await failureMinute(db, channel.id);
    expect(await channelsDueToPause(prismaSql(db), new Date(minute + 30_000))).toEqual([]);
    // A minute and a half later, the same failures are the whole window.
    const pausedAt = new Date(minute + MINUTE + 30_000);
    expect(await pauseFailingChannels(db, SETTINGS, pausedAt)).toEqual([channel.id]);
    // Another worker checking at once finds it paused already.
    expect(await pauseFailingChannels(db, SETTINGS, pausedAt)).toEqual([]);

    const view = await getChannel(prismaSql(db), channel.id);
    expect(view.paused).toEqual({
      since: pausedAt.toISOString(),
      because: {
        failingSince: new Date(minute).toISOString(),
        failedAttempts: 3,
        rule: { minutes: 1, attempts: 3 },
      },
    });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "channel.paused" } });
    expect(audit.actor).toBe(PAUSE_RULE_ACTOR);
    const email = await db.notification.findFirstOrThrow({ where: { kind: "paused" } });
    expect(email.subject).toBe(`Messaging API: Webhook sending paused - ${channel.name}`);
    expect(email.text).toContain("error_status_code / 500");

    // The bot recovers, but nothing is sent while paused: events are kept, in order.
    bot.setMode("ok");
    const received = bot.stats().received;
    const sentWhilePaused: string[] = [];
    const keptWebhooks: string[] = [];
    for (let i = 0; i < 6; i++) {
      const queued = await enqueueEvents(db, channel.id, { text: `kept ${i}` });
      sentWhilePaused.push(...queued.webhookEventIds);
      if (queued.queued) keptWebhooks.push(queued.webhookId);
    }
    expect(await db.webhook.count({ where: { channelId: channel.id, status: "paused" } })).toBe(6);
    const { text } = await renderMetrics([await databaseGauges(prismaSql(db))]);
    const gauges = parsePrometheusText(text);
    expect(sample(gauges, "webhook_console_paused_channels")).toBe(1);
    expect(sample(gauges, "webhook_console_queued_webhooks", { state: "paused" })).toBe(6);
    dispatcher.notify();
    await dispatcher.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bot.stats().received).toBe(received);
    expect(await errorsCounted(db, channel.id)).toBe(3);

    const resumed = await resumeSending(
      db,
      channel.id,
      { drainPerSecond: 50 },
      "admin@example.com",
      SETTINGS,
    );
    expect(resumed.backlog).toBe(6);
    expect(resumed.channel.paused).toBeNull();
    await expect(resumeSending(db, channel.id, {}, "admin@example.com", SETTINGS)).rejects.toThrow(
      NOT_PAUSED_MESSAGE,
    );

    // Due 20 ms apart, oldest first. (The dispatcher runs meanwhile: the first may be sent
    // already; a webhook keeps the due time it was sent at.)
    const due = await db.webhook.findMany({
      where: { id: { in: keptWebhooks } },
      orderBy: { nextAttemptAt: "asc" },
      select: { id: true, nextAttemptAt: true },
    });
    expect(due.map((webhook) => webhook.id)).toEqual(keptWebhooks);
    const gaps = due
      .slice(1)
      .map((w, i) => w.nextAttemptAt.getTime() - (due[i]?.nextAttemptAt.getTime() ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(19);

    dispatcher.notify();
    // Each kept event reaches the bot once, in the order it was posted.
    const keptReceived = () =>
      bot
        .recentEvents()
        .map((event) => event.webhookEventId)
        .filter((id) => sentWhilePaused.includes(id));
    await expect.poll(keptReceived, { timeout: 10_000 }).toHaveLength(6);
    expect(keptReceived()).toEqual(sentWhilePaused);
    expect(bot.stats().received).toBe(received + 6);
    expect(await errorsCounted(db, channel.id)).toBe(3);
    expect(await db.auditEntry.count({ where: { action: "channel.resumed" } })).toBe(1);
    expect(await db.notification.count({ where: { kind: "resumed" } })).toBe(1);
  });

  it("does not pause on fewer failures than the rule asks, nor on a window with a success", async () => {
    const { db, config } = database();
    const { channel, bot } = await failingChannel(db, { minutes: 1, attempts: 4 });
    const dispatcher = testDispatcher({ database: config, thread: false }, stops);
    await dispatcher.start();
    for (let i = 0; i < 3; i++) await enqueueEvents(db, channel.id, { text: `failing ${i}` });
    await dispatcher.whenIdle();
    const minute = await failureMinute(db, channel.id);
    const later = new Date(minute + MINUTE + 30_000);
    expect(await channelsDueToPause(prismaSql(db), later)).toEqual([]);

    bot.setMode("ok");
    await enqueueEvents(db, channel.id, { text: "fine" });
    await dispatcher.whenIdle();
    bot.setMode("error500");
    for (let i = 0; i < 3; i++) await enqueueEvents(db, channel.id, { text: `failing again ${i}` });
    await dispatcher.whenIdle();
    expect(await channelsDueToPause(prismaSql(db), later)).toEqual([]);
  });

  it("pauses by hand, once, and keeps what arrives until resumed", async () => {
    const { db } = database();
    const { channel } = await failingChannel(db);
    await enqueueEvents(db, channel.id, { text: "before" });
    const view = await pauseSending(db, channel.id, "admin@example.com");
    expect(view.paused?.because).toBeNull();
    await expect(pauseSending(db, channel.id, "admin@example.com")).rejects.toThrow(
      ALREADY_PAUSED_MESSAGE,
    );
    await enqueueEvents(db, channel.id, { text: "after" });
    expect(await db.webhook.count({ where: { channelId: channel.id, status: "paused" } })).toBe(2);
    const resumed = await resumeSending(db, channel.id, {}, "admin@example.com", SETTINGS);
    expect(resumed.backlog).toBe(2);
    expect(resumed.drainPerSecond).toBe(10);
  });
});
