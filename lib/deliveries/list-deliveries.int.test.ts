// The deliveries explorer's filters and cursor: paging through any combination of filters returns
// every matching attempt exactly once, newest first, and nothing else, on SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import type { Db } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import { insertAgedWebhook, NO_ATTEMPT_DETAIL } from "../dev/testing/aged-rows";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import type { AttemptRecord, WebhookStatus } from "../dispatch/queue/attempt-record";
import { insertAttempts } from "../dispatch/queue/record-outcomes";
import { NotFoundError } from "../errors";
import { newUlid } from "../ids/new-ulid";
import { createProvider } from "../providers/create-provider";
import { type DeliveryFilters, listDeliveries } from "./list-deliveries";

const START = Date.parse("2026-11-20T00:00:00Z");
const OUTCOMES = [
  { success: true, reason: null, detail: null, statusCode: 200 },
  { success: false, reason: "error_status_code", detail: "500", statusCode: 500 },
  { success: false, reason: "error_status_code", detail: "404", statusCode: 404 },
  { success: false, reason: "request_timeout", detail: "Request timeout", statusCode: 0 },
  { success: false, reason: "could_not_connect", detail: "Connection failed", statusCode: 0 },
] as const;
const STATUSES: WebhookStatus[] = ["delivered", "failed", "given_up", "pending"];

/** A fixed pseudo-random sequence (mulberry32), so every run checks the same rows. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row extends AttemptRecord {
  webhookStatus: WebhookStatus;
  webhookAttempts: number;
}

/** 60 webhooks in every state, with 1 to 5 attempts each over a week, in the channel. */
async function seed(db: Db, channelId: string): Promise<Row[]> {
  const next = random(20261127);
  const rows: Row[] = [];
  for (let w = 0; w < 60; w++) {
    const status = STATUSES[w % STATUSES.length] as WebhookStatus;
    const webhookId = await insertAgedWebhook(db, {
      channelId,
      status,
      at: new Date(START + w * 60_000),
    });
    const attempts = 1 + Math.floor(next() * 5);
    await db.webhook.update({ where: { id: webhookId }, data: { attemptCount: attempts } });
    const eventId = newUlid(START + w * 60_000);
    await db.webhookEvent.create({ data: { webhookEventId: eventId, webhookId } });
    for (let a = 0; a < attempts; a++) {
      const at = START + Math.floor(next() * 7 * 24 * 3600_000);
      const outcome = OUTCOMES[Math.floor(next() * OUTCOMES.length)] as (typeof OUTCOMES)[number];
      rows.push({
        id: newUlid(at),
        webhookId,
        channelId,
        attemptedAt: new Date(at),
        url: "https://bot.example/webhook",
        eventIds: JSON.stringify([eventId]),
        attemptNumber: a + 1,
        isRedelivery: a > 0,
        ...outcome,
        latencyMs: 10,
        protocol: "http/1.1",
        error: null,
        ...NO_ATTEMPT_DETAIL,
        counted: !outcome.success && next() < 0.7,
        webhookStatus: status,
        webhookAttempts: attempts,
      });
    }
  }
  await insertAttempts(
    prismaSql(db),
    rows.map(({ webhookStatus: _status, webhookAttempts: _attempts, ...attempt }) => attempt),
  );
  return rows;
}

function matches(row: Row, filters: DeliveryFilters): boolean {
  const { result } = filters;
  if (result === "success" && !row.success) return false;
  if (result === "failed" && row.success) return false;
  if (result === "given_up" && row.webhookStatus !== "given_up") return false;
  if (
    result === "pending_redelivery" &&
    !(row.webhookStatus === "pending" && row.webhookAttempts > 0)
  )
    return false;
  if (filters.reason !== undefined && row.reason !== filters.reason) return false;
  if (filters.detail !== undefined && row.detail !== filters.detail) return false;
  if (filters.statusCode !== undefined && row.statusCode !== filters.statusCode) return false;
  if (filters.from && row.attemptedAt < filters.from) return false;
  if (filters.to && row.attemptedAt >= filters.to) return false;
  if (filters.redelivery !== undefined && row.isRedelivery !== filters.redelivery) return false;
  if (filters.counted !== undefined && row.counted !== filters.counted) return false;
  if (filters.webhookEventId && !row.eventIds.includes(filters.webhookEventId)) return false;
  return true;
}

/** Every page of the list with `filters`, `limit` at a time. */
async function allPages(db: Db, channelId: string, filters: DeliveryFilters, limit: number) {
  const ids: string[] = [];
  let before: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listDeliveries(db, channelId, { ...filters, limit, before });
    ids.push(...page.deliveries.map((delivery) => delivery.id));
    if (!page.nextBefore) return ids;
    before = page.nextBefore;
  }
  throw new Error("the cursor never ended");
}

describe.each(TEST_PROVIDERS)("the deliveries explorer on %s", (provider) => {
  const database = useTestDatabase(provider, { scope: "all" });

  it("returns every matching attempt exactly once, newest first, for any filters", async () => {
    const { db } = database();
    const { id: providerId } = await createProvider(db, { name: "Explorer" }, "tester");
    const channel = await createChannel(db, providerId, { name: "Bot" }, "tester");
    const other = await createChannel(db, providerId, { name: "Other bot" }, "tester");
    const rows = await seed(db, channel.id);
    // Another channel's attempts never show, not even searched by one of its events.
    const otherRows = await seed(db, other.id);
    const foreignEvent = JSON.parse((otherRows[3] as Row).eventIds)[0] as string;
    const someEvent = JSON.parse((rows[17] as Row).eventIds)[0] as string;
    const day = (n: number) => new Date(START + n * 24 * 3600_000);
    const cases: DeliveryFilters[] = [
      {},
      { result: "success" },
      { result: "failed" },
      { result: "given_up" },
      { result: "pending_redelivery" },
      { reason: "error_status_code" },
      { reason: "error_status_code", detail: "500" },
      { reason: "could_not_connect", detail: "Connection failed", counted: true },
      { statusCode: 0 },
      { statusCode: 404, redelivery: true },
      { from: day(2), to: day(4) },
      { from: day(3), reason: "request_timeout", detail: "Request timeout", counted: true },
      { result: "failed", redelivery: false, to: day(5) },
      { webhookEventId: someEvent },
      { result: "given_up", reason: "error_status_code", from: day(1) },
    ];
    for (const filters of cases) {
      const expected = rows
        .filter((row) => matches(row, filters))
        .map((row) => row.id)
        .sort()
        .reverse();
      expect(expected.length, JSON.stringify(filters)).toBeGreaterThan(0);
      // One a page walks the cursor across every row boundary; on the larger sets, 7 a page
      // crosses enough of them at a fraction of the queries.
      for (const limit of expected.length <= 30 ? [1, 7, 200] : [7, 200]) {
        expect(await allPages(db, channel.id, filters, limit), JSON.stringify(filters)).toEqual(
          expected,
        );
      }
    }
    // An event of another channel's webhook, and one no webhook carried: nothing.
    for (const webhookEventId of [foreignEvent, newUlid(START)]) {
      expect(await allPages(db, channel.id, { webhookEventId }, 7)).toEqual([]);
    }
  }, 120_000);

  it("refuses a range that ends before it starts, and an unknown channel", async () => {
    const { db } = database();
    const { id: providerId } = await createProvider(db, { name: "Refusals" }, "tester");
    const channel = await createChannel(db, providerId, { name: "Bot" }, "tester");
    await expect(
      listDeliveries(db, channel.id, {
        limit: 10,
        from: new Date("2026-11-27T10:00:00Z"),
        to: new Date("2026-11-27T09:00:00Z"),
      }),
    ).rejects.toMatchObject({ code: "invalid_input", details: [{ property: "to" }] });
    await expect(listDeliveries(db, "1234567890", { limit: 10 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
