import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import { parseStatisticsRequest } from "./parse-statistics-request";
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
});
