// The retention job on SQLite and PostgreSQL: what it deletes (only what is older than each
// window), how (batches of at most the batch size, each found through an index), that the
// statistics of what it keeps do not change, and that on PostgreSQL one process runs it at a time.
import { describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { type Db, dialectOf, Prisma } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import {
  insertAgedAttempts,
  insertAgedFailures,
  insertAgedWebhook,
  instantsFrom,
} from "../dev/testing/aged-rows";
import {
  parseDeliveryStatisticsRequest,
  parseStatisticsRequest,
} from "../dev/testing/statistics-request";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { newUlid } from "../ids/new-ulid";
import { createProvider } from "../providers/create-provider";
import { upsertDeliveryRollups } from "../statistics/delivery-rollups";
import { queryDeliveryStatistics } from "../statistics/query-delivery-statistics";
import { queryErrorStatistics } from "../statistics/query-error-statistics";
import { DELETIONS, type RetentionKind } from "./delete-batches";
import { runRetention } from "./run-retention";
import { startRetention } from "./start-retention";

const at = (iso: string) => new Date(iso);
const windows = { attemptsDays: 14, minuteRollupsDays: 90, hourRollupsDays: 400 };
// Cutoffs: attempts 2026-11-13T12:34:56.789Z, per-minute 2026-08-29T12:00Z, hourly 2025-10-23T12:00Z.
const now = at("2026-11-27T12:34:56.789Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

async function newChannel(db: Db) {
  const owner = await createProvider(db, { name: "Retention" }, "tester@example.com");
  return createChannel(db, owner.id, { name: "Bot" }, "tester@example.com");
}

/** A channel with rows on both sides of every window; what the pass must leave, by name. */
async function seed(db: Db) {
  const { id: channelId } = await newChannel(db);
  const webhook = (status: Parameters<typeof insertAgedWebhook>[1]["status"], iso: string) =>
    insertAgedWebhook(db, { channelId, status, at: at(iso) });
  const oldFailed = await webhook("failed", "2026-11-01T00:00:00Z");
  await insertAgedAttempts(db, {
    channelId,
    webhookId: oldFailed,
    times: instantsFrom(at("2026-10-31T23:50:00Z"), 250, SECOND),
  });
  const oldGivenUp = await webhook("given_up", "2026-10-02T00:00:00Z");
  await insertAgedAttempts(db, {
    channelId,
    webhookId: oldGivenUp,
    times: instantsFrom(at("2026-10-01T20:00:00Z"), 10, 10 * MINUTE),
  });
  const oldCancelled = await webhook("cancelled", "2026-10-01T00:00:00Z");
  // Not finished: kept whatever their age.
  const oldPending = await webhook("pending", "2026-10-01T00:00:00Z");
  const oldSending = await webhook("sending", "2026-10-01T00:00:00Z");
  // Changed after the cutoff: kept, with its attempt made exactly at the cutoff; the one made a
  // millisecond before goes.
  const atCutoff = await webhook("failed", "2026-11-13T12:40:00Z");
  await insertAgedAttempts(db, {
    channelId,
    webhookId: atCutoff,
    times: [at("2026-11-13T12:34:56.788Z"), at("2026-11-13T12:34:56.789Z")],
  });
  const recent = await webhook("delivered", "2026-11-26T00:00:00Z");
  await insertAgedAttempts(db, {
    channelId,
    webhookId: recent,
    times: instantsFrom(at("2026-11-25T23:00:00Z"), 3, 20 * MINUTE),
  });

  // Each failure also counted in the latency histograms: one row per minute, hour and UTC+9 day
  // there too (the days: 2025-06-01, 2026-08-01, 2026-08-29 for both of its failures, 2026-11-20).
  const failures = async (first: string, count: number) => {
    const times = instantsFrom(at(first), count, MINUTE);
    await insertAgedFailures(db, { channelId, times });
    await upsertDeliveryRollups(
      prismaSql(db),
      times.map((attemptedAt) => ({ channelId, attemptedAt, success: false, latencyMs: 0 })),
    );
  };
  await failures("2025-06-01T00:00:00Z", 120); // before both rollup windows: 120 minutes, 2 hours
  await failures("2026-08-01T00:00:00Z", 150); // hourly only: 150 minutes go, 3 hours stay
  await failures("2026-08-29T11:59:59Z", 1); // its minute goes, its hour stays
  await failures("2026-08-29T12:00:00Z", 1); // both stay
  await failures("2026-11-20T00:00:00Z", 30); // recent: 30 minutes, 1 hour
  // The event index goes with its webhook.
  for (const webhookId of [oldFailed, recent]) {
    await db.webhookEvent.create({ data: { webhookEventId: newUlid(), webhookId } });
  }
  // Error notification emails: done with ones older than the attempts window go; one still to
  // send stays whatever its age, as does one made at the cutoff.
  const notification = (status: string, iso: string) =>
    db.notification.create({
      data: {
        id: newUlid(at(iso).getTime()),
        channelId,
        kind: "error",
        dedupeKey: `error:${channelId}:${iso}`,
        recipients: "[]",
        subject: "Messaging API",
        text: "",
        status,
        createdAt: at(iso),
      },
    });
  await notification("sent", "2026-11-01T00:00:00Z");
  await notification("outbox", "2026-11-02T00:00:00Z");
  await notification("failed", "2026-11-13T12:34:56.788Z");
  await notification("queued", "2026-10-01T00:00:00Z");
  await notification("sent", "2026-11-13T12:34:56.789Z");
  await notification("outbox", "2026-11-26T00:00:00Z");
  return {
    channelId,
    oldFailed,
    oldGivenUp,
    oldCancelled,
    oldPending,
    oldSending,
    atCutoff,
    recent,
  };
}

async function remaining(db: Db) {
  return {
    attempts: await db.deliveryAttempt.count(),
    webhooks: (await db.webhook.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
      (row) => row.id,
    ),
    notifications: await db.notification.count(),
    minuteRollups: await db.errorRollup.count(),
    hourRollups: await db.errorRollupHour.count(),
    indexedEvents: await db.webhookEvent.count(),
    deliveryMinuteRollups: await db.deliveryRollup.count(),
    deliveryHourRollups: await db.deliveryRollupHour.count(),
    deliveryDayRollups: await db.deliveryRollupDay.count(),
  };
}

interface TableRead {
  plan: string;
  /** Reads the rows an index (or the row handles) point at, not the whole table or index. */
  usesIndex: boolean;
}

/** How SQLite reads each table: "SEARCH" goes through an index, "SCAN" reads all of it. */
async function sqliteScans(db: Db, statement: Prisma.Sql): Promise<TableRead[]> {
  const lines = await db.$queryRaw<{ detail: string }[]>(
    Prisma.sql`EXPLAIN QUERY PLAN ${statement}`,
  );
  return lines
    .map((line) => line.detail)
    .filter((plan) => /^(SEARCH|SCAN) /.test(plan))
    .map((plan) => ({ plan, usesIndex: plan.startsWith("SEARCH ") }));
}

interface PostgresPlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "TID Cond"?: string;
  Plans?: PostgresPlanNode[];
}

/**
 * How PostgreSQL reads each table, with sequential scans forbidden (on these near-empty tables
 * it would rightly prefer them): an index scan must have a condition, or it reads the whole
 * index.
 */
async function postgresScans(db: Db, statement: Prisma.Sql): Promise<TableRead[]> {
  const [row] = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    return tx.$queryRaw<{ "QUERY PLAN": [{ Plan: PostgresPlanNode }] }[]>(
      Prisma.sql`EXPLAIN (FORMAT JSON) ${statement}`,
    );
  });
  const reads: TableRead[] = [];
  const visit = (node: PostgresPlanNode) => {
    const type = node["Node Type"];
    const plan = `${type} ${node["Relation Name"] ?? node["Index Name"] ?? ""}`.trim();
    if (type === "Seq Scan") reads.push({ plan, usesIndex: false });
    if (type === "Tid Scan") reads.push({ plan, usesIndex: node["TID Cond"] !== undefined });
    if (["Index Scan", "Index Only Scan", "Bitmap Index Scan"].includes(type)) {
      reads.push({ plan, usesIndex: node["Index Cond"] !== undefined });
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  for (const { Plan } of row?.["QUERY PLAN"] ?? []) visit(Plan);
  return reads;
}

/** The statistics API's answer for a range, as of `now`, with retention's cutoffs applied. */
async function statistics(db: Db, channelId: string, query: Record<string, string>) {
  const url = `http://localhost/?${new URLSearchParams(query)}`;
  const parsed = parseStatisticsRequest(new Request(url), now, windows);
  return queryErrorStatistics(db, channelId, parsed.query, parsed.range, parsed.kept);
}

/** The success rate and latency answer for a range, likewise. */
async function deliveryStatistics(db: Db, channelId: string, query: Record<string, string>) {
  const url = `http://localhost/?${new URLSearchParams(query)}`;
  const parsed = parseDeliveryStatisticsRequest(new Request(url), now, windows);
  return queryDeliveryStatistics(db, channelId, parsed.query, parsed.range, parsed.kept);
}

describe.each(TEST_PROVIDERS)("retention on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("deletes only what is older than each window, in batches, keeping the statistics kept", async () => {
    const { db, config } = database();
    const rows = await seed(db);
    const kept = (query: Record<string, string>) => statistics(db, rows.channelId, query);
    const ranges: Record<string, string>[] = [
      { from: "2026-11-19T15:00:00Z", to: "2026-11-26T15:00:00Z", bucket: "day" },
      { from: "2026-08-29T11:00:00Z", to: "2026-08-29T13:00:00Z" },
      { from: "2026-08-01T00:00:00Z", to: "2026-08-01T03:00:00Z" },
    ];
    const before = await Promise.all(ranges.map(kept));
    expect(before.map((answer) => answer.totals.all)).toEqual([30, 2, 150]);
    const keptDeliveries = (query: Record<string, string>) =>
      deliveryStatistics(db, rows.channelId, query);
    const deliveriesBefore = await Promise.all(ranges.map(keptDeliveries));
    expect(deliveriesBefore.map((answer) => answer.totals.attempts)).toEqual([30, 2, 150]);

    const sizes: { kind: RetentionKind; deleted: number }[] = [];
    const pass = await runRetention(db, config, {
      windows,
      now,
      batchSize: 100,
      pauseMs: 1,
      onBatch: (batch) => {
        sizes.push(batch);
      },
    });

    expect(pass).toMatchObject({
      ran: true,
      interrupted: false,
      deleted: {
        attempts: 261,
        webhooks: 3,
        notifications: 3,
        minuteRollups: 271,
        hourRollups: 2,
        deliveryMinuteRollups: 271,
        deliveryHourRollups: 2,
        deliveryDayRollups: 1,
      },
      // A batch deletes at most 100 rows; a kind is done at the first batch that deletes fewer.
      batches: {
        attempts: 3,
        webhooks: 1,
        notifications: 1,
        minuteRollups: 3,
        hourRollups: 1,
        deliveryMinuteRollups: 3,
        deliveryHourRollups: 1,
        deliveryDayRollups: 1,
      },
    });
    expect(sizes.map((batch) => `${batch.kind}:${batch.deleted}`)).toEqual([
      "attempts:100",
      "attempts:100",
      "attempts:61",
      "webhooks:3",
      "notifications:3",
      "minuteRollups:100",
      "minuteRollups:100",
      "minuteRollups:71",
      "hourRollups:2",
      "deliveryMinuteRollups:100",
      "deliveryMinuteRollups:100",
      "deliveryMinuteRollups:71",
      "deliveryHourRollups:2",
      "deliveryDayRollups:1",
    ]);
    expect(await remaining(db)).toEqual({
      attempts: 1 + 3,
      webhooks: [rows.oldPending, rows.oldSending, rows.atCutoff, rows.recent].sort(),
      notifications: 3,
      minuteRollups: 1 + 30,
      hourRollups: 3 + 2 + 1,
      indexedEvents: 1,
      deliveryMinuteRollups: 1 + 30,
      deliveryHourRollups: 3 + 2 + 1,
      deliveryDayRollups: 3,
    });
    const left = await db.deliveryAttempt.findMany({ where: { webhookId: rows.atCutoff } });
    expect(left.map((attempt) => attempt.attemptedAt)).toEqual([at("2026-11-13T12:34:56.789Z")]);

    // The statistics of every range answer as before: what the queries read is what was kept.
    expect(await Promise.all(ranges.map(kept))).toEqual(before);
    expect(await Promise.all(ranges.map(keptDeliveries))).toEqual(deliveriesBefore);

    const again = await runRetention(db, config, { windows, now, batchSize: 100 });
    expect(again).toMatchObject({
      deleted: {
        attempts: 0,
        webhooks: 0,
        notifications: 0,
        minuteRollups: 0,
        hourRollups: 0,
        deliveryMinuteRollups: 0,
        deliveryHourRollups: 0,
        deliveryDayRollups: 0,
      },
      batches: {
        attempts: 1,
        webhooks: 1,
        notifications: 1,
        minuteRollups: 1,
        hourRollups: 1,
        deliveryMinuteRollups: 1,
        deliveryHourRollups: 1,
        deliveryDayRollups: 1,
      },
    });
  });

  it("stops at a batch boundary when asked, and the next pass goes on from there", async () => {
    const { db, config } = database();
    const { id: channelId } = await newChannel(db);
    const webhookId = await insertAgedWebhook(db, {
      channelId,
      status: "failed",
      at: at("2026-10-01T00:00:00Z"),
    });
    await insertAgedAttempts(db, {
      channelId,
      webhookId,
      times: instantsFrom(at("2026-09-30T00:00:00Z"), 95, MINUTE),
    });
    const stopping = new AbortController();
    const pass = await runRetention(db, config, {
      windows,
      now,
      batchSize: 10,
      // Long enough that only the stop can end the pause after the first batch.
      pauseMs: 60_000,
      signal: stopping.signal,
      onBatch: () => stopping.abort(),
    });
    expect(pass).toMatchObject({
      ran: true,
      interrupted: true,
      deleted: { attempts: 10 },
      batches: { attempts: 1, webhooks: 0 },
    });
    expect(await db.deliveryAttempt.count()).toBe(85);

    const rest = await runRetention(db, config, { windows, now, batchSize: 50, pauseMs: 1 });
    expect(rest).toMatchObject({ interrupted: false, deleted: { attempts: 85, webhooks: 1 } });
  });

  it("finds every batch through an index: no statement scans a table", async () => {
    const { db } = database();
    const dialect = dialectOf(db);
    for (const { kind, batch } of DELETIONS) {
      const statement = batch(dialect, at("2026-01-01T00:00:00Z"), 1000);
      const scans =
        dialect === "postgres"
          ? await postgresScans(db, statement)
          : await sqliteScans(db, statement);
      expect(scans.length, kind).toBeGreaterThan(0);
      expect(
        scans.filter((scan) => !scan.usesIndex),
        `${kind}: ${JSON.stringify(scans)}`,
      ).toEqual([]);
    }
  });

  it("runs in the background until stopped, and not at all with RETENTION=off", async () => {
    const { db, config } = database();
    const { id: channelId } = await newChannel(db);
    const aged = new Date(Date.now() - 20 * DAY);
    const webhookId = await insertAgedWebhook(db, { channelId, status: "failed", at: aged });
    await insertAgedAttempts(db, { channelId, webhookId, times: [aged] });
    const settings = { enabled: false, windows, intervalMs: 20 };

    const passes: unknown[] = [];
    const off = startRetention(db, config, settings, { onPass: (pass) => passes.push(pass) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await off.stop();
    expect(passes).toEqual([]);
    expect(await db.deliveryAttempt.count()).toBe(1);

    const logged: string[] = [];
    const job = startRetention(
      db,
      config,
      { ...settings, enabled: true },
      { log: (message) => logged.push(message), onPass: (pass) => passes.push(pass) },
    );
    await expect.poll(() => passes.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await job.stop();
    const count = passes.length;
    expect(passes[0]).toMatchObject({ ran: true, deleted: { attempts: 1, webhooks: 1 } });
    expect(passes[1]).toMatchObject({ ran: true, deleted: { attempts: 0, webhooks: 0 } });
    expect(logged).toEqual([
      "deleted 1 attempts, 1 webhooks, 0 notification emails, 0 per-minute, 0 hourly and 0 daily statistics rows",
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(passes).toHaveLength(count);
  });
});

describe("retention on postgres: one process at a time", () => {
  const database = useTestDatabase("postgres");

  it("a second runner does not run while the first holds the lock, and runs once it is done", async () => {
    const { db, config } = database();
    const { id: channelId } = await newChannel(db);
    const webhookId = await insertAgedWebhook(db, {
      channelId,
      status: "failed",
      at: at("2026-10-01T00:00:00Z"),
    });
    await insertAgedAttempts(db, {
      channelId,
      webhookId,
      times: instantsFrom(at("2026-09-30T00:00:00Z"), 30, MINUTE),
    });
    let holding: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first runner stops after its first batch and holds the lock there.
    const first = runRetention(db, config, {
      windows,
      now,
      batchSize: 10,
      pauseMs: 1,
      onBatch: async () => {
        holding();
        await released;
      },
    });
    await held;
    const second = await runRetention(db, config, { windows, now, batchSize: 10, pauseMs: 1 });
    expect(second).toEqual({ ran: false });
    expect(await db.deliveryAttempt.count()).toBe(20);

    release();
    expect(await first).toMatchObject({ ran: true, deleted: { attempts: 30, webhooks: 1 } });
    expect(await runRetention(db, config, { windows, now })).toMatchObject({ ran: true });
  });
});
