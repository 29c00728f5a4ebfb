// The error statistics routes' JSON and TSV contract, through their handlers in process (moved
// from e2e/api/statistics.api.spec.ts): an empty channel's zero-filled answer, bad parameters
// named, ranges older than what is kept, and unknown channels.
import { describe, expect, it } from "vitest";
import * as errorsRoute from "../../../app/api/channels/[channelId]/statistics/errors/route";
import * as errorsTsvRoute from "../../../app/api/channels/[channelId]/statistics/errors.tsv/route";
import { useConsoleInProcess } from "../../dev/testing/console-in-process";
import { expectErrorAnswer } from "../../dev/testing/contract-api";
import { TEST_PROVIDERS } from "../../dev/testing/test-database";

const HANDLERS = { errors: errorsRoute.GET, "errors.tsv": errorsTsvRoute.GET } as const;
const PATHS = ["errors", "errors.tsv"] as const;

describe.each(TEST_PROVIDERS)("GET /api/channels/{id}/statistics/errors (and .tsv) on %s", (db) => {
  const app = useConsoleInProcess(db);

  async function freshChannel() {
    const { api } = await app().signedIn();
    const owned = await api.createProvider("Provider");
    return { api, channel: await api.createChannel(owned.id, "Channel") };
  }

  it("answers an empty channel with zero-filled buckets for the last 24 hours", async () => {
    const { api, channel } = await freshChannel();
    const body = await api.errorStatistics(channel.id);
    expect(body.range.bucket).toBe("hour");
    expect(Date.parse(body.range.to) - Date.parse(body.range.from)).toBe(24 * 60 * 60 * 1000);
    expect(body.totals.all).toBe(0);
    expect(body.series.length).toBeGreaterThanOrEqual(24);
    expect(body.rows).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
    expect(body.aggregation).toEqual({ useWebhook: false, errorStatisticsAggregation: false });

    const tsv = await api.errorStatisticsTsv(channel.id);
    expect(tsv.headers["content-type"]).toContain("text/tab-separated-values");
    expect(tsv.headers["content-disposition"]).toMatch(/^attachment; filename="webhook-errors-/);
    expect(tsv.text).toBe("Date\tStart\tEnd\tReason\tDetail\tErrors\n");
  });

  it("refuses bad parameters with 400, naming them", async () => {
    const { api, channel } = await freshChannel();
    const cases = [
      { query: "from=2026-11-27T10:00:00Z&to=2026-11-27T09:00:00Z", property: "from" },
      { query: "from=yesterday", property: "from" },
      { query: "to=2026-13-45", property: "to" },
      { query: "from=2026-01-01T00:00:00Z&to=2026-11-27T00:00:00Z", property: "to" },
      { query: "bucket=week", property: "bucket" },
      {
        query: "from=2026-10-01T00:00:00Z&to=2026-11-27T00:00:00Z&bucket=minute",
        property: "bucket",
      },
      { query: "reason=timeout", property: "reason" },
      { query: "page=0", property: "page" },
      { query: "pageSize=1000", property: "pageSize" },
      { query: "since=2026-11-27", property: "since" },
    ];
    for (const { query, property } of cases) {
      for (const path of PATHS) {
        const what = `${path}?${query}`;
        const error = await expectErrorAnswer(
          await api.call(HANDLERS[path], {
            method: "GET",
            path: `/api/channels/${channel.id}/statistics/${path}?${query}`,
          }),
          400,
          what,
        );
        expect(
          error.details?.map((detail) => detail.property),
          what,
        ).toContain(property);
      }
    }
  });

  it("answers a range older than what is kept, saying where each kind of statistics starts", async () => {
    const { api, channel } = await freshChannel();
    const DAY = 24 * 60 * 60 * 1000;
    const HOUR = 60 * 60 * 1000;
    const now = Date.now();
    // Per-minute statistics are kept 90 days, hourly ones 400 (the defaults).
    const hourlyOnly = await api.errorStatistics(channel.id, {
      from: new Date(now - 100 * DAY + 10 * 60 * 1000),
      to: new Date(now - 100 * DAY + 2 * HOUR),
      bucket: "minute",
    });
    const { retention } = hourlyOnly;
    expect(retention).not.toBeNull();
    const perMinuteFrom = Date.parse(retention?.perMinuteFrom ?? "");
    const hourlyFrom = Date.parse(retention?.hourlyFrom ?? "");
    expect(perMinuteFrom % HOUR).toBe(0);
    expect(Math.abs(perMinuteFrom - (now - 90 * DAY))).toBeLessThan(HOUR + 60_000);
    expect(Math.abs(hourlyFrom - (now - 400 * DAY))).toBeLessThan(HOUR + 60_000);
    // Only hourly counts there: whole hours, hour buckets, no LINE rows.
    expect(hourlyOnly.range.bucket).toBe("hour");
    expect(Date.parse(hourlyOnly.range.from) % HOUR).toBe(0);
    expect(hourlyOnly.rows).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });

    // Older than anything kept: answered, empty, not refused.
    const range = { from: new Date(now - 500 * DAY), to: new Date(now - 499 * DAY) };
    const gone = await api.errorStatistics(channel.id, range);
    expect(gone.totals.all).toBe(0);
    expect(gone.retention).toEqual(retention);
    expect((await api.errorStatisticsTsv(channel.id, range)).text).toBe(
      "Date\tStart\tEnd\tReason\tDetail\tErrors\n",
    );
  });

  it("answers 404 for unknown and malformed channel ids", async () => {
    const { api } = await app().signedIn();
    for (const id of ["9999999999", "abc", "12345"]) {
      for (const path of PATHS) {
        await expectErrorAnswer(
          await api.call(HANDLERS[path], {
            method: "GET",
            path: `/api/channels/${id}/statistics/${path}`,
          }),
          404,
          `${id}/${path}`,
        );
      }
    }
  });
});
