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

describe("the deliveries explorer's filters", () => {
  it("reads each filter, and leaves absent or empty ones out", () => {
    expect(
      listDeliveriesInput.parse({
        result: "failed",
        reason: "error_status_code",
        detail: "500",
        statusCode: "500",
        from: "2026-11-27T09:00:00+09:00",
        to: "2026-11-27T10:00:00+09:00",
        redelivery: "false",
        counted: "true",
        webhookEventId: "01M8F8TMC689YS4S6EXT9T4BJC",
        before: "",
      }),
    ).toEqual({
      limit: 50,
      result: "failed",
      reason: "error_status_code",
      detail: "500",
      statusCode: 500,
      from: new Date("2026-11-27T00:00:00Z"),
      to: new Date("2026-11-27T01:00:00Z"),
      redelivery: false,
      counted: true,
      webhookEventId: "01M8F8TMC689YS4S6EXT9T4BJC",
    });
    expect(listDeliveriesInput.parse({ result: "", statusCode: "", redelivery: "" })).toEqual({
      limit: 50,
    });
  });

  it.each([
    ["result", "broken", "must be one of success, failed, given_up, pending_redelivery"],
    [
      "reason",
      "timeout",
      "must be one of could_not_connect, request_timeout, error_status_code, unclassified",
    ],
    ["statusCode", "5xx", "must be an HTTP status code in decimal digits, e.g. 500 (0: no answer)"],
    [
      "statusCode",
      "1000",
      "must be an HTTP status code in decimal digits, e.g. 500 (0: no answer)",
    ],
    ["redelivery", "yes", "must be true or false"],
    ["webhookEventId", "not-an-id", "must be a webhookEventId (a ULID)"],
    ["from", "2026-11-27", expect.stringMatching(/^must be an ISO 8601 date and time/)],
  ])("refuses %s=%j, naming it", (name, value, message) => {
    expect(listDeliveriesInput.safeParse({ [name]: value }).error?.issues).toEqual([
      expect.objectContaining({ path: [name], message }),
    ]);
  });
});
