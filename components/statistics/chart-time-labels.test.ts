import { describe, expect, it } from "vitest";
import { BUCKET_MS } from "@/lib/shared/time-buckets";
import { roundTicks, tickFormatter, tooltipLabel } from "./chart-time-labels";

// 2026-11-27T12:06:00Z is 21:06 on November 27 in UTC+9; 15:30Z is 00:30 on the 28th.
const evening = "2026-11-27T12:06:00.000Z";
const afterMidnight = "2026-11-27T15:30:00.000Z";

describe("the charts' time labels", () => {
  it("tick times alone, or with the day when the chart spans days, in UTC+9", () => {
    expect(tickFormatter("minute", false, "en")(evening)).toBe("21:06");
    expect(tickFormatter("hour", true, "en")(afterMidnight)).toBe("11-28 00:30");
    expect(tickFormatter("day", true, "en")(afterMidnight)).toBe("11-28");
  });

  it("write days as Japanese readers do on a Japanese page", () => {
    expect(tickFormatter("minute", false, "ja")(evening)).toBe("21:06");
    expect(tickFormatter("hour", true, "ja")(afterMidnight)).toBe("11/28 00:30");
    expect(tickFormatter("day", true, "ja")(afterMidnight)).toBe("11/28");
  });

  it("head a tooltip with the bucket's day or span", () => {
    expect(tooltipLabel("day", "en")(afterMidnight)).toBe("2026-11-28 (UTC+9)");
    expect(tooltipLabel("hour", "en")(evening)).toBe("2026-11-27 21:06–22:06 (UTC+9)");
    expect(tooltipLabel("minute", "ja")(evening)).toBe("2026年11月27日 21:06–21:07 (UTC+9)");
    expect(tooltipLabel("day", "ja")(afterMidnight)).toBe("2026年11月28日 (UTC+9)");
    expect(tooltipLabel("hour", "en")("not a time")).toBe("");
  });
});

describe("roundTicks", () => {
  const series = (from: string, count: number, bucket: "minute" | "hour" | "day") =>
    Array.from({ length: count }, (_, index) =>
      new Date(Date.parse(from) + index * BUCKET_MS[bucket]).toISOString(),
    );
  const labels = (ticks: string[], bucket: "minute" | "hour" | "day") =>
    ticks.map((iso) => tickFormatter(bucket, false, "en")(iso));

  it("labels the last hour at round ten minutes in UTC+9, not at the first bucket", () => {
    // 00:47 to 01:47 UTC+9.
    const starts = series("2026-12-07T15:47:00Z", 61, "minute");
    expect(labels(roundTicks(starts, "minute"), "minute")).toEqual([
      "00:50",
      "01:00",
      "01:10",
      "01:20",
      "01:30",
      "01:40",
    ]);
  });

  it("labels a day of hours every six hours from UTC+9 midnight", () => {
    const starts = series("2026-12-06T16:00:00Z", 25, "hour");
    expect(labels(roundTicks(starts, "hour"), "hour")).toEqual([
      "06:00",
      "12:00",
      "18:00",
      "00:00",
    ]);
  });

  it("labels a day of minutes on round hours, and takes more when asked", () => {
    const starts = series("2026-12-06T16:47:00Z", 1441, "minute");
    const ticks = labels(roundTicks(starts, "minute"), "minute");
    expect(ticks.length).toBeLessThanOrEqual(6);
    for (const label of ticks) expect(label).toMatch(/^(00|06|12|18):00$/);
    expect(roundTicks(starts, "minute", 30).length).toBeGreaterThan(6);
  });

  it("labels UTC+9 midnights for days, and every bucket of a short series", () => {
    const days = series("2026-11-06T15:00:00Z", 31, "day");
    const ticks = roundTicks(days, "day");
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.length).toBeGreaterThan(1);
    const short = series("2026-12-07T16:43:00Z", 4, "minute");
    expect(roundTicks(short, "minute")).toEqual(short);
  });
});
