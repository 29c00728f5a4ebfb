import { describe, expect, it } from "vitest";
import { toDeliveryRow, toDeliveryTsv } from "./delivery-rows";

const point = {
  bucketStart: "2026-11-27T15:00:00.000Z",
  attempts: 8,
  successes: 6,
  successRate: 0.75,
  p50: 41.6,
  p95: 120.2,
  p99: 1234.5,
};

describe("delivery rows", () => {
  it("show the bucket start in UTC+9, the rate in percent and whole milliseconds", () => {
    expect(toDeliveryRow(point)).toEqual({
      date: "2026-11-28",
      start: "00:00:00",
      attempts: 8,
      successes: 6,
      successRate: "75.00",
      p50: "42",
      p95: "120",
      p99: "1235",
    });
  });

  it("are the buckets with attempts, newest first, in the TSV as in the table", () => {
    const empty = {
      ...point,
      bucketStart: "2026-11-27T16:00:00.000Z",
      attempts: 0,
      successes: 0,
      successRate: null,
      p50: null,
      p95: null,
      p99: null,
    };
    const failed = {
      ...empty,
      bucketStart: "2026-11-27T17:00:00.000Z",
      attempts: 2,
      successRate: 0,
    };
    expect(toDeliveryTsv([point, empty, failed])).toBe(
      "Date\tStart\tAttempts\tSuccesses\tSuccess rate (%)\tp50 (ms)\tp95 (ms)\tp99 (ms)\n" +
        "2026-11-28\t02:00:00\t2\t0\t0.00\t\t\t\n" +
        "2026-11-28\t00:00:00\t8\t6\t75.00\t42\t120\t1235\n",
    );
  });
});
