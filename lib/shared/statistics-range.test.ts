import { describe, expect, it } from "vitest";
import { completeRange, MAX_RANGE_MS, rangeProblem } from "./statistics-range";
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
