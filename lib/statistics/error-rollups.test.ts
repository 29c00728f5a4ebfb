import { describe, expect, it } from "vitest";
import { rollupDeltas, rollupKey, rollupWindowStart } from "./error-rollups";

const at = (iso: string) => new Date(iso);
const failure = (iso: string, detail = "500", channelId = "1000000001") => ({
  channelId,
  attemptedAt: at(iso),
  reason: "error_status_code",
  detail,
});

describe("rollup windows", () => {
  it("are the 60 seconds starting on a whole minute", () => {
    expect(rollupWindowStart(at("2026-11-27T08:41:59.999Z"))).toEqual(
      at("2026-11-27T08:41:00.000Z"),
    );
    expect(rollupWindowStart(at("2026-11-27T08:42:00.000Z"))).toEqual(
      at("2026-11-27T08:42:00.000Z"),
    );
  });

  it("do not move at JST midnight (15:00 UTC): UTC+9 is a whole number of hours", () => {
    expect(rollupWindowStart(at("2026-11-27T14:59:30Z"))).toEqual(at("2026-11-27T14:59:00Z"));
    expect(rollupWindowStart(at("2026-11-27T15:00:30Z"))).toEqual(at("2026-11-27T15:00:00Z"));
  });

  it("keys differ by channel, window, reason and detail", () => {
    const base = {
      channelId: "1",
      windowStart: at("2026-11-27T08:41:00Z"),
      reason: "r",
      detail: "d",
    };
    const keys = new Set([
      rollupKey(base),
      rollupKey({ ...base, channelId: "2" }),
      rollupKey({ ...base, windowStart: at("2026-11-27T08:42:00Z") }),
      rollupKey({ ...base, reason: "s" }),
      rollupKey({ ...base, detail: "e" }),
    ]);
    expect(keys.size).toBe(5);
    expect(rollupKey({ ...base })).toBe(rollupKey(base));
  });
});

describe("rollupDeltas", () => {
  it("counts the same detail within one window together, with first and last time", () => {
    const deltas = rollupDeltas([
      failure("2026-11-27T08:41:30Z"),
      failure("2026-11-27T08:41:05Z"),
      failure("2026-11-27T08:41:59Z"),
      failure("2026-11-27T08:42:00Z"),
      failure("2026-11-27T08:41:10Z", "404"),
      failure("2026-11-27T08:41:10Z", "500", "1000000002"),
    ]);
    expect(deltas).toHaveLength(4);
    expect(deltas[0]).toEqual({
      channelId: "1000000001",
      windowStart: at("2026-11-27T08:41:00Z"),
      reason: "error_status_code",
      detail: "500",
      errorCount: 3,
      firstSeenAt: at("2026-11-27T08:41:05Z"),
      lastSeenAt: at("2026-11-27T08:41:59Z"),
    });
    expect(deltas.map((d) => d.errorCount).reduce((a, b) => a + b)).toBe(6);
  });

  it("makes nothing of nothing", () => {
    expect(rollupDeltas([])).toEqual([]);
  });
});
