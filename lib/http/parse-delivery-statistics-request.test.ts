import { describe, expect, it } from "vitest";
import { parseDeliveryStatisticsRequest } from "../dev/testing/statistics-request";
import { InvalidInputError } from "../errors";

const now = new Date("2026-11-27T12:00:00Z");
const parse = (query: Record<string, string>) =>
  parseDeliveryStatisticsRequest(
    new Request(`http://localhost/?${new URLSearchParams(query)}`),
    now,
    null,
  );

function refusal(query: Record<string, string>): string[] {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).details.map((detail) => detail.property);
  }
  throw new Error(`${JSON.stringify(query)} was accepted`);
}

describe("delivery statistics request", () => {
  it("takes a range and a bucket, with the errors' defaults", () => {
    expect(parse({})).toEqual({
      query: {},
      range: { from: new Date("2026-11-26T12:00:00Z"), to: now },
      kept: null,
    });
    expect(
      parse({ from: "2026-11-27T09:00:00+09:00", to: "2026-11-27T01:00:00Z", bucket: "minute" })
        .query,
    ).toEqual({
      from: new Date("2026-11-27T00:00:00Z"),
      to: new Date("2026-11-27T01:00:00Z"),
      bucket: "minute",
    });
  });

  it("refuses what only the errors take (reason, page), rather than ignoring it", () => {
    expect(refusal({ reason: "request_timeout" })).toEqual(["reason"]);
    expect(refusal({ page: "2" })).toEqual(["page"]);
  });

  it("refuses the ranges the errors refuse, naming the parameter", () => {
    expect(refusal({ from: "2026-11-27T10:00:00Z", to: "2026-11-27T09:00:00Z" })).toEqual(["from"]);
    expect(
      refusal({ from: "2026-11-01T00:00:00Z", to: "2026-11-27T00:00:00Z", bucket: "minute" }),
    ).toEqual(["bucket"]);
    expect(refusal({ bucket: "week" })).toEqual(["bucket"]);
  });

  it("says where retention's tiers start when retention is on", () => {
    const { kept } = parseDeliveryStatisticsRequest(new Request("http://localhost/"), now, {
      attemptsDays: 14,
      minuteRollupsDays: 90,
      hourRollupsDays: 400,
    });
    expect(kept?.minuteRollups).toEqual(new Date("2026-08-29T12:00:00Z"));
  });
});
