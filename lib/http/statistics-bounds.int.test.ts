import { describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { parseStatisticsRequest } from "../dev/testing/statistics-request";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { InvalidInputError } from "../errors";
import { createProvider } from "../providers/create-provider";
import { queryErrorStatistics } from "../statistics/query-error-statistics";
import { streamErrorRowsTsv } from "../statistics/stream-error-rows";

// The statistics routes' path for ranges at the edges of what they accept: whatever
// parseStatisticsRequest lets through, both databases answer (the JSON and the TSV), and what it
// refuses is a 400 before any query. PostgreSQL has no year 0: a range there failed with a 500.

const now = new Date("2026-11-27T12:00:00Z");

function request(query: Record<string, string>): Request {
  return new Request(`http://localhost/?${new URLSearchParams(query)}`);
}

describe.each(TEST_PROVIDERS)("statistics ranges at the edges on %s", (provider) => {
  const database = useTestDatabase(provider);

  it.each<Record<string, string>>([
    { from: "0001-01-01T00:00:00Z", to: "0001-01-02T00:00:00Z" },
    { from: "0001-01-01T00:00:00Z", to: "0001-03-31T00:00:00Z", bucket: "day" },
    { from: "0001-01-01T09:00:00+09:00", to: "0001-01-01T10:00:00+09:00", bucket: "minute" },
    { from: "9999-12-31T00:00:00Z", to: "9999-12-31T23:59:59.999Z", bucket: "hour" },
    { from: "9999-10-03T00:00:00Z", to: "9999-12-31T23:59:59.999Z" },
  ])("answers %o with JSON and TSV", async (query) => {
    const { db } = database();
    const owner = await createProvider(db, { name: "Acme" }, "tester@example.com");
    const channel = await createChannel(db, owner.id, { name: "Bot" }, "tester@example.com");
    const parsed = parseStatisticsRequest(request(query), now);

    // As the route handlers call them: with retention's cutoffs (the defaults) and without.
    for (const kept of [parsed.kept, null]) {
      const { query, range } = parsed;
      const statistics = await queryErrorStatistics(db, channel.id, query, range, kept);
      expect(statistics.totals.all).toBe(0);
      expect(statistics.series.length).toBeGreaterThan(0);
      const rows = await streamErrorRowsTsv(db, channel.id, range, undefined, kept);
      expect(await new Response(rows).text()).toBe("Date\tStart\tEnd\tReason\tDetail\tErrors\n");
    }
    expect(parsed.kept).not.toBeNull();
  });

  it.each([
    [{ from: "0000-12-31T00:00:00Z", to: "0001-01-01T12:00:00Z" }, "from"],
    [{ to: "0001-01-01T12:00:00Z" }, "from"],
    [{ to: "0000-12-31T23:00:00Z" }, "to"],
    [{ from: "9999-12-31T23:59:59.999-00:01" }, "from"],
  ])("refuses %o before any query, naming %s", (query, property) => {
    let thrown: unknown;
    try {
      parseStatisticsRequest(request(query), now);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).details.map((detail) => detail.property)).toEqual([
      property,
    ]);
  });
});
