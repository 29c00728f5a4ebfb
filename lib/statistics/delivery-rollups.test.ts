import { describe, expect, it } from "vitest";
import { deliveryBucket, histogramDeltas } from "./delivery-rollups";
import { rollupHourStart } from "./error-rollups";
import { FAILURE_BUCKET, latencyBucket } from "./latency-histogram";

const at = (iso: string) => new Date(iso);
const attempt = (iso: string, latencyMs: number, success = true, channelId = "1000000002") => ({
  channelId,
  attemptedAt: at(iso),
  success,
  latencyMs,
});

describe("delivery histogram deltas", () => {
  it("count failures in their own bucket, whatever their latency", () => {
    expect(deliveryBucket({ success: false, latencyMs: 2000 })).toBe(FAILURE_BUCKET);
    expect(deliveryBucket({ success: true, latencyMs: 0 })).toBe(0);
    expect(deliveryBucket({ success: true, latencyMs: 120 })).toBe(latencyBucket(120));
  });

  it("fold attempts into one delta per channel, minute and bucket, sorted in the one lock order", () => {
    const deltas = histogramDeltas([
      attempt("2026-11-27T08:42:10Z", 120),
      attempt("2026-11-27T08:41:59Z", 120, true, "1000000001"),
      attempt("2026-11-27T08:42:50Z", 121),
      attempt("2026-11-27T08:41:00Z", 5000, false),
      attempt("2026-11-27T08:41:30Z", 7),
    ]);
    expect(
      deltas.map((d) => [d.channelId, d.at.toISOString().slice(11, 16), d.bucket, d.count]),
    ).toEqual([
      ["1000000001", "08:41", latencyBucket(120), 1],
      ["1000000002", "08:41", FAILURE_BUCKET, 1],
      ["1000000002", "08:41", latencyBucket(7), 1],
      // 120 and 121 ms share a bucket (they are within 2 % of each other).
      ["1000000002", "08:42", latencyBucket(120), 2],
    ]);
  });

  it("fold into hours with the hour's start", () => {
    const deltas = histogramDeltas(
      [attempt("2026-11-27T14:59:59Z", 10), attempt("2026-11-27T14:00:00Z", 10)],
      rollupHourStart,
    );
    expect(deltas).toEqual([
      {
        channelId: "1000000002",
        at: at("2026-11-27T14:00:00Z"),
        bucket: latencyBucket(10),
        count: 2,
      },
    ]);
  });
});
