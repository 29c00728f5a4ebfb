import { describe, expect, it } from "vitest";
import { isoToUtc9Input, utc9InputToIso } from "./utc9-input";

describe("utc9InputToIso", () => {
  it("reads midnight in UTC+9 as 15:00 UTC the day before", () => {
    expect(utc9InputToIso("2026-11-27T00:00")).toBe("2026-11-26T15:00:00.000Z");
    expect(utc9InputToIso("2026-01-01T00:00")).toBe("2025-12-31T15:00:00.000Z");
    expect(utc9InputToIso("2026-03-01T00:00")).toBe("2026-02-28T15:00:00.000Z");
  });

  it("changes the UTC date at 09:00 in UTC+9", () => {
    expect(utc9InputToIso("2026-11-27T08:59")).toBe("2026-11-26T23:59:00.000Z");
    expect(utc9InputToIso("2026-11-27T09:00")).toBe("2026-11-27T00:00:00.000Z");
    expect(utc9InputToIso("2026-11-27T23:59")).toBe("2026-11-27T14:59:00.000Z");
  });

  it("keeps seconds and drops fractions of a second", () => {
    expect(utc9InputToIso("2026-11-27T00:00:30")).toBe("2026-11-26T15:00:30.000Z");
    expect(utc9InputToIso("2026-11-27T00:00:30.999")).toBe("2026-11-26T15:00:30.000Z");
  });

  it("refuses days a month does not have", () => {
    expect(utc9InputToIso("2026-02-31T00:00")).toBeNull();
    expect(utc9InputToIso("2026-02-29T00:00")).toBeNull();
    expect(utc9InputToIso("2026-04-31T12:00")).toBeNull();
    expect(utc9InputToIso("2028-02-29T00:00")).toBe("2028-02-28T15:00:00.000Z");
  });

  it("refuses months, hours, minutes and seconds out of range", () => {
    for (const value of [
      "2026-13-01T00:00",
      "2026-00-10T00:00",
      "2026-11-00T00:00",
      "2026-11-27T24:00",
      "2026-11-27T12:60",
      "2026-11-27T12:00:60",
    ]) {
      expect(utc9InputToIso(value), value).toBeNull();
    }
  });

  it("refuses what is not a datetime-local value", () => {
    for (const value of [
      "",
      "2026-11-27",
      "2026-11-27 00:00",
      "2026-11-27T0:00",
      "2026-11-27T00:00Z",
      "2026-11-27T00:00+09:00",
      "yesterday",
    ]) {
      expect(utc9InputToIso(value), value).toBeNull();
    }
  });

  it("reads years before 100 as they are, not as 19xx", () => {
    expect(utc9InputToIso("0050-01-01T09:00")).toBe("0050-01-01T00:00:00.000Z");
  });
});

describe("isoToUtc9Input", () => {
  it("shows 15:00 UTC as midnight of the next day in UTC+9", () => {
    expect(isoToUtc9Input("2026-11-26T15:00:00.000Z")).toBe("2026-11-27T00:00");
    expect(isoToUtc9Input("2025-12-31T15:00:00Z")).toBe("2026-01-01T00:00");
  });

  it("cuts to the minute rather than rounding", () => {
    expect(isoToUtc9Input("2026-11-26T14:59:59.999Z")).toBe("2026-11-26T23:59");
  });

  it("gives back what utc9InputToIso read", () => {
    for (const value of ["2026-11-27T00:00", "2026-02-28T23:59", "2028-02-29T08:59"]) {
      expect(isoToUtc9Input(utc9InputToIso(value) ?? "")).toBe(value);
    }
  });
});
