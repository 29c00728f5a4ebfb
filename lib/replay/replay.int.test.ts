// Replay by filter, on both databases: a job resends exactly the webhooks with an attempt the
// explorer's filters select, each once, as a redelivery; cancelling stops it; a process that
// loses its hold on a job hands it over at its cursor, so none is resent twice by it.
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import { startCountingBot } from "../dev/testing/counting-bot";
import { parsePrometheusText, sample } from "../dev/testing/prometheus-text";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import { enqueueEvents } from "../events/enqueue-events";
import { databaseGauges } from "../metrics/database-gauges";
import { renderMetrics } from "../metrics/render-metrics";
import { createProvider } from "../providers/create-provider";
import { cancelReplay, listReplays, previewReplay, startReplay } from "./replay-jobs";
import { ReplayRunner } from "./run-replays";

const ACTOR = "member@example.com";

describe.each(TEST_PROVIDERS)("replay by filter on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function channelWithBot(db: Db) {
    const bot = await startCountingBot();
    stops.push(() => bot.close());
    const owner = await createProvider(db, { name: "Replays" }, ACTOR);
    const channel = await createChannel(db, owner.id, { name: "Bot" }, ACTOR);
    await updateChannel(db, channel.id, { webhookUrl: bot.url, useWebhook: true }, ACTOR);
    return { channel, bot };
  }

  /** `count` webhooks of one event each; their events' ids, in order. */
  async function send(db: Db, channelId: string, count: number, label: string) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(...(await enqueueEvents(db, channelId, { text: `${label} ${i}` })).webhookEventIds);
    }
    return ids;
  }

  /** Runs the job to its end with `runner`, the dispatcher sending what it queues. */
  async function runToEnd(db: Db, runner: ReplayRunner, jobId: string) {
    for (let tick = 0; tick < 500; tick++) {
      await runner.tick();
      const job = await db.replayJob.findUniqueOrThrow({ where: { id: jobId } });
      if (job.status !== "running") return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("the replay did not end");
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("resends exactly the webhooks the filters select, once each, as redeliveries", async () => {
    const { db, config } = database();
    const { channel, bot } = await channelWithBot(db);
    const dispatcher = testDispatcher({ database: config, thread: false }, stops);
    await dispatcher.start();

    bot.setFailing(true);
    const from = new Date();
    const inWindow = await send(db, channel.id, 12, "in the window");
    await dispatcher.whenIdle();
    await sleep(20);
    const to = new Date();
    await sleep(20);
    const afterWindow = await send(db, channel.id, 5, "after the window");
    await dispatcher.whenIdle();
    bot.setFailing(false);
    const delivered = await send(db, channel.id, 4, "delivered");
    await dispatcher.whenIdle();

    const filters = { result: "failed" as const, from, to };
    expect(await previewReplay(db, channel.id, filters, false)).toEqual({
      total: 12,
      byState: { failed: 12, given_up: 0, delivered: 0 },
    });
    // Delivered webhooks are counted apart: only an explicit choice adds them.
    expect((await previewReplay(db, channel.id, {}, true)).byState).toEqual({
      failed: 17,
      given_up: 0,
      delivered: 4,
    });

    const job = await startReplay(
      db,
      channel.id,
      { filters, includeDelivered: false, ratePerSecond: 1000 },
      ACTOR,
    );
    expect(job).toMatchObject({ status: "running", total: 12, queued: 0 });
    const gauges = parsePrometheusText(
      (await renderMetrics([await databaseGauges(prismaSql(db))])).text,
    );
    expect(sample(gauges, "webhook_console_replay_jobs_running")).toBe(1);
    expect(sample(gauges, "webhook_console_replay_webhooks_remaining")).toBe(12);
    const runner = new ReplayRunner(db, { workerId: "runner-a", leaseMs: 30_000, maxDue: 64 }, () =>
      dispatcher.notify(),
    );
    const ended = await runToEnd(db, runner, job.id);
    expect(ended).toMatchObject({ status: "done", queued: 12, skipped: 0 });
    await dispatcher.whenIdle();

    expect([...bot.redelivered].sort()).toEqual([...inWindow].sort());
    const times = (id: string) => bot.received.filter((received) => received === id).length;
    for (const id of inWindow) expect(times(id)).toBe(2);
    for (const id of [...afterWindow, ...delivered]) expect(times(id)).toBe(1);

    const [listed] = (await listReplays(db, channel.id)).replays;
    expect(listed).toMatchObject({ id: job.id, status: "done", sent: 12, failed: 0 });
    const actions = (await db.auditEntry.findMany({ where: { channelId: channel.id } })).map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["replay.started", "replay.finished"]));
  });

  it("stops when cancelled, and a second runner takes a job over only once its hold ran out", async () => {
    const { db, config } = database();
    const { channel, bot } = await channelWithBot(db);
    const dispatcher = testDispatcher({ database: config, thread: false }, stops);
    await dispatcher.start();
    bot.setFailing(true);
    const failed = await send(db, channel.id, 40, "failed");
    await dispatcher.whenIdle();
    bot.setFailing(false);

    const job = await startReplay(
      db,
      channel.id,
      { filters: {}, includeDelivered: false, ratePerSecond: 10 },
      ACTOR,
    );
    const settings = { leaseMs: 30_000, maxDue: 64 };
    const a = new ReplayRunner(db, { ...settings, workerId: "runner-a" }, () =>
      dispatcher.notify(),
    );
    const b = new ReplayRunner(db, { ...settings, workerId: "runner-b" }, () =>
      dispatcher.notify(),
    );
    const t0 = Date.now();
    // A holds it and queues its first; B finds it held.
    expect(await a.tick(new Date(t0))).toBe(1);
    expect(await b.tick(new Date(t0 + 1000))).toBe(0);
    expect(await a.tick(new Date(t0 + 1000))).toBe(10);
    // A goes silent; once its hold has run out B goes on from A's cursor.
    const later = t0 + 1000 + settings.leaseMs + 1;
    expect(await b.tick(new Date(later))).toBe(1);
    expect(await b.tick(new Date(later + 1000))).toBe(10);
    // A is back, but the job is B's now: A's batch is not kept.
    expect(await a.tick(new Date(later + 1000))).toBe(0);

    await cancelReplay(db, channel.id, job.id, ACTOR);
    expect(await b.tick(new Date(later + 2000))).toBe(0);
    await expect(cancelReplay(db, channel.id, job.id, ACTOR)).rejects.toThrow(/cancelled already/);
    // The ticks ran on a clock moved ahead, which made what they queued due then: due now.
    await db.webhook.updateMany({
      where: { replayJobId: job.id, status: "pending" },
      data: { nextAttemptAt: new Date() },
    });
    dispatcher.notify();
    await dispatcher.whenIdle();

    const ended = await db.replayJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(ended).toMatchObject({ status: "cancelled", queued: 22 });
    // Each queued webhook was sent again once, the oldest first; the rest not at all.
    expect(bot.redelivered).toHaveLength(22);
    expect(new Set(bot.redelivered).size).toBe(22);
    expect([...bot.redelivered].sort()).toEqual(failed.slice(0, 22).sort());
  });
});
