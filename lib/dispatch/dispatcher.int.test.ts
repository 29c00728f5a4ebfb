import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import { listDeliveries } from "../deliveries/list-deliveries";
import type { DemoBotMode } from "../dev/demo-bot/modes";
import { ALLOW_PRIVATE_TARGETS } from "../dev/testing/allow-private-targets";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { startDnsServer, startHttpBot } from "../dev/testing/fault-lab";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { enqueueEvents } from "../events/enqueue-events";
import { createProvider } from "../providers/create-provider";
import { dispatchSettingsFromEnv } from "./dispatch-settings";
import { Dispatcher } from "./dispatcher";
import { ALLOW_PRIVATE_TARGETS_HINT } from "./send/target-address";

const settings = (overrides: Record<string, string> = {}) =>
  dispatchSettingsFromEnv({
    ...ALLOW_PRIVATE_TARGETS,
    WEBHOOK_POLL_INTERVAL_MS: "50",
    ...overrides,
  });

describe.each(TEST_PROVIDERS)("dispatcher on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  const channelWithBot = (db: Db, mode: DemoBotMode = "ok") =>
    channelWithDemoBot(db, { mode, onCleanup: (close) => stops.push(close) });

  /**
   * A dispatcher on the test's database. `thread`: on its database thread, as in production (its
   * own connection); the tests of what is sent and recorded, which the thread does not change,
   * keep the store on this thread instead, as a thread costs a CPU-second to start.
   */
  function dispatcher(overrides?: Record<string, string>, { thread = false } = {}) {
    const instance = new Dispatcher({
      storage: { database: database().config, thread },
      settings: settings(overrides),
      log: () => {},
    });
    stops.push(async () => {
      await instance.stop();
    });
    return instance;
  }

  it("delivers a signed webhook the official SDK accepts, and records the attempt", async () => {
    const { db } = database();
    const { channel, bot } = await channelWithBot(db);
    const queued = await enqueueEvents(db, channel.id, { text: "hello" });
    expect(queued.queued).toBe(true);
    const sender = dispatcher({}, { thread: true });
    await sender.start();
    await sender.whenIdle();

    expect(bot.stats()).toEqual({ received: 1, validSignatures: 1, invalidSignatures: 0 });
    const { deliveries } = await listDeliveries(db, channel.id, { limit: 10 });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      success: true,
      statusCode: 200,
      reason: null,
      detail: null,
      attemptNumber: 1,
      isRedelivery: false,
      protocol: "http/1.1",
      url: `${bot.url}/webhook`,
      webhookEventIds: queued.webhookEventIds,
    });
    const webhook = await db.webhook.findFirstOrThrow({ where: { channelId: channel.id } });
    expect(webhook).toMatchObject({ status: "delivered", attemptCount: 1, claimToken: null });
  });

  it("drains one channel's backlog round after round, without waiting for the poll timer", async () => {
    const { db } = database();
    const { channel, bot } = await channelWithBot(db);
    const event = { type: "message" as const, message: { type: "text" as const, text: "b" } };
    const queued = await enqueueEvents(
      db,
      channel.id,
      Array.from({ length: 400 }, () => event),
    );
    expect(queued.queued).toBe(true);
    // A poll longer than the test: only the dispatcher's own signal (the channel has room for a
    // round again) may start each next claim, or the backlog waits a minute per round.
    const sender = dispatcher({ WEBHOOK_POLL_INTERVAL_MS: "60000" }, { thread: true });
    await sender.start();
    await sender.whenIdle();
    expect(bot.stats().received).toBe(400);
    expect(await db.webhook.count({ where: { status: "delivered" } })).toBe(400);
  }, 20_000);

  it("records a failure with LINE's reason and detail", async () => {
    const { db } = database();
    const { channel } = await channelWithBot(db, "error500");
    await enqueueEvents(db, channel.id, { text: "hello" });
    const sender = dispatcher();
    await sender.start();
    await sender.whenIdle();
    const { deliveries } = await listDeliveries(db, channel.id, { limit: 10 });
    expect(deliveries[0]).toMatchObject({
      success: false,
      reason: "error_status_code",
      detail: "500",
      statusCode: 500,
    });
    const webhook = await db.webhook.findFirstOrThrow({ where: { channelId: channel.id } });
    expect(webhook.status).toBe("failed");
  });

  it("sends nothing while Use webhook is off, and says so", async () => {
    const { db } = database();
    const { channel, bot } = await channelWithBot(db);
    await updateChannel(db, channel.id, { useWebhook: false }, "tester@example.com");
    const result = await enqueueEvents(db, channel.id, { text: "hello" });
    expect(result.queued).toBe(false);
    expect(result.webhookEventIds).toHaveLength(1);
    expect(await db.webhook.count()).toBe(0);
    const sender = dispatcher();
    await sender.start();
    await sender.whenIdle();
    expect(bot.stats().received).toBe(0);
  });

  it("cancels a stored webhook whose channel turned Use webhook off before it was sent", async () => {
    const { db } = database();
    const { channel, bot } = await channelWithBot(db);
    await enqueueEvents(db, channel.id, { text: "hello" });
    await updateChannel(db, channel.id, { useWebhook: false }, "tester@example.com");
    const sender = dispatcher();
    await sender.start();
    await sender.whenIdle();
    expect(bot.stats().received).toBe(0);
    expect(await db.deliveryAttempt.count()).toBe(0);
    expect((await db.webhook.findFirstOrThrow()).status).toBe("cancelled");
  });

  it("sends what a stopped process left stored or half-sent", async () => {
    const { db } = database();
    const { channel, bot } = await channelWithBot(db);
    await enqueueEvents(db, channel.id, { text: "stored while no dispatcher ran" });
    await enqueueEvents(db, channel.id, { text: "claimed when the process died" });
    // A dispatcher that died mid-send leaves its claim behind.
    const [, second] = await db.webhook.findMany({ orderBy: { id: "asc" } });
    await db.webhook.update({
      where: { id: second?.id },
      data: { status: "sending", claimToken: "dead" },
    });
    const sender = dispatcher();
    await sender.start();
    await sender.whenIdle();
    expect(bot.stats().validSignatures).toBe(2);
    expect(await db.webhook.count({ where: { status: "delivered" } })).toBe(2);
  });

  it("keeps a slow bot from stalling other channels", async () => {
    const { db } = database();
    const slow = await channelWithBot(db, "slow");
    const fast = await channelWithBot(db, "ok");
    for (let i = 0; i < 6; i++) await enqueueEvents(db, slow.channel.id, { text: `slow ${i}` });
    await enqueueEvents(db, fast.channel.id, { text: "fast" });
    const sender = dispatcher(
      { WEBHOOK_CONCURRENCY: "4", WEBHOOK_CHANNEL_CONCURRENCY: "2" },
      { thread: true },
    );
    await sender.start();
    // The slow bot answers after 2.5 s; the fast channel must not wait for it.
    await expect
      .poll(
        async () => (await listDeliveries(db, fast.channel.id, { limit: 1 })).deliveries.length,
        {
          timeout: 1500,
          interval: 50,
        },
      )
      .toBe(1);
    expect(await db.deliveryAttempt.count({ where: { channelId: slow.channel.id } })).toBe(0);
    // At most WEBHOOK_CHANNEL_CONCURRENCY requests are open at the slow bot at once.
    expect(slow.bot.stats().received).toBe(2);
  });

  it("pages deliveries newest first", async () => {
    const { db } = database();
    const { channel } = await channelWithBot(db);
    for (let i = 0; i < 5; i++) await enqueueEvents(db, channel.id, { text: `m${i}` });
    const sender = dispatcher();
    await sender.start();
    await sender.whenIdle();
    const first = await listDeliveries(db, channel.id, { limit: 3 });
    expect(first.deliveries).toHaveLength(3);
    expect(first.nextBefore).toBe(first.deliveries[2]?.id);
    const second = await listDeliveries(db, channel.id, {
      limit: 3,
      before: first.nextBefore ?? undefined,
    });
    expect(second.deliveries).toHaveLength(2);
    expect(second.nextBefore).toBeNull();
    const ids = [...first.deliveries, ...second.deliveries].map((d) => d.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });
  // The guard as a production server has it: these settings leave WEBHOOK_ALLOW_PRIVATE_TARGETS
  // out. A refused send is an attempt like any other that could not connect.
  it.each([
    [
      "its URL names 127.0.0.1",
      (port: number) => `http://127.0.0.1:${port}/webhook`,
      "127.0.0.1 is",
    ],
    [
      "DNS resolves its host name to 127.0.0.1",
      (port: number) => `https://bot.test:${port}/webhook`,
      "bot.test resolved to 127.0.0.1,",
    ],
  ])("records a refused attempt when %s, and connects to nothing", async (_, url, subject) => {
    const { db } = database();
    const bot = await startHttpBot({ kind: "status", status: 200 });
    stops.push(() => bot.close());
    const dns = await startDnsServer({ mode: "answer", records: { "bot.test": "127.0.0.1" } });
    stops.push(() => dns.close());
    const owner = await createProvider(db, { name: "Guarded" }, "tester@example.com");
    const channel = await createChannel(
      db,
      owner.id,
      { name: "Bot on a private address" },
      "tester@example.com",
    );
    await updateChannel(
      db,
      channel.id,
      { webhookUrl: url(bot.port), useWebhook: true },
      "tester@example.com",
    );
    await enqueueEvents(db, channel.id, { text: "hello" });
    const guarded = new Dispatcher({
      storage: { database: database().config, thread: false },
      settings: dispatchSettingsFromEnv({
        WEBHOOK_POLL_INTERVAL_MS: "50",
        WEBHOOK_DNS_SERVERS: dns.server,
      }),
      log: () => {},
    });
    stops.push(async () => {
      await guarded.stop();
    });
    await guarded.start();
    await guarded.whenIdle();

    const { deliveries } = await listDeliveries(db, channel.id, { limit: 10 });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      success: false,
      reason: "could_not_connect",
      detail: "Connection failed",
      statusCode: 0,
      url: url(bot.port),
      error: `WEBHOOK_PRIVATE_TARGET: refused: ${subject} a loopback address (127.0.0.0/8); ${ALLOW_PRIVATE_TARGETS_HINT}`,
    });
    expect((await db.webhook.findFirstOrThrow()).status).toBe("failed");
    expect(bot.connections).toBe(0);
  });
});
