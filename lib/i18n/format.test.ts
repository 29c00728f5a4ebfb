import { describe, expect, it } from "vitest";
import { formatCount, formatInstant } from "./format";

describe("formatInstant", () => {
  const instant = new Date("2026-11-27T12:06:09.500Z");

  it("writes UTC+9 as each language does", () => {
    expect(formatInstant("en", instant)).toBe("2026-11-27 21:06:09");
    expect(formatInstant("ja", instant)).toBe("2026年11月27日 21:06:09");
    expect(formatInstant("en", instant, "minute")).toBe("2026-11-27 21:06");
    expect(formatInstant("ja", instant, "minute")).toBe("2026年11月27日 21:06");
  });

  it("writes years before 1000 whole, minute or second", () => {
    const early = new Date("0001-01-01T00:00:00Z");
    expect(formatInstant("en", early, "minute")).toBe("1-01-01 09:00");
    expect(formatInstant("ja", early, "minute")).toBe("1年1月1日 09:00");
  });

  it("moves to the next day in UTC+9 from 15:00 UTC", () => {
    const late = new Date("2026-12-31T15:00:00Z");
    expect(formatInstant("en", late)).toBe("2027-01-01 00:00:00");
    expect(formatInstant("ja", late)).toBe("2027年1月1日 00:00:00");
  });
});

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount("en", 1234567)).toBe("1,234,567");
    expect(formatCount("ja", 1234567)).toBe("1,234,567");
    expect(formatCount("ja", 0)).toBe("0");
  });
});
