// The statistics read model on SQLite and PostgreSQL: rollups in, totals, details, UTC+9 series
// and LINE's rows out; the TSV has the same rows.
import { describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import type { Db } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import { parseStatisticsRequest } from "../dev/testing/statistics-request";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { NotFoundError } from "../errors";
import { createProvider } from "../providers/create-provider";
import { rollupDeltas, upsertRollups } from "./error-rollups";
import { queryErrorStatistics } from "./query-error-statistics";
import { streamErrorRowsTsv } from "./stream-error-rows";

const at = (iso: string) => new Date(iso);

async function seed(db: Db) {
  const owner = await createProvider(db, { name: "Stats" }, "tester@example.com");
  const channel = await createChannel(db, owner.id, { name: "Stats bot" }, "tester@example.com");
  const fail = (iso: string, reason: string, detail: string) => ({
    channelId: channel.id,
    attemptedAt: at(iso),
    reason,
    detail,
  });
  await upsertRollups(
    prismaSql(db),
    rollupDeltas([
      // 14:59 UTC on the 27th is 23:59 on the 27th in UTC+9 ...
      fail("2026-11-27T14:59:10Z", "error_status_code", "500"),
      fail("2026-11-27T14:59:50Z", "error_status_code", "500"),
      // ... and 15:00 UTC is already the 28th there.
      fail("2026-11-27T15:00:05Z", "error_status_code", "500"),
      fail("2026-11-27T15:00:07Z", "could_not_connect", "Connection failed"),
      fail("2026-11-28T03:30:00Z", "request_timeout", "Request timeout"),
    ]),
  );
  // A second batch for an existing row: counts add up, first/last widen.
  await upsertRollups(
    prismaSql(db),
    rollupDeltas([fail("2026-11-27T14:59:01Z", "error_status_code", "500")]),
  );
  return channel;
}

function parse(query: Record<string, string>) {
  const url = `http://localhost/?${new URLSearchParams(query)}`;
  return parseStatisticsRequest(new Request(url), at("2026-11-29T00:00:00Z"));
}

describe.each(TEST_PROVIDERS)("error statistics on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("totals, details, day buckets in UTC+9 and LINE's rows", async () => {
    const { db } = database();
    const channel = await seed(db);
    const { query, range } = parse({
      from: "2026-11-26T15:00:00Z",
      to: "2026-11-28T15:00:00Z",
      bucket: "day",
    });
    const stats = await queryErrorStatistics(db, channel.id, query, range);
    expect(stats.totals).toEqual({
      all: 6,
      byReason: { could_not_connect: 1, request_timeout: 1, error_status_code: 4, unclassified: 0 },
    });
    expect(stats.details[0]).toEqual({ reason: "error_status_code", detail: "500", errors: 4 });
    expect(stats.details).toHaveLength(3);
    // Two JST days: the 27th (from 15:00Z on the 26th) and the 28th (from 15:00Z on the 27th).
    expect(stats.series).toEqual([
      {
        bucketStart: "2026-11-26T15:00:00.000Z",
        counts: { could_not_connect: 0, request_timeout: 0, error_status_code: 3, unclassified: 0 },
      },
      {
        bucketStart: "2026-11-27T15:00:00.000Z",
        counts: { could_not_connect: 1, request_timeout: 1, error_status_code: 1, unclassified: 0 },
      },
    ]);
    expect(stats.rows.total).toBe(4);
    expect(stats.rows.items).toEqual([
      {
        date: "2026-11-28",
        start: "12:30:00",
        end: "12:30:00",
        reason: "request_timeout",
        detail: "Request timeout",
        errors: 1,
      },
      {
        date: "2026-11-28",
        start: "00:00:07",
        end: "00:00:07",
        reason: "could_not_connect",
        detail: "Connection failed",
        errors: 1,
      },
      {
        date: "2026-11-28",
        start: "00:00:05",
        end: "00:00:05",
        reason: "error_status_code",
        detail: "500",
        errors: 1,
      },
      {
        date: "2026-11-27",
        start: "23:59:01",
        end: "23:59:50",
        reason: "error_status_code",
        detail: "500",
        errors: 3,
      },
    ]);
  });

  it("hour buckets, a reason filter and pages", async () => {
    const { db } = database();
    const channel = await seed(db);
    const { query, range } = parse({
      from: "2026-11-27T14:00:00Z",
      to: "2026-11-27T16:00:00Z",
      reason: "error_status_code",
      pageSize: "1",
      page: "2",
    });
    const stats = await queryErrorStatistics(db, channel.id, query, range);
    expect(stats.range.bucket).toBe("minute");
    expect(stats.series).toHaveLength(120);
    expect(stats.details).toEqual([{ reason: "error_status_code", detail: "500", errors: 4 }]);
    // The filter narrows details and rows, not the totals.
    expect(stats.totals.all).toBe(5);
    expect(stats.rows).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(stats.rows.items).toEqual([
      {
        date: "2026-11-27",
        start: "23:59:01",
        end: "23:59:50",
        reason: "error_status_code",
        detail: "500",
        errors: 3,
      },
    ]);
  });

  it("adds the per-minute edges of a range to its whole hours", async () => {
    const { db } = database();
    const channel = await seed(db);
    // 14:30-15:00 and 16:00-16:30 come from the minute rollups, 15:00-16:00 from the hourly ones.
    const { query, range } = parse({
      from: "2026-11-27T14:30:00Z",
      to: "2026-11-27T16:30:00Z",
      bucket: "hour",
    });
    const stats = await queryErrorStatistics(db, channel.id, query, range);
    expect(stats.totals.byReason).toEqual({
      could_not_connect: 1,
      request_timeout: 0,
      error_status_code: 4,
      unclassified: 0,
    });
    expect(
      stats.series.map((point) => [point.bucketStart, point.counts.error_status_code]),
    ).toEqual([
      ["2026-11-27T14:00:00.000Z", 3],
      ["2026-11-27T15:00:00.000Z", 1],
      ["2026-11-27T16:00:00.000Z", 0],
    ]);
    // Starting after 14:59 leaves that minute out, in the totals as in the rows.
    const later = parse({ from: "2026-11-27T15:00:00Z", to: "2026-11-27T16:30:00Z" });
    const fromThree = await queryErrorStatistics(db, channel.id, later.query, later.range);
    expect(fromThree.totals.all).toBe(2);
    expect(fromThree.rows.total).toBe(2);
  });

  it("the TSV holds the same rows, newest first, after a header", async () => {
    const { db } = database();
    const channel = await seed(db);
    const { range } = parse({ from: "2026-11-26T15:00:00Z", to: "2026-11-28T15:00:00Z" });
    const text = await new Response(await streamErrorRowsTsv(db, channel.id, range)).text();
    expect(text).toBe(
      [
        "Date\tStart\tEnd\tReason\tDetail\tErrors",
        "2026-11-28\t12:30:00\t12:30:00\trequest_timeout\tRequest timeout\t1",
        "2026-11-28\t00:00:07\t00:00:07\tcould_not_connect\tConnection failed\t1",
        "2026-11-28\t00:00:05\t00:00:05\terror_status_code\t500\t1",
        "2026-11-27\t23:59:01\t23:59:50\terror_status_code\t500\t3",
        "",
      ].join("\n"),
    );
  });

  it("the default view of errors only minutes old draws the last hour per minute, with the period's totals", async () => {
    const { db } = database();
    const owner = await createProvider(db, { name: "Fresh" }, "tester@example.com");
    const channel = await createChannel(db, owner.id, { name: "Fresh bot" }, "tester@example.com");
    const now = at("2026-12-07T16:47:30Z");
    // Errors in 7 of the last 10 minutes, two of them in one minute.
    const minutesAgo = [1, 2, 3, 5, 6, 8, 9, 9];
    await upsertRollups(
      prismaSql(db),
      rollupDeltas(
        minutesAgo.map((ago) => ({
          channelId: channel.id,
          attemptedAt: new Date(now.getTime() - ago * 60_000),
          reason: "error_status_code",
          detail: "500",
        })),
      ),
    );
    // No period and no bucket: the last 24 hours, Auto.
    const { query, range } = parseStatisticsRequest(new Request("http://localhost/"), now);
    const stats = await queryErrorStatistics(db, channel.id, query, range);

    expect(stats.range).toMatchObject({
      from: "2026-12-06T16:47:30.000Z",
      to: now.toISOString(),
      bucket: "minute",
      seriesFrom: "2026-12-07T15:47:30.000Z",
    });
    expect(stats.series).toHaveLength(61);
    const withData = stats.series.filter((point) => point.counts.error_status_code > 0);
    expect(withData).toHaveLength(7);
    expect(withData.reduce((sum, point) => sum + point.counts.error_status_code, 0)).toBe(8);
    expect(stats.totals.all).toBe(8);

    // A bucket asked for draws the whole period, as before.
    const hourly = parseStatisticsRequest(new Request("http://localhost/?bucket=hour"), now);
    const asked = await queryErrorStatistics(db, channel.id, hourly.query, hourly.range);
    expect(asked.range.seriesFrom).toBe(asked.range.from);
    expect(asked.series).toHaveLength(25);
  });

  it("an empty period has zero-filled buckets and no rows; an unknown channel is not found", async () => {
    const { db } = database();
    const channel = await seed(db);
    const { query, range } = parse({
      from: "2026-11-20T00:00:00Z",
      to: "2026-11-20T03:00:00Z",
      bucket: "hour",
    });
    const stats = await queryErrorStatistics(db, channel.id, query, range);
    expect(stats.totals.all).toBe(0);
    expect(stats.series).toHaveLength(3);
    expect(stats.series.every((point) => Object.values(point.counts).every((n) => n === 0))).toBe(
      true,
    );
    expect(stats.rows).toMatchObject({ items: [], total: 0 });
    await expect(queryErrorStatistics(db, "9999999999", query, range)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
