// Webhook redelivery, end to end on SQLite and PostgreSQL: a bot behind the official SDK's
// webhook middleware fails N times, then succeeds; the same events come back with
// deliveryContext.isRedelivery; toggles and restarts behave as LINE's console promises.
import { fork } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../../channels/create-channel";
import { getChannelSecret } from "../../channels/get-channel";
import { updateChannel } from "../../channels/update-channel";
import type { Db } from "../../db/client";
import { ALLOW_PRIVATE_TARGETS } from "../../dev/testing/allow-private-targets";
import { sdkBot } from "../../dev/testing/sdk-bot";
import { TEST_PROVIDERS, useTestDatabase } from "../../dev/testing/test-database";
import { testDispatcher } from "../../dev/testing/test-dispatcher";
import { enqueueEvents } from "../../events/enqueue-events";
import { createProvider } from "../../providers/create-provider";

describe.each(TEST_PROVIDERS)("webhook redelivery on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function setUp(db: Db, failures: number, redelivery: boolean) {
    const owner = await createProvider(db, { name: "Redelivery" }, "tester@example.com");
    const created = await createChannel(
      db,
      owner.id,
      { name: "Redelivery bot" },
      "tester@example.com",
    );
    const { channelSecret } = await getChannelSecret(db, created.id);
    const bot = await sdkBot(channelSecret, failures);
    stops.push(() => bot.close());
    await updateChannel(
      db,
      created.id,
      {
        webhookUrl: bot.url,
        useWebhook: true,
        webhookRedelivery: redelivery,
        errorStatisticsAggregation: true,
      },
      "tester@example.com",
    );
    return { channel: created, bot };
  }

  const dispatcher = (schedule = "60,60,60,60") =>
    testDispatcher({ database: database().config, thread: false }, stops, {
      WEBHOOK_REDELIVERY_SCHEDULE_MS: schedule,
    });

  it("sends the same event again until the bot takes it, marked as a redelivery", async () => {
    const { db } = database();
    const { channel, bot } = await setUp(db, 3, true);
    const { webhookEventIds } = await enqueueEvents(db, channel.id, { text: "again" });
    const sender = dispatcher();
    await sender.start();
    await expect.poll(() => bot.received.length, { timeout: 5000 }).toBe(4);
    await sender.whenIdle();

    expect(bot.rejected).toEqual([]);
    expect(new Set(bot.received.map((r) => r.webhookEventId))).toEqual(new Set(webhookEventIds));
    expect(new Set(bot.received.map((r) => r.timestamp)).size).toBe(1);
    expect(bot.received.map((r) => r.isRedelivery)).toEqual([false, true, true, true]);
    const attempts = await db.deliveryAttempt.findMany({ orderBy: { attemptNumber: "asc" } });
    expect(attempts.map((a) => [a.attemptNumber, a.isRedelivery, a.success])).toEqual([
      [1, false, false],
      [2, true, false],
      [3, true, false],
      [4, true, true],
    ]);
    // Redelivery attempts are real attempts: their failures are counted.
    const counted = await db.errorRollup.aggregate({ _sum: { errorCount: true } });
    expect(counted._sum.errorCount).toBe(3);
    expect((await db.webhook.findFirstOrThrow()).status).toBe("delivered");
  });

  it("sends a failed webhook once while redelivery is off", async () => {
    const { db } = database();
    const { channel, bot } = await setUp(db, 100, false);
    await enqueueEvents(db, channel.id, { text: "once" });
    const sender = dispatcher();
    await sender.start();
    await sender.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bot.received).toHaveLength(1);
    expect((await db.webhook.findFirstOrThrow()).status).toBe("failed");
  });

  it("gives up when the schedule is used up", async () => {
    const { db } = database();
    const { channel, bot } = await setUp(db, 100, true);
    await enqueueEvents(db, channel.id, { text: "never" });
    const sender = dispatcher("40,40");
    await sender.start();
    await expect
      .poll(async () => (await db.webhook.findFirstOrThrow()).status, { timeout: 5000 })
      .toBe("given_up");
    expect(bot.received).toHaveLength(3);
  });

  it("turning redelivery off, or Use webhook off, cancels the redeliveries waiting", async () => {
    const { db } = database();
    for (const off of [{ webhookRedelivery: false }, { useWebhook: false }]) {
      const { channel, bot } = await setUp(db, 100, true);
      await enqueueEvents(db, channel.id, { text: "wait" });
      const sender = dispatcher("600000");
      await sender.start();
      // Failed once, waiting for its redelivery.
      await expect
        .poll(async () => {
          const waiting = await db.webhook.findFirstOrThrow({ where: { channelId: channel.id } });
          return [waiting.status, waiting.attemptCount];
        })
        .toEqual(["pending", 1]);
      await updateChannel(db, channel.id, off, "tester@example.com");
      const webhook = await db.webhook.findFirstOrThrow({ where: { channelId: channel.id } });
      expect(webhook.status).toBe("cancelled");
      expect(bot.received).toHaveLength(1);
      await sender.stop();
    }
  });

  it("survives a killed process: a new one sends the redeliveries the old one scheduled", async () => {
    const { db, config } = database();
    const { channel, bot } = await setUp(db, 1, true);
    await enqueueEvents(db, channel.id, { text: "killed" });
    const child = fork("lib/dev/testing/dispatcher-process.mts", [], {
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      env: {
        ...process.env,
        ...ALLOW_PRIVATE_TARGETS,
        DATABASE_URL: config.provider === "sqlite" ? `file:${config.filePath}` : config.url,
        WEBHOOK_POLL_INTERVAL_MS: "20",
        WEBHOOK_REDELIVERY_SCHEDULE_MS: "1500",
      },
      stdio: "ignore",
    });
    try {
      await expect
        .poll(
          async () => {
            const waiting = await db.webhook.findFirstOrThrow();
            return [waiting.status, waiting.attemptCount];
          },
          { timeout: 15_000 },
        )
        .toEqual(["pending", 1]);
    } finally {
      child.kill("SIGKILL");
    }
    await new Promise((resolve) => child.once("exit", resolve));
    expect(bot.received).toHaveLength(1);
    const next = dispatcher("1500");
    await next.start();
    await expect.poll(() => bot.received.length, { timeout: 5000 }).toBe(2);
    expect(bot.received.map((r) => r.isRedelivery)).toEqual([false, true]);
  });

  it("survives a restart: a new dispatcher sends the redeliveries the old one scheduled", async () => {
    const { db } = database();
    const { channel, bot } = await setUp(db, 1, true);
    await enqueueEvents(db, channel.id, { text: "durable" });
    const first = dispatcher("500");
    await first.start();
    await expect
      .poll(async () => {
        const waiting = await db.webhook.findFirstOrThrow();
        return [waiting.status, waiting.attemptCount];
      })
      .toEqual(["pending", 1]);
    // The process goes away before the redelivery is due; nothing survives but the database.
    await first.stop();
    expect(bot.received).toHaveLength(1);
    const second = dispatcher("500");
    await second.start();
    await expect.poll(() => bot.received.length, { timeout: 5000 }).toBe(2);
    expect(bot.received[1]?.isRedelivery).toBe(true);
    await expect
      .poll(async () => (await db.webhook.findFirstOrThrow()).status, { timeout: 3000 })
      .toBe("delivered");
  });
});
