// Several dispatcher processes (`npm run worker`) on one PostgreSQL database, as a scaled-out
// deployment runs them (ADR 15): they share the work, a killed one's webhooks are taken over once
// its leases run out, a live one's never are, each channel's concurrency holds across all of
// them, and SIGTERM stops one cleanly. Real processes, a real bot on 127.0.0.1.
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import { type CountingBot, startCountingBot } from "../dev/testing/counting-bot";
import { storeBurst } from "../dev/testing/event-burst";
import { useTestDatabase } from "../dev/testing/test-database";
import { startWorker, type WorkerProcess } from "../dev/testing/worker-process";
import { createProvider } from "../providers/create-provider";

const ACTOR = "tester@example.com";

describe("workers sharing one PostgreSQL database", () => {
  const database = useTestDatabase("postgres");
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function bot(options: Parameters<typeof startCountingBot>[0]): Promise<CountingBot> {
    const started = await startCountingBot(options);
    cleanups.push(() => started.close());
    return started;
  }

  async function workers(count: number, env: Record<string, string>): Promise<WorkerProcess[]> {
    const { config } = database();
    const started = await Promise.all(
      Array.from({ length: count }, () => startWorker(config, env)),
    );
    for (const worker of started) {
      cleanups.push(async () => {
        if (worker.child.exitCode === null && worker.child.signalCode === null) {
          worker.child.kill("SIGKILL");
          await worker.exited;
        }
      });
    }
    return started;
  }

  /** A channel sending to `target`, with error statistics on; returns its id. */
  async function channelTo(db: Db, target: CountingBot, name = "Busy bot"): Promise<string> {
    const provider = await createProvider(db, { name: "Scale" }, ACTOR);
    const channel = await createChannel(db, provider.id, { name }, ACTOR);
    await updateChannel(
      db,
      channel.id,
      { webhookUrl: target.url, useWebhook: true, errorStatisticsAggregation: true },
      ACTOR,
    );
    return channel.id;
  }

  const burst = storeBurst;

  const settled = (db: Db) =>
    db.webhook.count({ where: { status: { in: ["pending", "sending"] } } });

  it("three workers share a burst; one is killed mid-burst; every event still reaches the bot", {
    timeout: 120_000,
  }, async () => {
    const { db } = database();
    const target = await bot({ failEvery: 10 });
    // Five channels of 1,000 events: a channel is served by one worker at a time, so the work
    // spreads over the workers by channel.
    const channelIds: string[] = [];
    const eventIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const channelId = await channelTo(db, target, `Busy bot ${i}`);
      channelIds.push(channelId);
      eventIds.push(...(await burst(db, channelId, 1000)));
    }
    const started = await workers(3, {
      WEBHOOK_LEASE_MS: "1500",
      WEBHOOK_CHANNEL_CONCURRENCY: "8",
      WEBHOOK_CONCURRENCY: "16",
    });
    await expect.poll(() => target.received.length, { timeout: 60_000 }).toBeGreaterThan(1500);
    const holders = async () =>
      new Set(
        (
          await db.webhook.findMany({
            where: { status: "sending" },
            select: { claimToken: true },
          })
        ).map((row) => row.claimToken),
      );
    // Which workers hold claims changes from one moment to the next (a worker between two claims
    // of its channels holds none): watched for a while, more than one must have held some.
    const seen = new Set<string | null>();
    let mid = new Set<string | null>();
    await expect
      .poll(
        async () => {
          mid = await holders();
          for (const token of mid) seen.add(token);
          return started.filter((worker) => seen.has(worker.workerId)).length;
        },
        { timeout: 20_000, interval: 20 },
      )
      .toBeGreaterThan(1);
    const sharing = started.filter((worker) => seen.has(worker.workerId)).length;
    // Killed while it holds claims, which no one else may touch until their leases run out.
    const victim = started.find((worker) => mid.has(worker.workerId)) ?? started[0];
    const held = () =>
      db.webhook.count({ where: { status: "sending", claimToken: victim?.workerId } });
    await expect.poll(held, { timeout: 10_000, interval: 5 }).toBeGreaterThan(0);
    victim?.child.kill("SIGKILL");
    await victim?.exited;
    const orphaned = await held();
    await expect.poll(() => settled(db), { timeout: 60_000, interval: 250 }).toBe(0);

    const unique = new Set(target.received);
    expect(eventIds.filter((id) => !unique.has(id))).toEqual([]);
    const duplicates = target.received.length - unique.size;
    console.log(
      `[workers] ${eventIds.length} events, ${target.received.length} received, ${duplicates} duplicates (sent again after the kill); ${sharing} of ${started.length} workers held claims during the burst; the killed one held ${orphaned}, taken over by the others`,
    );
    // The work was shared, and every webhook the killed worker held was finished by another.
    expect(sharing).toBeGreaterThan(1);
    expect(orphaned).toBeGreaterThan(0);
    expect(duplicates).toBeLessThanOrEqual(orphaned);
    expect(await db.webhook.count({ where: { status: "sending" } })).toBe(0);
    // The statistics equal a recount from the raw attempts, channel by channel.
    for (const channelId of channelIds) {
      const counted = await db.deliveryAttempt.count({ where: { channelId, counted: true } });
      const rolled = await db.errorRollup.aggregate({
        where: { channelId },
        _sum: { errorCount: true },
      });
      expect(counted).toBeGreaterThan(0);
      expect(rolled._sum.errorCount).toBe(counted);
      const failed = await db.deliveryAttempt.count({ where: { channelId, success: false } });
      expect(counted).toBe(failed);
    }
  });

  it("a live worker's leases are never taken, however long its bot takes", {
    timeout: 60_000,
  }, async () => {
    const { db } = database();
    // The bot holds every request for over three leases: only renewal keeps them.
    const target = await bot({ delayMs: 2000 });
    const channelId = await channelTo(db, target);
    const eventIds = await burst(db, channelId, 12);
    await workers(2, { WEBHOOK_LEASE_MS: "600", WEBHOOK_CHANNEL_CONCURRENCY: "12" });
    await expect.poll(() => settled(db), { timeout: 30_000, interval: 250 }).toBe(0);
    expect([...target.received].sort()).toEqual([...eventIds].sort());
    expect(await db.deliveryAttempt.count({ where: { channelId } })).toBe(12);
  });

  it("a channel's concurrency holds across three workers together: one serves it at a time", {
    timeout: 60_000,
  }, async () => {
    const { db } = database();
    const target = await bot({ delayMs: 150 });
    const channelId = await channelTo(db, target);
    await burst(db, channelId, 60);
    await workers(3, { WEBHOOK_CHANNEL_CONCURRENCY: "4", WEBHOOK_CONCURRENCY: "8" });
    await expect.poll(() => settled(db), { timeout: 30_000, interval: 250 }).toBe(0);
    expect(target.received).toHaveLength(60);
    expect(target.maxConcurrent()).toBeLessThanOrEqual(4);
    // ...and the workers did use it: more than one request at a time.
    expect(target.maxConcurrent()).toBeGreaterThan(1);
  });

  it("SIGTERM mid-burst: the worker exits 0 and nothing is lost", { timeout: 60_000 }, async () => {
    const { db } = database();
    const target = await bot({ delayMs: 20 });
    const channelId = await channelTo(db, target);
    const eventIds = await burst(db, channelId, 400);
    const [stopped] = await workers(2, { WEBHOOK_LEASE_MS: "1500" });
    await expect.poll(() => target.received.length, { timeout: 30_000 }).toBeGreaterThan(50);
    stopped?.child.kill("SIGTERM");
    expect(await stopped?.exited).toBe(0);
    await expect.poll(() => settled(db), { timeout: 30_000, interval: 250 }).toBe(0);
    const unique = new Set(target.received);
    expect(eventIds.filter((id) => !unique.has(id))).toEqual([]);
    // A clean stop hands back what it had not sent: nothing is sent twice.
    expect(target.received.length).toBe(unique.size);
  });
});
