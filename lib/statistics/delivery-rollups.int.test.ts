// Success rate and latency rollups on SQLite and PostgreSQL: what they count (attempts made while
// Use webhook is on, through the real dispatcher and recorder), that they stay exact under
// several batches and concurrent writers (minutes sum to hours), and that the percentiles read
// from them are within the histogram's relative error of exact ones over 20,000 latencies. (The
// bound for each latency is latency-histogram.test.ts's; here tiers must merge and reads rank.)
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { deleteChannel } from "../channels/delete-channel";
import { updateChannel } from "../channels/update-channel";
import { createDbClient, type Db } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import { openSqlConnection } from "../db/sql-driver";
import { NO_ATTEMPT_DETAIL } from "../dev/testing/aged-rows";
import { ALLOW_PRIVATE_TARGETS } from "../dev/testing/allow-private-targets";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { parseDeliveryStatisticsRequest } from "../dev/testing/statistics-request";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { dispatchSettingsFromEnv } from "../dispatch/dispatch-settings";
import { Dispatcher } from "../dispatch/dispatcher";
import type { WebhookOutcome } from "../dispatch/queue/attempt-record";
import { AttemptRecorder } from "../dispatch/queue/attempt-recorder";
import { enqueueEvents } from "../events/enqueue-events";
import { newUlid } from "../ids/new-ulid";
import { createProvider } from "../providers/create-provider";
import {
  type DeliveredAttempt,
  histogramDeltas,
  rollupDayStart,
  upsertDeliveryRollups,
} from "./delivery-rollups";
import { rollupHourStart } from "./error-rollups";
import { exactQuantile, RELATIVE_ERROR } from "./latency-histogram";
import { queryDeliveryStatistics } from "./query-delivery-statistics";

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** mulberry32: a small seeded PRNG, so every run draws the same latencies. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
const normal = (random: () => number) =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** Latency distributions in whole ms, as webhook endpoints produce them. */
const DISTRIBUTIONS: Record<string, (random: () => number) => number> = {
  "log-normal around 80 ms": (r) => Math.round(Math.exp(Math.log(80) + 0.6 * normal(r))),
  "exponential, mean 40 ms": (r) => Math.round(-40 * Math.log(1 - r())),
  "uniform 0 to 2000 ms": (r) => Math.floor(r() * 2001),
  "bimodal: cache hits ~3 ms, misses ~900 ms": (r) =>
    r() < 0.8 ? Math.round(3 + r() * 3) : Math.round(900 + 150 * normal(r)),
  "Pareto tail from 10 ms (α 1.2)": (r) =>
    Math.min(600_000, Math.round(10 / (1 - r()) ** (1 / 1.2))),
};

async function newChannel(db: Db, useWebhook = true) {
  const owner = await createProvider(db, { name: "Latency" }, "tester@example.com");
  const channel = await createChannel(db, owner.id, { name: "Bot" }, "tester@example.com");
  if (useWebhook) {
    await updateChannel(
      db,
      channel.id,
      { webhookUrl: "http://127.0.0.1:9/hook", useWebhook: true },
      "tester@example.com",
    );
  }
  return channel;
}

/** Every row of both tiers, and the hourly counts the per-minute rows add up to. */
async function tiers(db: Db) {
  const minutes = await db.deliveryRollup.findMany();
  const hours = await db.deliveryRollupHour.findMany();
  const key = (channelId: string, hour: Date, bucket: number) =>
    JSON.stringify([channelId, hour.getTime(), bucket]);
  const minutesByHour = new Map<string, number>();
  for (const row of minutes) {
    const k = key(row.channelId, rollupHourStart(row.windowStart), row.bucket);
    minutesByHour.set(k, (minutesByHour.get(k) ?? 0) + row.count);
  }
  const hourly = new Map(
    hours.map((row) => [key(row.channelId, row.hourStart, row.bucket), row.count]),
  );
  const hoursByDay = new Map<string, number>();
  for (const row of hours) {
    const k = key(row.channelId, rollupDayStart(row.hourStart), row.bucket);
    hoursByDay.set(k, (hoursByDay.get(k) ?? 0) + row.count);
  }
  const daily = new Map(
    (await db.deliveryRollupDay.findMany()).map((row) => [
      key(row.channelId, row.dayStart, row.bucket),
      row.count,
    ]),
  );
  return { minutes, hours, minutesByHour, hourly, hoursByDay, daily };
}

/** What the attempts should have made of the per-minute tier, by (channel, minute, bucket). */
function expectedMinutes(attempts: DeliveredAttempt[]) {
  return new Map(
    histogramDeltas(attempts).map((d) => [
      JSON.stringify([d.channelId, d.at.getTime(), d.bucket]),
      d.count,
    ]),
  );
}

function randomAttempts(
  random: () => number,
  channelIds: string[],
  count: number,
  from: Date,
  spanMs: number,
): DeliveredAttempt[] {
  return Array.from({ length: count }, () => ({
    channelId: channelIds[Math.floor(random() * channelIds.length)] as string,
    attemptedAt: new Date(from.getTime() + Math.floor(random() * spanMs)),
    success: random() < 0.9,
    latencyMs: Math.round(-50 * Math.log(1 - random())),
  }));
}

describe.each(TEST_PROVIDERS)("delivery rollups on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function dispatchAll() {
    const dispatcher = new Dispatcher({
      storage: { database: database().config, thread: false },
      settings: dispatchSettingsFromEnv({
        ...ALLOW_PRIVATE_TARGETS,
        WEBHOOK_POLL_INTERVAL_MS: "50",
      }),
      log: () => {},
    });
    await dispatcher.start();
    await dispatcher.whenIdle();
    await dispatcher.stop();
  }

  it("counts every attempt sent through the dispatcher, aggregation on or off, and answers the rate of a known mix", async () => {
    const { db } = database();
    const { channel, bot } = await channelWithDemoBot(db, {
      mode: "ok",
      onCleanup: (close) => stops.push(close),
    });
    const before = new Date();
    for (let i = 0; i < 3; i++) await enqueueEvents(db, channel.id, { text: `ok ${i}` });
    await dispatchAll();
    bot.setMode("error500");
    await enqueueEvents(db, channel.id, { text: "fails" });
    await dispatchAll();

    expect(await db.deliveryAttempt.count({ where: { channelId: channel.id } })).toBe(4);
    const url = `http://localhost/?${new URLSearchParams({
      from: new Date(before.getTime() - HOUR).toISOString(),
      to: new Date(Date.now() + MINUTE).toISOString(),
    })}`;
    const { query, range, kept } = parseDeliveryStatisticsRequest(
      new Request(url),
      new Date(),
      null,
    );
    const stats = await queryDeliveryStatistics(db, channel.id, query, range, kept);
    expect(stats.totals).toMatchObject({ attempts: 4, successes: 3, successRate: 0.75 });
    expect(stats.totals.p50).not.toBeNull();
    expect(stats.relativeError).toBe(RELATIVE_ERROR);
    expect(stats.series.reduce((sum, point) => sum + point.attempts, 0)).toBe(4);
    // Error statistics aggregation is off: these are not error statistics.
    expect(await db.errorRollup.count()).toBe(0);
  });

  it("does not count attempts written after Use webhook was turned off", async () => {
    const { db } = database();
    const channel = await newChannel(db);
    const queued = await enqueueEvents(db, channel.id, { text: "hi" });
    if (!queued.queued) throw new Error("Use webhook is on: the event is queued");
    const outcome = (latencyMs: number): WebhookOutcome => ({
      webhookId: queued.webhookId,
      status: "delivered",
      attempt: {
        id: newUlid(),
        webhookId: queued.webhookId,
        channelId: channel.id,
        attemptedAt: new Date(),
        url: "http://127.0.0.1:9/hook",
        eventIds: "[]",
        attemptNumber: 1,
        isRedelivery: false,
        success: true,
        reason: null,
        detail: null,
        statusCode: 200,
        latencyMs,
        protocol: "http/1.1",
        error: null,
        counted: false,
        ...NO_ATTEMPT_DETAIL,
      },
    });
    const sql = openSqlConnection(database().config);
    try {
      const recorder = new AttemptRecorder(sql, "test-worker");
      await recorder.record(outcome(12));
      await updateChannel(db, channel.id, { useWebhook: false }, "tester@example.com");
      await recorder.record(outcome(34));
    } finally {
      await sql.close();
    }

    expect(await db.deliveryAttempt.count()).toBe(2);
    const { minutes, hours } = await tiers(db);
    expect(minutes.map((row) => row.count)).toEqual([1]);
    expect(hours.map((row) => row.count)).toEqual([1]);
  });

  it("go with their channel when it is deleted", async () => {
    const { db } = database();
    const [gone, kept] = [await newChannel(db), await newChannel(db)];
    const attempt = (channelId: string) => ({
      channelId,
      attemptedAt: at("2026-11-27T08:00:00Z"),
      success: true,
      latencyMs: 25,
    });
    await upsertDeliveryRollups(prismaSql(db), [attempt(gone.id), attempt(kept.id)]);
    await deleteChannel(db, gone.id, "tester@example.com");
    expect((await db.deliveryRollup.findMany()).map((row) => row.channelId)).toEqual([kept.id]);
    expect((await db.deliveryRollupHour.findMany()).map((row) => row.channelId)).toEqual([kept.id]);
  });

  it("stay exact over several batches from concurrent transactions: minutes sum to hours, hours to days", async () => {
    const { db, config } = database();
    const channels = [(await newChannel(db)).id, (await newChannel(db)).id];
    const random = prng(11);
    // Two hours and a bit, so that hours are shared by many minutes and both tiers collide.
    const from = at("2026-11-27T14:50:00Z");
    const writers = Array.from({ length: 4 }, () =>
      Array.from({ length: 5 }, () => randomAttempts(random, channels, 300, from, 2 * HOUR)),
    );
    // Each batch its own transaction. On PostgreSQL each writer has its own client (its own
    // connections), as dispatcher processes do, so their transactions truly overlap. SQLite lets
    // one writer in at a time, and better-sqlite3 waits for the lock synchronously, so several
    // clients in one process would block each other: there the writers share the test's client.
    const clients = writers.map(() => (provider === "postgres" ? createDbClient(config) : db));
    try {
      await Promise.all(
        writers.map(async (batches, i) => {
          const client = clients[i] as Db;
          for (const batch of batches) {
            await client.$transaction((tx) =>
              upsertDeliveryRollups(prismaSql(tx, provider), batch),
            );
          }
        }),
      );
    } finally {
      if (provider === "postgres") {
        await Promise.all(clients.map((client) => client.$disconnect()));
      }
    }

    const all = writers.flat(2);
    const { minutes, minutesByHour, hourly, hoursByDay, daily } = await tiers(db);
    const expected = expectedMinutes(all);
    expect(
      new Map(
        minutes.map((row) => [
          JSON.stringify([row.channelId, row.windowStart.getTime(), row.bucket]),
          row.count,
        ]),
      ),
    ).toEqual(expected);
    expect(hourly).toEqual(minutesByHour);
    // The range crosses 15:00 UTC, a UTC+9 midnight: two days.
    expect(new Set([...daily.keys()].map((k) => JSON.parse(k)[1])).size).toBe(2);
    expect(daily).toEqual(hoursByDay);
    expect([...hourly.values()].reduce((sum, n) => sum + n, 0)).toBe(all.length);
  });

  it("day buckets are UTC+9 days, each the sum of its hours and the minutes at the range's ends", async () => {
    const { db } = database();
    const channel = await newChannel(db);
    const random = prng(9);
    // 2 days 22 h 50 min, from 10:25 UTC (19:25 UTC+9): four UTC+9 days, ragged at both ends.
    const from = at("2026-11-25T10:25:00Z");
    const span = 70 * HOUR + 50 * MINUTE;
    const attempts = randomAttempts(random, [channel.id], 20_000, from, span);
    for (let i = 0; i < attempts.length; i += 4000) {
      await db.$transaction((tx) =>
        upsertDeliveryRollups(prismaSql(tx, provider), attempts.slice(i, i + 4000)),
      );
    }
    const url = `http://localhost/?${new URLSearchParams({
      from: from.toISOString(),
      to: new Date(from.getTime() + span).toISOString(),
      bucket: "day",
    })}`;
    const { query, range, kept } = parseDeliveryStatisticsRequest(
      new Request(url),
      at("2026-11-29T00:00:00Z"),
      null,
    );
    const stats = await queryDeliveryStatistics(db, channel.id, query, range, kept);
    expect(stats.series.map((point) => point.bucketStart)).toEqual([
      "2026-11-24T15:00:00.000Z",
      "2026-11-25T15:00:00.000Z",
      "2026-11-26T15:00:00.000Z",
      "2026-11-27T15:00:00.000Z",
    ]);
    for (const point of stats.series) {
      const start = Date.parse(point.bucketStart);
      const day = attempts.filter(
        (a) => a.attemptedAt.getTime() >= start && a.attemptedAt.getTime() < start + 24 * HOUR,
      );
      const sorted = day
        .filter((a) => a.success)
        .map((a) => a.latencyMs)
        .sort((a, b) => a - b);
      expect(point.attempts).toBe(day.length);
      expect(point.successes).toBe(sorted.length);
      for (const [name, q] of [
        ["p50", 0.5],
        ["p99", 0.99],
      ] as const) {
        const exact = exactQuantile(sorted, q) as number;
        expect(Math.abs((point[name] as number) - exact)).toBeLessThanOrEqual(
          RELATIVE_ERROR * exact + 1e-9,
        );
      }
    }
    expect(stats.totals.attempts).toBe(attempts.length);
  });

  it.each<Record<string, string>>([
    { from: "0001-01-01T00:00:00Z", to: "0001-03-31T00:00:00Z", bucket: "day" },
    { from: "0001-01-01T09:00:00+09:00", to: "0001-01-01T10:00:00+09:00", bucket: "minute" },
    { from: "9999-10-03T00:00:00Z", to: "9999-12-31T23:59:59.999Z" },
  ])("answers the ranges at the edges of what the API accepts: %o", async (ask) => {
    const { db } = database();
    const channel = await newChannel(db);
    const url = `http://localhost/?${new URLSearchParams(ask)}`;
    const parsed = parseDeliveryStatisticsRequest(new Request(url), at("2026-11-27T12:00:00Z"));
    // As the route handlers call it: with retention's cutoffs (the defaults) and without.
    for (const kept of [parsed.kept, null]) {
      const stats = await queryDeliveryStatistics(db, channel.id, parsed.query, parsed.range, kept);
      expect(stats.totals.attempts).toBe(0);
      expect(stats.series.length).toBeGreaterThan(0);
    }
  });

  describe("percentiles over 20,000 latencies", () => {
    it.each(Object.entries(DISTRIBUTIONS))(
      "%s: within α of the exact nearest-rank ones, per hour and over the range",
      async (_name, draw) => {
        const { db } = database();
        const channel = await newChannel(db);
        const random = prng(2026);
        const from = at("2026-11-27T10:30:00Z");
        // 2 h 40 min from 10:30: minute edges on both sides of two whole hours.
        const span = 2 * HOUR + 40 * MINUTE;
        const attempts: DeliveredAttempt[] = Array.from({ length: 20_000 }, () => ({
          channelId: channel.id,
          attemptedAt: new Date(from.getTime() + Math.floor(random() * span)),
          success: random() < 0.95,
          latencyMs: draw(random),
        }));
        for (let i = 0; i < attempts.length; i += 5000) {
          const batch = attempts.slice(i, i + 5000);
          await db.$transaction((tx) => upsertDeliveryRollups(prismaSql(tx, provider), batch));
        }

        const { minutesByHour, hourly, hoursByDay, daily } = await tiers(db);
        expect(hourly).toEqual(minutesByHour);
        expect(daily).toEqual(hoursByDay);

        const ask = async (bucket: "hour" | "day") => {
          const url = `http://localhost/?${new URLSearchParams({
            from: from.toISOString(),
            to: new Date(from.getTime() + span).toISOString(),
            bucket,
          })}`;
          const { query, range, kept } = parseDeliveryStatisticsRequest(
            new Request(url),
            at("2026-11-28T00:00:00Z"),
            null,
          );
          return queryDeliveryStatistics(db, channel.id, query, range, kept);
        };
        const check = (
          summary: { attempts: number; successes: number; successRate: number | null } & Record<
            "p50" | "p95" | "p99",
            number | null
          >,
          sample: DeliveredAttempt[],
        ) => {
          const successes = sample.filter((a) => a.success);
          const sorted = successes.map((a) => a.latencyMs).sort((a, b) => a - b);
          expect(summary.attempts).toBe(sample.length);
          expect(summary.successes).toBe(successes.length);
          expect(summary.successRate).toBe(successes.length / sample.length);
          for (const [name, q] of [
            ["p50", 0.5],
            ["p95", 0.95],
            ["p99", 0.99],
          ] as const) {
            const exact = exactQuantile(sorted, q) as number;
            const estimate = summary[name] as number;
            const error = exact === 0 ? estimate : Math.abs(estimate - exact) / exact;
            expect(error, `${name}: ${estimate} for ${exact}`).toBeLessThanOrEqual(
              RELATIVE_ERROR + 1e-12,
            );
          }
        };

        const byDay = await ask("day");
        check(byDay.totals, attempts);
        const byHour = await ask("hour");
        check(byHour.totals, attempts);
        expect(byHour.series).toHaveLength(4);
        for (const point of byHour.series) {
          const start = Date.parse(point.bucketStart);
          check(
            point,
            attempts.filter((a) => rollupHourStart(a.attemptedAt).getTime() === start),
          );
        }
      },
      120_000,
    );
  });
});
