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

describe("planStatistics with an automatic bucket", () => {
  const day = { from: at("2026-12-06T16:47:00Z"), to: at("2026-12-07T16:47:00Z") };

  it("draws the last hour per minute when the data is only minutes old", () => {
    const plan = planStatistics(day, undefined, null, at("2026-12-07T16:40:00Z"));
    expect(plan.range).toEqual(day);
    expect(plan.series).toEqual({ from: at("2026-12-07T15:47:00Z"), to: day.to });
    expect(plan.bucket).toBe("minute");
  });

  it("starts at the hour of the first data, per minute up to 6 hours and per hour beyond", () => {
    const fiveHours = planStatistics(day, undefined, null, at("2026-12-07T11:59:00Z"));
    expect(fiveHours.series.from).toEqual(at("2026-12-07T11:00:00Z"));
    expect(fiveHours.bucket).toBe("minute");
    const tenHours = planStatistics(day, undefined, null, at("2026-12-07T06:30:00Z"));
    expect(tenHours.series.from).toEqual(at("2026-12-07T06:00:00Z"));
    expect(tenHours.bucket).toBe("hour");
  });

  it("keeps the whole range without data, with data at its start, or with a bucket asked for", () => {
    expect(planStatistics(day, undefined, null, null)).toMatchObject({
      series: day,
      bucket: "hour",
    });
    expect(planStatistics(day, undefined, null, at("2026-12-06T16:00:00Z")).series).toEqual(day);
    expect(planStatistics(day, "minute", null, at("2026-12-07T16:40:00Z")).series).toEqual(day);
  });

  it("draws no minutes where only hourly counts are kept", () => {
    const kept = {
      attempts: at("2026-12-07T16:00:00Z"),
      minuteRollups: at("2026-12-07T16:00:00Z"),
      hourRollups: at("2026-11-01T00:00:00Z"),
    };
    const plan = planStatistics(day, undefined, kept, at("2026-12-07T16:40:00Z"));
    expect(plan.bucket).toBe("hour");
  });
});
