import { describe, expect, it } from "vitest";
import { planStatistics, tierSpans } from "./plan-statistics-read";

const at = (iso: string) => new Date(iso);
const span = (from: string, to: string) => [at(from), at(to)];

describe("tierSpans", () => {
  const range = { from: at("2026-12-01T10:30:00Z"), to: at("2026-12-04T05:15:00Z") };

  it("reads whole hours hourly and the minutes at either end per minute", () => {
    expect(tierSpans(range, { perMinute: false, days: false, kept: null })).toEqual({
      days: null,
      hours: [span("2026-12-01T11:00:00Z", "2026-12-04T05:00:00Z")],
      hoursWithMinutes: span("2026-12-01T11:00:00Z", "2026-12-04T05:00:00Z"),
      minutes: [
        span("2026-12-01T10:30:00Z", "2026-12-01T11:00:00Z"),
        span("2026-12-04T05:00:00Z", "2026-12-04T05:15:00Z"),
      ],
    });
  });

  it("reads whole UTC+9 days daily when asked, with the hours around them", () => {
    // UTC+9 midnights are 15:00 UTC.
    expect(tierSpans(range, { perMinute: false, days: true, kept: null })).toMatchObject({
      days: span("2026-12-01T15:00:00Z", "2026-12-03T15:00:00Z"),
      hours: [
        span("2026-12-01T11:00:00Z", "2026-12-01T15:00:00Z"),
        span("2026-12-03T15:00:00Z", "2026-12-04T05:00:00Z"),
      ],
    });
  });

  it("reads everything per minute for minute buckets", () => {
    expect(tierSpans(range, { perMinute: true, days: true, kept: null })).toEqual({
      days: null,
      hours: [],
      hoursWithMinutes: null,
      minutes: [[range.from, range.to]],
    });
  });

  it("reads each tier from its retention cutoff on", () => {
    const kept = {
      attempts: at("2026-12-03T00:00:00Z"),
      minuteRollups: at("2026-12-03T00:00:00Z"),
      hourRollups: at("2026-12-02T00:00:00Z"),
    };
    expect(tierSpans(range, { perMinute: false, days: false, kept })).toEqual({
      days: null,
      hours: [span("2026-12-02T00:00:00Z", "2026-12-04T05:00:00Z")],
      hoursWithMinutes: span("2026-12-03T00:00:00Z", "2026-12-04T05:00:00Z"),
      minutes: [span("2026-12-04T05:00:00Z", "2026-12-04T05:15:00Z")],
    });
  });
});

describe("planStatistics", () => {
  it("draws no minutes where only hourly counts are kept", () => {
    const asked = { from: at("2026-12-01T10:30:00Z"), to: at("2026-12-01T12:15:00Z") };
    expect(planStatistics(asked, "minute", null).bucket).toBe("minute");
    const kept = {
      attempts: at("2026-12-01T12:00:00Z"),
      minuteRollups: at("2026-12-01T12:00:00Z"),
      hourRollups: at("2026-11-01T00:00:00Z"),
    };
    const plan = planStatistics(asked, "minute", kept);
    expect(plan.bucket).toBe("hour");
    expect(plan.range.from).toEqual(at("2026-12-01T10:00:00Z"));
  });
});
