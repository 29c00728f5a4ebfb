import { describe, expect, it } from "vitest";
import { listDeliveriesInput } from "./page-input";

describe("the deliveries query string", () => {
  it("defaults limit to 50, also when empty", () => {
    expect(listDeliveriesInput.parse({})).toEqual({ limit: 50 });
    expect(listDeliveriesInput.parse({ limit: "", before: "" })).toEqual({ limit: 50 });
  });

  it.each([
    ["1", 1],
    ["200", 200],
    ["0050", 50],
  ])("takes limit=%s", (text, limit) => {
    expect(listDeliveriesInput.parse({ limit: text }).limit).toBe(limit);
  });

  it.each(["0x10", "1e1", " 5", "5 ", "5.0", "+5", "-5", "1,000", "\u0665", "NaN"])(
    "refuses limit=%j: decimal digits only",
    (text) => {
      expect(listDeliveriesInput.safeParse({ limit: text }).error?.issues).toEqual([
        expect.objectContaining({
          path: ["limit"],
          message: "must be a whole number in decimal digits, e.g. 50",
        }),
      ]);
    },
  );

  it.each([
    ["0", "must be at least 1"],
    ["201", "must be at most 200"],
    ["9".repeat(400), "must be at most 200"],
  ])("refuses limit=%s: %s", (text, message) => {
    expect(listDeliveriesInput.safeParse({ limit: text }).error?.issues).toEqual([
      expect.objectContaining({ path: ["limit"], message }),
    ]);
  });
});
