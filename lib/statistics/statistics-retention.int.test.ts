// The statistics with retention's cutoffs, on SQLite and PostgreSQL: a range reaching before the
// per-minute cutoff is answered from the hourly tier (whole hours, hour buckets, no LINE rows
// there), nothing is counted before the hourly cutoff, and the answer is the same whether or not
// the retention job has deleted those rows yet.
import { describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import type { Db } from "../db/client";
import { insertAgedFailures } from "../dev/testing/aged-rows";
import { parseStatisticsRequest } from "../dev/testing/statistics-request";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { createProvider } from "../providers/create-provider";
import { runRetention } from "../retention/run-retention";
import { queryErrorStatistics } from "./query-error-statistics";
import { streamErrorRowsTsv } from "./stream-error-rows";

const at = (iso: string) => new Date(iso);
const windows = { attemptsDays: 14, minuteRollupsDays: 90, hourRollupsDays: 400 };
// Per-minute statistics from 2026-08-29T12:00Z, hourly from 2025-10-23T12:00Z.
const now = at("2026-11-27T12:34:56.789Z");

async function seed(db: Db) {
  const owner = await createProvider(db, { name: "Stats" }, "tester@example.com");
  const channel = await createChannel(db, owner.id, { name: "Stats bot" }, "tester@example.com");
  const fail = (iso: string[], reason = "error_status_code", detail = "500") =>
    insertAgedFailures(db, { channelId: channel.id, times: iso.map(at), reason, detail });
  // Hourly only: the minutes go at the next pass.
  await fail(["2026-08-29T10:15:00Z", "2026-08-29T10:15:30Z"]);
  await fail(["2026-08-29T11:59:30Z"], "request_timeout", "Request timeout");
  // Per-minute too.
  await fail(["2026-08-29T12:00:30Z", "2026-08-29T13:20:00Z"]);
  // Either side of the hourly cutoff.
  await fail(["2025-10-23T11:30:00Z", "2025-10-23T12:30:00Z"]);
  return channel.id;
}

describe.each(TEST_PROVIDERS)("statistics with retention on %s", (provider) => {
  const database = useTestDatabase(provider);

  async function answers(db: Db, channelId: string, query: Record<string, string>) {
    const url = `http://localhost/?${new URLSearchParams(query)}`;
    const { query: options, range, kept } = parseStatisticsRequest(new Request(url), now, windows);
    const json = await queryErrorStatistics(db, channelId, options, range, kept);
    const tsv = await new Response(
      await streamErrorRowsTsv(db, channelId, range, options.reason, kept),
    ).text();
    return { json, tsv: tsv.trimEnd().split("\n").slice(1) };
  }

  it("answers the hourly-only part in whole hours, without rows, before and after the job", async () => {
    const { db, config } = database();
    const channelId = await seed(db);
    const ask = () =>
      answers(db, channelId, { from: "2026-08-29T10:30:00Z", to: "2026-08-29T14:00:00Z" });
    const before = await ask();
    const { json } = before;
    // From the start of the hour: both 10:15 errors count, and the answer says from when.
    expect(json.range).toEqual({
      from: "2026-08-29T10:00:00.000Z",
      to: "2026-08-29T14:00:00.000Z",
      // Three and a half hours would be minute buckets; before the cutoff there are none.
      bucket: "hour",
      // The data starts in the first hour: the chart too.
      seriesFrom: "2026-08-29T10:00:00.000Z",
    });
    expect(json.retention).toEqual({
      perMinuteFrom: "2026-08-29T12:00:00.000Z",
      hourlyFrom: "2025-10-23T12:00:00.000Z",
    });
    expect(json.totals.all).toBe(5);
    expect(json.details).toEqual([
      { reason: "error_status_code", detail: "500", errors: 4 },
      { reason: "request_timeout", detail: "Request timeout", errors: 1 },
    ]);
    expect(json.series.map((bucket) => bucket.counts.error_status_code)).toEqual([2, 0, 1, 1]);
    expect(json.series.map((bucket) => bucket.counts.request_timeout)).toEqual([0, 1, 0, 0]);
    // LINE's rows only from the per-minute cutoff, and a total that matches them.
    expect(json.rows.items.map((row) => `${row.date} ${row.start}`)).toEqual([
      "2026-08-29 22:20:00",
      "2026-08-29 21:00:30",
    ]);
    expect(json.rows.total).toBe(2);
    expect(before.tsv).toHaveLength(2);

    const pass = await runRetention(db, config, { windows, now });
    expect(pass).toMatchObject({ deleted: { minuteRollups: 4, hourRollups: 1 } });
    expect(await ask()).toEqual(before);
  });

  it("asked for minute buckets there, answers per hour", async () => {
    const { db } = database();
    const channelId = await seed(db);
    const { json } = await answers(db, channelId, {
      from: "2026-08-29T11:00:00Z",
      to: "2026-08-29T12:30:00Z",
      bucket: "minute",
    });
    expect(json.range.bucket).toBe("hour");
    expect(json.totals.all).toBe(2);
  });

  it("counts nothing before the hourly cutoff", async () => {
    const { db, config } = database();
    const channelId = await seed(db);
    const ask = () =>
      answers(db, channelId, { from: "2025-10-23T11:00:00Z", to: "2025-10-23T14:00:00Z" });
    const before = await ask();
    expect(before.json.totals.all).toBe(1);
    expect(before.json.rows).toMatchObject({ items: [], total: 0 });
    await runRetention(db, config, { windows, now });
    expect(await ask()).toEqual(before);
  });

  it("answers a range within the per-minute window as without retention", async () => {
    const { db } = database();
    const channelId = await seed(db);
    const query = { from: "2026-08-29T12:00:00Z", to: "2026-08-29T14:00:00Z" };
    const url = `http://localhost/?${new URLSearchParams(query)}`;
    const plain = parseStatisticsRequest(new Request(url), now, null);
    expect(plain.kept).toBeNull();
    const { retention, ...withRetention } = (await answers(db, channelId, query)).json;
    expect(retention).not.toBeNull();
    const { retention: none, ...without } = await queryErrorStatistics(
      db,
      channelId,
      plain.query,
      plain.range,
    );
    expect(none).toBeNull();
    expect(withRetention).toEqual(without);
    expect(without.range.bucket).toBe("minute");
  });
});
