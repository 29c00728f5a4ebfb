import { describe, expect, it } from "vitest";
import {
  completeRange,
  instantProblem,
  MAX_INSTANT,
  MAX_RANGE_MS,
  MIN_INSTANT,
  parseInstant,
  rangeProblem,
} from "./statistics-range";
import { BUCKET_MS, MAX_BUCKETS } from "./time-buckets";

const at = (iso: string) => new Date(iso);
const from = at("2026-11-01T00:00:00Z");
const spanning = (ms: number) => ({ from, to: new Date(from.getTime() + ms) });

describe("rangeProblem (the rule both the API and the Statistics tab apply)", () => {
  it("accepts a range of one millisecond up to exactly 90 days", () => {
    expect(rangeProblem(spanning(1))).toBeNull();
    expect(rangeProblem(spanning(MAX_RANGE_MS))).toBeNull();
  });

  it("refuses an empty or reversed range, naming from", () => {
    expect(rangeProblem(spanning(0))).toEqual({ property: "from", message: "must be before to" });
    expect(rangeProblem(spanning(-1))?.property).toBe("from");
  });

  it("refuses more than 90 days, naming to", () => {
    expect(rangeProblem(spanning(MAX_RANGE_MS + 1))).toEqual({
      property: "to",
      message: "must be at most 90 days after from",
    });
  });

  it("refuses invalid times", () => {
    expect(rangeProblem({ from: at("x"), to: from })?.property).toBe("from");
    expect(rangeProblem({ from, to: at("x") })?.property).toBe("to");
  });

  it("refuses times outside the years 0001 to 9999, which the databases cannot all store", () => {
    const bounds = "must be between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z";
    const first = at(MIN_INSTANT);
    const last = at(MAX_INSTANT);
    expect(rangeProblem({ from: first, to: at("0001-01-02T00:00:00Z") })).toBeNull();
    expect(rangeProblem({ from: at("9999-12-31T00:00:00Z"), to: last })).toBeNull();
    expect(rangeProblem({ from: at("0000-12-31T23:59:59.999Z"), to: first })).toEqual({
      property: "from",
      message: bounds,
    });
    expect(rangeProblem({ from: last, to: new Date(last.getTime() + 1) })).toEqual({
      property: "to",
      message: bounds,
    });
    expect(instantProblem("to", at("-271821-04-20T00:00:00Z"))).toEqual({
      property: "to",
      message: bounds,
    });
    expect(instantProblem("from", at("+275760-09-13T00:00:00Z"))?.property).toBe("from");
    expect(instantProblem("from", at("x"))?.message).toBe("must be a valid time");
  });

  it("refuses a bucket that gives more than MAX_BUCKETS points, exactly at the limit", () => {
    expect(rangeProblem(spanning(MAX_BUCKETS * BUCKET_MS.minute), "minute")).toBeNull();
    expect(rangeProblem(spanning(MAX_BUCKETS * BUCKET_MS.minute + 1), "minute")?.property).toBe(
      "bucket",
    );
    expect(rangeProblem(spanning(MAX_RANGE_MS), "hour")).toBeNull();
  });
});

describe("completeRange", () => {
  const now = at("2026-11-27T12:00:00Z");
  it("fills in the last 24 hours, or 24 hours before a given to", () => {
    expect(completeRange({}, now)).toEqual({ from: at("2026-11-26T12:00:00Z"), to: now });
    expect(completeRange({ to: at("2026-11-20T00:00:00Z") }, now).from).toEqual(
      at("2026-11-19T00:00:00Z"),
    );
  });

  it("ends a future from at itself, which rangeProblem then refuses", () => {
    const future = at("2026-12-01T00:00:00Z");
    const range = completeRange({ from: future }, now);
    expect(range).toEqual({ from: future, to: future });
    expect(rangeProblem(range)?.property).toBe("from");
  });
});

describe("completeRange at the edges of time", () => {
  it("gives a default from that rangeProblem refuses, rather than an invalid date", () => {
    const earliestDate = at("-271821-04-20T00:00:00Z");
    const range = completeRange({ to: earliestDate }, at("2026-11-27T12:00:00Z"));
    expect(rangeProblem(range)?.property).toBe("from");
    expect(
      rangeProblem(completeRange({ to: at("0001-01-01T12:00:00Z") }, at("2026-11-27T12:00:00Z"))),
    ).toEqual({
      property: "from",
      message: "must be between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z",
    });
  });
});

describe("parseInstant", () => {
  it("reads years below 100 as themselves (Date.UTC would add 1900)", () => {
    expect(parseInstant("0050-01-01T00:00:00Z")?.toISOString()).toBe("0050-01-01T00:00:00.000Z");
    expect(parseInstant("0000-01-01T00:00:00Z")?.toISOString()).toBe("0000-01-01T00:00:00.000Z");
  });

  it("applies the offset", () => {
    expect(parseInstant("2026-01-01T08:59:59.999+09:00")?.toISOString()).toBe(
      "2025-12-31T23:59:59.999Z",
    );
  });

  it.each(["2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-11-27T24:00:00Z", "1"])(
    "refuses %s",
    (text) => {
      expect(parseInstant(text)).toBeNull();
    },
  );

  it("takes leap days of leap years", () => {
    expect(parseInstant("2000-02-29T00:00:00Z")).not.toBeNull();
    expect(parseInstant("2028-02-29T00:00:00Z")).not.toBeNull();
  });
});
