import { describe, expect, it } from "vitest";
import { type LineRow, toLineRow, toTsv, tsvHeader, tsvLine } from "./line-rows";

const row: LineRow = {
  date: "2026-11-27",
  start: "17:05:09",
  end: "17:05:58",
  reason: "error_status_code",
  detail: "500",
  errors: 3,
};

describe("toLineRow", () => {
  it("shows the window in UTC+9", () => {
    expect(
      toLineRow({
        reason: "error_status_code",
        detail: "500",
        errorCount: 3,
        firstSeenAt: new Date("2026-11-27T08:05:09.123Z"),
        lastSeenAt: new Date("2026-11-27T08:05:58.900Z"),
      }),
    ).toEqual(row);
  });

  it("dates a window just after 15:00 UTC on the next UTC+9 day", () => {
    const line = toLineRow({
      reason: "could_not_connect",
      detail: "Unknown host",
      errorCount: 1,
      firstSeenAt: new Date("2026-12-31T15:00:00.000Z"),
      lastSeenAt: new Date("2026-12-31T15:00:59.999Z"),
    });
    expect(line).toMatchObject({ date: "2027-01-01", start: "00:00:00", end: "00:00:59" });
  });
});

describe("TSV", () => {
  it("has LINE's header and one \\n-ended line per row", () => {
    expect(tsvHeader).toBe("Date\tStart\tEnd\tReason\tDetail\tErrors");
    expect(toTsv([row, { ...row, errors: 12 }])).toBe(
      "Date\tStart\tEnd\tReason\tDetail\tErrors\n" +
        "2026-11-27\t17:05:09\t17:05:58\terror_status_code\t500\t3\n" +
        "2026-11-27\t17:05:09\t17:05:58\terror_status_code\t500\t12\n",
    );
  });

  it("is only the header for no rows", () => {
    expect(toTsv([])).toBe(`${tsvHeader}\n`);
  });

  it("turns tabs and line breaks inside a field into spaces", () => {
    const line = tsvLine({ ...row, reason: "a\tb", detail: "x\r\ny\nz\u2028w\u0085v\vu\ft" });
    expect(line).toBe("2026-11-27\t17:05:09\t17:05:58\ta b\tx  y z w v u t\t3");
    expect(line.split("\t")).toHaveLength(6);
    expect(toTsv([{ ...row, detail: "5\n00" }]).split("\n")).toHaveLength(3);
  });
});
