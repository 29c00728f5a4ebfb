import { describe, expect, it } from "vitest";
import { parseStatisticsRequest } from "../dev/testing/statistics-request";
import { InvalidInputError } from "../errors";
import { errorStatisticsInput } from "./statistics-input";

const now = new Date("2026-11-27T12:00:00Z");
const parse = (query: Record<string, string>) =>
  parseStatisticsRequest(new Request(`http://localhost/?${new URLSearchParams(query)}`), now);
const resolve = (query: Record<string, string>) => parse(query).range;

describe("statistics request", () => {
  it("defaults to the last 24 hours", () => {
    expect(resolve({})).toEqual({ from: new Date("2026-11-26T12:00:00Z"), to: now });
    expect(resolve({ to: "2026-11-20T00:00:00Z" }).from).toEqual(new Date("2026-11-19T00:00:00Z"));
    expect(resolve({ from: "2026-11-27T00:00:00Z" }).to).toEqual(now);
  });

  it("takes ISO instants with any offset", () => {
    expect(resolve({ from: "2026-11-27T09:00:00+09:00", to: "2026-11-27T10:00:00Z" }).from).toEqual(
      new Date("2026-11-27T00:00:00Z"),
    );
  });

  it.each([
    [{ from: "2026-11-27T10:00:00Z", to: "2026-11-27T09:00:00Z" }, "from"],
    [{ from: "2026-11-27T10:00:00Z", to: "2026-11-27T10:00:00Z" }, "from"],
    [{ from: "2026-08-01T00:00:00Z", to: "2026-11-27T00:00:00Z" }, "to"],
    [{ from: "2026-11-01T00:00:00Z", to: "2026-11-27T00:00:00Z", bucket: "minute" }, "bucket"],
  ])("refuses %o with a 400 naming %s", (query, property) => {
    let thrown: unknown;
    try {
      parse(query);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).details.map((detail) => detail.property)).toEqual([
      property,
    ]);
    expect((thrown as InvalidInputError).message).toMatch(new RegExp(`^${property}: `));
  });

  it("accepts exactly 90 days", () => {
    expect(() =>
      resolve({ from: "2026-08-29T00:00:00Z", to: "2026-11-27T00:00:00Z" }),
    ).not.toThrow();
  });

  it.each([
    [{ from: "yesterday" }, "from"],
    [{ bucket: "week" }, "bucket"],
    [{ reason: "timeout" }, "reason"],
    [{ page: "0" }, "page"],
    [{ pageSize: "500" }, "pageSize"],
    [{ since: "x" }, undefined],
  ])("rejects bad parameters: %o", (query, property) => {
    const result = errorStatisticsInput.safeParse(query);
    expect(result.success).toBe(false);
    if (property) expect(result.error?.issues[0]?.path).toEqual([property]);
  });

  it("treats empty parameters as absent", () => {
    expect(errorStatisticsInput.parse({ from: "", reason: "", bucket: "", page: "" })).toEqual({
      page: 1,
      pageSize: 50,
    });
  });

  it.each([
    ["2026-11-27T00:00:00Z", "2026-11-27T00:00:00.000Z"],
    ["2026-11-27T09:00:00+09:00", "2026-11-27T00:00:00.000Z"],
    ["2026-11-26T19:30:00-04:30", "2026-11-27T00:00:00.000Z"],
    ["2026-11-27T00:00:00-00:00", "2026-11-27T00:00:00.000Z"],
    ["2026-11-27T00:00:00.5Z", "2026-11-27T00:00:00.500Z"],
    ["2026-11-27T00:00:00.123456789Z", "2026-11-27T00:00:00.123Z"],
    ["2028-02-29T23:59:59.999+23:59", "2028-02-29T00:00:59.999Z"],
    ["2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000Z"],
    ["0050-06-01T00:00:00Z", "0050-06-01T00:00:00.000Z"],
  ])("reads %s as %s", (text, iso) => {
    expect(errorStatisticsInput.parse({ from: text }).from?.toISOString()).toBe(iso);
  });

  it.each([
    "1",
    "10000",
    "2026",
    "2026-11-27",
    "2026-11-27T00:00Z",
    "2026-11-27T00:00:00",
    "2026-11-27 00:00:00Z",
    "2026-11-27t00:00:00z",
    "2026-11-27T00:00:00+0900",
    "2026-11-27T00:00:00+9:00",
    "2026-11-27T00:00:00.Z",
    "2026-11-27T00:00:00.1234567890Z",
    " 2026-11-27T00:00:00Z",
    "-000001-12-30T00:00:00Z",
    "+275760-09-12T00:00:00Z",
    "-271821-04-20T00:00:00Z",
    "+002026-11-27T00:00:00Z",
    "2026-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-00-01T00:00:00Z",
    "2026-11-00T00:00:00Z",
    "2026-11-27T24:00:00Z",
    "2026-11-27T23:60:00Z",
    "2026-12-31T23:59:60Z",
    "2026-11-27T00:00:00+24:00",
    "2026-11-27T00:00:00+09:60",
    "Fri, 27 Nov 2026 00:00:00 GMT",
    "\uff12\uff10\uff12\uff16-11-27T00:00:00Z",
  ])("refuses the time %j, naming the parameter", (text) => {
    for (const property of ["from", "to"] as const) {
      const result = errorStatisticsInput.safeParse({ [property]: text });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({
          path: [property],
          message: expect.stringMatching(/^must be an ISO 8601 date and time/),
        }),
      ]);
    }
  });

  it.each([
    [{ from: "0000-06-01T00:00:00Z" }, "from"],
    [{ from: "0001-01-01T00:00:00+00:01" }, "from"],
    [{ to: "0001-01-01T12:00:00Z" }, "from"],
    [{ to: "0000-12-31T23:00:00Z" }, "to"],
    [{ from: "9999-12-31T23:00:00Z", to: "9999-12-31T23:59:59.999-00:01" }, "to"],
  ])(
    "refuses %o: a time outside 0001–9999, also where a default end gets there",
    (query, property) => {
      expect(() => parse(query)).toThrow(
        expect.objectContaining({
          details: [
            {
              property,
              message: "must be between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z",
            },
          ],
        }),
      );
    },
  );

  it("accepts the first and the last instant", () => {
    expect(resolve({ from: "0001-01-01T00:00:00Z", to: "0001-01-02T00:00:00Z" }).from).toEqual(
      new Date("0001-01-01T00:00:00Z"),
    );
    expect(resolve({ from: "9999-12-31T00:00:00Z", to: "9999-12-31T23:59:59.999Z" }).to).toEqual(
      new Date("9999-12-31T23:59:59.999Z"),
    );
  });

  it.each(["page", "pageSize"])("takes %s in decimal digits only", (property) => {
    expect(errorStatisticsInput.parse({ [property]: "7" })).toMatchObject({ [property]: 7 });
    expect(errorStatisticsInput.parse({ [property]: "007" })).toMatchObject({ [property]: 7 });
    for (const text of [
      "0x10",
      "1e1",
      " 5",
      "5 ",
      "5.0",
      "+5",
      "-5",
      "5_0",
      "\uff15",
      "Infinity",
      "0b1",
    ]) {
      const result = errorStatisticsInput.safeParse({ [property]: text });
      expect(result.success, text).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({
          path: [property],
          message: expect.stringMatching(/^must be a whole number in decimal digits, e\.g\. /),
        }),
      ]);
    }
  });

  it("bounds page so that the row offset stays exact", () => {
    expect(errorStatisticsInput.parse({ page: "1000000000" }).page).toBe(1_000_000_000);
    expect(errorStatisticsInput.safeParse({ page: "1000000001" }).error?.issues[0]?.message).toBe(
      "must be at most 1000000000",
    );
    expect(
      errorStatisticsInput.safeParse({ page: "9".repeat(400) }).error?.issues[0]?.message,
    ).toBe("must be at most 1000000000");
  });
});
