import { describe, expect, it } from "vitest";
import { byDueKey, dueDeltas, type RecordedOutcome } from "./notifications-due";

const at = (iso: string) => new Date(iso);

function failed(
  channelId: string,
  webhookId: string,
  iso: string,
  reason: string | null,
  detail: string | null,
  redeliveryStopped = false,
): RecordedOutcome {
  return {
    attempt: { channelId, webhookId, attemptedAt: at(iso), success: false, reason, detail },
    redeliveryStopped,
  };
}

describe("what a batch of outcomes adds to the notifications due", () => {
  it("counts failures per channel, reason and detail, with their first and last time", () => {
    const deltas = dueDeltas([
      failed("B", "w1", "2026-12-04T00:00:02Z", "error_status_code", "500"),
      failed("A", "w2", "2026-12-04T00:00:05Z", "error_status_code", "500"),
      failed("B", "w3", "2026-12-04T00:00:01Z", "error_status_code", "500"),
      failed("B", "w4", "2026-12-04T00:00:03Z", "error_status_code", "500"),
      failed("B", "w5", "2026-12-04T00:00:04Z", "request_timeout", "Request timeout"),
    ]);
    expect(deltas).toEqual([
      {
        channelId: "A",
        kind: "error",
        reason: "error_status_code",
        detail: "500",
        webhookId: "",
        count: 1,
        firstAt: at("2026-12-04T00:00:05Z"),
        lastAt: at("2026-12-04T00:00:05Z"),
      },
      {
        channelId: "B",
        kind: "error",
        reason: "error_status_code",
        detail: "500",
        webhookId: "",
        count: 3,
        firstAt: at("2026-12-04T00:00:01Z"),
        lastAt: at("2026-12-04T00:00:03Z"),
      },
      {
        channelId: "B",
        kind: "error",
        reason: "request_timeout",
        detail: "Request timeout",
        webhookId: "",
        count: 1,
        firstAt: at("2026-12-04T00:00:04Z"),
        lastAt: at("2026-12-04T00:00:04Z"),
      },
    ]);
  });

  it("leaves out successes and outcomes with no attempt", () => {
    expect(
      dueDeltas([
        {
          attempt: {
            channelId: "A",
            webhookId: "w",
            attemptedAt: at("2026-12-04T00:00:00Z"),
            success: true,
            reason: null,
            detail: null,
          },
        },
        {},
      ]),
    ).toEqual([]);
  });

  it("counts a failure recorded without a reason as unclassified", () => {
    const [delta] = dueDeltas([failed("A", "w", "2026-12-04T00:00:00Z", null, null)]);
    expect(delta).toMatchObject({
      reason: "unclassified",
      detail: "Unclassified webhook dispatch error",
    });
  });

  it("adds a redelivery-stopped row per webhook given up, besides its error", () => {
    const deltas = dueDeltas([
      failed("A", "w1", "2026-12-04T00:00:00Z", "error_status_code", "502", true),
      failed("A", "w2", "2026-12-04T00:00:01Z", "error_status_code", "502", true),
      failed("A", "w3", "2026-12-04T00:00:02Z", "error_status_code", "502"),
    ]);
    expect(deltas.map((d) => [d.kind, d.webhookId, d.count])).toEqual([
      ["error", "", 3],
      ["given_up", "w1", 1],
      ["given_up", "w2", 1],
    ]);
  });

  it("sorts in the one lock order the notifier takes rows in", () => {
    const deltas = dueDeltas([
      failed("C", "w1", "2026-12-04T00:00:00Z", "unclassified", "x", true),
      failed("A", "w2", "2026-12-04T00:00:00Z", "could_not_connect", "Connection refused"),
      failed("B", "w3", "2026-12-04T00:00:00Z", "request_timeout", "Request timeout"),
    ]);
    expect([...deltas].sort(byDueKey)).toEqual(deltas);
    expect(deltas.map((d) => d.channelId)).toEqual(["A", "B", "C", "C"]);
  });
});
