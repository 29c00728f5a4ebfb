import { describe, expect, it } from "vitest";
import { formatUtc9, formatUtc9Date, formatUtc9Minute, formatUtc9Time } from "./utc9";

describe("UTC+9 formatting", () => {
  it("adds nine hours", () => {
    expect(formatUtc9(new Date("2026-11-27T08:05:09.123Z"))).toBe("2026-11-27 17:05:09");
  });

  it("puts 15:00 UTC on the next calendar day (JST midnight)", () => {
    expect(formatUtc9(new Date("2026-11-27T14:59:59.999Z"))).toBe("2026-11-27 23:59:59");
    expect(formatUtc9(new Date("2026-11-27T15:00:00.000Z"))).toBe("2026-11-28 00:00:00");
  });

  it("crosses month and year ends", () => {
    expect(formatUtc9Date(new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01");
    expect(formatUtc9Time(new Date("2026-12-31T15:00:00Z"))).toBe("00:00:00");
    expect(formatUtc9Date(new Date("2028-02-28T15:30:00Z"))).toBe("2028-02-29");
  });
});

describe("formatUtc9Minute", () => {
  it("shows 15:00 UTC as midnight of the next day, cut to the minute", () => {
    expect(formatUtc9Minute(new Date("2026-11-26T15:00:00.000Z"))).toBe("2026-11-27 00:00");
    expect(formatUtc9Minute(new Date("2026-11-26T14:59:59.999Z"))).toBe("2026-11-26 23:59");
    expect(formatUtc9Minute(new Date("0050-01-01T00:00:00Z"))).toBe("0050-01-01 09:00");
  });
});
