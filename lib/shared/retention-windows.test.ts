import { describe, expect, it } from "vitest";
import { rangeForKeptStatistics, reachesHourlyOnly, retentionCutoffs } from "./retention-windows";

const at = (iso: string) => new Date(iso);
const windows = { attemptsDays: 14, minuteRollupsDays: 90, hourRollupsDays: 400 };
const now = at("2026-11-27T12:34:56.789Z");

describe("retention cutoffs", () => {
  it("put raw attempts exactly at the window and rollups on the hour before it", () => {
    expect(retentionCutoffs(windows, now)).toEqual({
      attempts: at("2026-11-13T12:34:56.789Z"),
      minuteRollups: at("2026-08-29T12:00:00.000Z"),
      hourRollups: at("2025-10-23T12:00:00.000Z"),
    });
  });

  it("keep a cutoff already on the hour where it is", () => {
    const cutoffs = retentionCutoffs(windows, at("2026-11-27T12:00:00Z"));
    expect(cutoffs.minuteRollups).toEqual(at("2026-08-29T12:00:00Z"));
  });
});

describe("a statistics range as the kept data answer it", () => {
  const cutoffs = retentionCutoffs(windows, now);

  it("is unchanged within the per-minute window, or without retention", () => {
    const range = { from: at("2026-08-29T12:00:00Z"), to: at("2026-08-29T12:30:00Z") };
    expect(rangeForKeptStatistics(range, cutoffs)).toBe(range);
    const old = { from: at("2026-01-01T00:10:00Z"), to: at("2026-01-01T00:20:00Z") };
    expect(rangeForKeptStatistics(old, null)).toBe(old);
    expect(reachesHourlyOnly(range, cutoffs)).toBe(false);
    expect(reachesHourlyOnly(old, null)).toBe(false);
  });

  it("widens ends before the per-minute cutoff to whole hours, not an end after it", () => {
    expect(
      rangeForKeptStatistics(
        { from: at("2026-08-29T10:30:00Z"), to: at("2026-08-29T12:10:00Z") },
        cutoffs,
      ),
    ).toEqual({ from: at("2026-08-29T10:00:00Z"), to: at("2026-08-29T12:10:00Z") });
    expect(
      rangeForKeptStatistics(
        { from: at("2026-01-01T00:10:00Z"), to: at("2026-01-01T00:20:00.001Z") },
        cutoffs,
      ),
    ).toEqual({ from: at("2026-01-01T00:00:00Z"), to: at("2026-01-01T01:00:00Z") });
    expect(
      rangeForKeptStatistics(
        { from: at("2026-01-01T00:00:00Z"), to: at("2026-01-02T00:00:00Z") },
        cutoffs,
      ),
    ).toEqual({ from: at("2026-01-01T00:00:00Z"), to: at("2026-01-02T00:00:00Z") });
    expect(reachesHourlyOnly({ from: at("2026-08-29T11:59:59Z") }, cutoffs)).toBe(true);
  });
});
