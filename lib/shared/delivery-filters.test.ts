import { describe, expect, it } from "vitest";
import { deliveryFilterSearch, errorRowFilterSearch } from "./delivery-filters";

describe("the explorer's filters for an error table row", () => {
  it("spans the row's first error's second up to the second after its last, in UTC+9", () => {
    const search = new URLSearchParams(
      errorRowFilterSearch({
        date: "2026-11-27",
        start: "21:06:03",
        end: "21:06:58",
        reason: "error_status_code",
        detail: "500",
      }),
    );
    expect(Object.fromEntries(search)).toEqual({
      result: "failed",
      reason: "error_status_code",
      detail: "500",
      from: "2026-11-27T21:06:03+09:00",
      to: "2026-11-27T21:06:59+09:00",
      counted: "true",
    });
  });

  it("rolls the end over midnight", () => {
    const search = new URLSearchParams(
      errorRowFilterSearch({
        date: "2026-11-27",
        start: "23:59:30",
        end: "23:59:59",
        reason: "could_not_connect",
        detail: "Connection failed",
      }),
    );
    expect(search.get("to")).toBe("2026-11-28T00:00:00+09:00");
  });

  it("keeps only the filters of a query string, without blanks", () => {
    expect(
      deliveryFilterSearch({ reason: "request_timeout", detail: " ", limit: "5", before: "x" }),
    ).toBe("reason=request_timeout");
  });
});
