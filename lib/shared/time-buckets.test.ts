import { describe, expect, it } from "vitest";
import {
  BUCKET_MS,
  type Bucket,
  bucketCount,
  bucketStart,
  bucketStarts,
  chooseBucket,
  fillSeries,
  MAX_BUCKETS,
  MAX_RANGE_DAYS,
} from "./time-buckets";

const at = (iso: string) => new Date(iso);
const startOf = (iso: string, bucket: Bucket) => bucketStart(at(iso), bucket).toISOString();
const startsOf = (from: string, to: string, bucket: Bucket) =>
  bucketStarts(at(from), at(to), bucket).map((d) => d.toISOString());

describe("bucketStart", () => {
  it("floors minutes and hours as in UTC (the offset is whole hours)", () => {
    expect(startOf("2026-11-27T08:05:09.123Z", "minute")).toBe("2026-11-27T08:05:00.000Z");
    expect(startOf("2026-11-27T08:05:09.123Z", "hour")).toBe("2026-11-27T08:00:00.000Z");
    expect(startOf("2026-11-27T08:00:00.000Z", "hour")).toBe("2026-11-27T08:00:00.000Z");
  });

  it("starts a UTC+9 day at 15:00 UTC the day before", () => {
    expect(startOf("2026-11-27T14:59:59.999Z", "day")).toBe("2026-11-26T15:00:00.000Z");
    expect(startOf("2026-11-27T15:00:00.000Z", "day")).toBe("2026-11-27T15:00:00.000Z");
    // 00:30 UTC is 09:30 in UTC+9, the same UTC+9 day that began at 15:00 UTC the day before.
    expect(startOf("2026-11-28T00:30:00.000Z", "day")).toBe("2026-11-27T15:00:00.000Z");
  });

  it("crosses month, year and leap-day boundaries in UTC+9", () => {
    // 2027-01-01 00:00 in UTC+9.
    expect(startOf("2026-12-31T15:00:00.000Z", "day")).toBe("2026-12-31T15:00:00.000Z");
    expect(startOf("2026-12-31T14:59:59.999Z", "day")).toBe("2026-12-30T15:00:00.000Z");
    // 2028-02-29 (leap day) 00:00 .. 23:59 in UTC+9.
    expect(startOf("2028-02-28T15:00:00.000Z", "day")).toBe("2028-02-28T15:00:00.000Z");
    expect(startOf("2028-02-29T14:59:59.999Z", "day")).toBe("2028-02-28T15:00:00.000Z");
    // 2028-03-01 00:00 in UTC+9.
    expect(startOf("2028-02-29T15:00:00.000Z", "day")).toBe("2028-02-29T15:00:00.000Z");
  });

  it("floors downwards before 1970 too", () => {
    expect(startOf("1969-12-31T14:59:59.999Z", "day")).toBe("1969-12-30T15:00:00.000Z");
    expect(startOf("1969-12-31T23:59:30.000Z", "minute")).toBe("1969-12-31T23:59:00.000Z");
  });

  it("rejects an invalid date", () => {
    expect(() => bucketStart(new Date("nope"), "hour")).toThrow(RangeError);
  });
});

describe("bucketStarts", () => {
  it("excludes a `to` exactly on a boundary", () => {
    expect(startsOf("2026-11-27T08:00:00Z", "2026-11-27T10:00:00Z", "hour")).toEqual([
      "2026-11-27T08:00:00.000Z",
      "2026-11-27T09:00:00.000Z",
    ]);
  });

  it("includes the bucket that `to` falls into when it is one millisecond later", () => {
    expect(startsOf("2026-11-27T08:00:00Z", "2026-11-27T10:00:00.001Z", "hour")).toHaveLength(3);
  });

  it("starts with the bucket containing an unaligned `from`", () => {
    expect(startsOf("2026-11-27T08:59:59.999Z", "2026-11-27T09:00:00.001Z", "hour")).toEqual([
      "2026-11-27T08:00:00.000Z",
      "2026-11-27T09:00:00.000Z",
    ]);
  });

  it("splits a range crossing midnight in UTC+9 into the right days and hours", () => {
    // 22:30 on 27 Nov to 01:30 on 28 Nov, in UTC+9.
    const from = "2026-11-27T13:30:00Z";
    const to = "2026-11-27T16:30:00Z";
    expect(startsOf(from, to, "day")).toEqual([
      "2026-11-26T15:00:00.000Z", // 27 Nov in UTC+9
      "2026-11-27T15:00:00.000Z", // 28 Nov in UTC+9
    ]);
    expect(startsOf(from, to, "hour")).toEqual([
      "2026-11-27T13:00:00.000Z",
      "2026-11-27T14:00:00.000Z",
      "2026-11-27T15:00:00.000Z",
      "2026-11-27T16:00:00.000Z",
    ]);
  });

  it("crosses the year end and a leap day with day buckets", () => {
    expect(startsOf("2026-12-30T15:00:00Z", "2027-01-01T15:00:00Z", "day")).toEqual([
      "2026-12-30T15:00:00.000Z", // 31 Dec
      "2026-12-31T15:00:00.000Z", // 1 Jan
    ]);
    expect(startsOf("2028-02-27T15:00:00Z", "2028-02-29T15:00:00Z", "day")).toEqual([
      "2028-02-27T15:00:00.000Z", // 28 Feb
      "2028-02-28T15:00:00.000Z", // 29 Feb
    ]);
  });

  it("returns nothing for an empty range and rejects a reversed one", () => {
    expect(startsOf("2026-11-27T08:30:00Z", "2026-11-27T08:30:00Z", "hour")).toEqual([]);
    expect(() => startsOf("2026-11-27T09:00:00Z", "2026-11-27T08:00:00Z", "hour")).toThrow(
      RangeError,
    );
  });

  it(`refuses more than ${MAX_BUCKETS} buckets and allows exactly that many`, () => {
    const from = at("2026-01-01T00:00:00Z");
    const limit = new Date(from.getTime() + MAX_BUCKETS * BUCKET_MS.minute);
    expect(bucketStarts(from, limit, "minute")).toHaveLength(MAX_BUCKETS);
    const over = new Date(limit.getTime() + 1);
    expect(bucketCount(from, over, "minute")).toBe(MAX_BUCKETS + 1);
    expect(() => bucketStarts(from, over, "minute")).toThrow(RangeError);
  });
});

describe("chooseBucket", () => {
  const from = at("2026-11-27T08:00:00Z");
  const plus = (ms: number) => new Date(from.getTime() + ms);

  it("uses minutes up to 6 hours, hours up to 7 days, days beyond", () => {
    expect(chooseBucket(from, from)).toBe("minute");
    expect(chooseBucket(from, plus(6 * BUCKET_MS.hour))).toBe("minute");
    expect(chooseBucket(from, plus(6 * BUCKET_MS.hour + 1))).toBe("hour");
    expect(chooseBucket(from, plus(7 * BUCKET_MS.day))).toBe("hour");
    expect(chooseBucket(from, plus(7 * BUCKET_MS.day + 1))).toBe("day");
  });

  it("keeps every automatic choice at or under ~500 points up to the longest range", () => {
    const unaligned = at("2026-11-27T08:00:30.500Z");
    const spans = [
      6 * BUCKET_MS.hour,
      6 * BUCKET_MS.hour + 1,
      7 * BUCKET_MS.day,
      7 * BUCKET_MS.day + 1,
      MAX_RANGE_DAYS * BUCKET_MS.day,
    ];
    for (const span of spans) {
      const to = new Date(unaligned.getTime() + span);
      expect(bucketCount(unaligned, to, chooseBucket(unaligned, to))).toBeLessThanOrEqual(500);
    }
    const longest = new Date(unaligned.getTime() + MAX_RANGE_DAYS * BUCKET_MS.day);
    expect(bucketStarts(unaligned, longest, chooseBucket(unaligned, longest))).toHaveLength(91);
  });
});

describe("fillSeries", () => {
  const keys = ["could_not_connect", "request_timeout"] as const;
  const starts = bucketStarts(at("2026-11-27T13:00:00Z"), at("2026-11-27T16:00:00Z"), "hour");

  it("fills empty buckets and missing keys with zeros, and sums points sharing a bucket", () => {
    const series = fillSeries(
      starts,
      [
        { bucketStart: at("2026-11-27T14:00:00Z"), key: "could_not_connect", count: 2 },
        { bucketStart: at("2026-11-27T14:00:00Z"), key: "could_not_connect", count: 3 },
        { bucketStart: at("2026-11-27T15:00:00Z"), key: "request_timeout", count: 1 },
      ],
      keys,
    );
    expect(series).toEqual([
      {
        bucketStart: "2026-11-27T13:00:00.000Z",
        counts: { could_not_connect: 0, request_timeout: 0 },
      },
      {
        bucketStart: "2026-11-27T14:00:00.000Z",
        counts: { could_not_connect: 5, request_timeout: 0 },
      },
      {
        bucketStart: "2026-11-27T15:00:00.000Z",
        counts: { could_not_connect: 0, request_timeout: 1 },
      },
    ]);
  });

  it("gives each bucket its own counts object", () => {
    const series = fillSeries(starts, [], keys);
    expect(series[0]?.counts).not.toBe(series[1]?.counts);
  });

  it("rejects a point outside the starts or not on a bucket start", () => {
    const outside = { bucketStart: at("2026-11-27T16:00:00Z"), key: keys[0], count: 1 };
    expect(() => fillSeries(starts, [outside], keys)).toThrow(/not on a bucket start/);
    const unfloored = { bucketStart: at("2026-11-27T14:30:00Z"), key: keys[0], count: 1 };
    expect(() => fillSeries(starts, [unfloored], keys)).toThrow(/not on a bucket start/);
  });

  it("rejects a key that is not a series key", () => {
    const unknown = { bucketStart: at("2026-11-27T14:00:00Z"), key: "unclassified", count: 1 };
    expect(() => fillSeries<string>(starts, [unknown], keys)).toThrow(/not one of the series keys/);
  });
});
