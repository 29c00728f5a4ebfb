import { describe, expect, it } from "vitest";
import type { SendResult } from "../send/send-webhook";
import type { AttemptRecord } from "./attempt-record";
import { outcomeAfter, resultColumns } from "./redelivery-policy";

const attemptedAt = new Date("2026-11-27T00:00:00.000Z");
const schedule = [10_000, 30_000];

const nothingCaptured = {
  responseHeaders: {},
  responseExcerpt: "",
  responseTruncated: false,
  timings: { dnsMs: null, connectMs: null, tlsMs: null, responseMs: null },
};
const delivered: SendResult = {
  ok: true,
  status: 200,
  latencyMs: 40,
  protocol: "http/1.1",
  ...nothingCaptured,
};
const failed: SendResult = {
  ok: false,
  reason: "error_status_code",
  detail: "500",
  error: "HTTP 500",
  status: 500,
  latencyMs: 250,
  protocol: "h2",
  ...nothingCaptured,
  responseHeaders: { "content-type": "text/plain", "x-trace": "a\u0000b" },
  responseExcerpt: "boom\u0000!",
  timings: { dnsMs: 1, connectMs: 2, tlsMs: 3, responseMs: 4 },
};

function attempt(attemptNumber: number): AttemptRecord {
  return {
    id: "01JZ0000000000000000000000",
    webhookId: "w1",
    channelId: "1234567890",
    attemptedAt,
    url: "https://bot.example/webhook",
    eventIds: "[]",
    attemptNumber,
    isRedelivery: attemptNumber > 1,
    requestHeaders: null,
    ...resultColumns(failed),
    counted: false,
  };
}

describe("outcomeAfter", () => {
  it("puts a failed Redeliver now back where it was, with no automatic redelivery", () => {
    for (const from of ["failed", "given_up"] as const) {
      for (const redelivery of [false, true]) {
        const outcome = outcomeAfter("w1", failed, attempt(2), {
          redelivery,
          schedule,
          manualRedeliveryFrom: from,
        });
        expect(outcome).toEqual({ webhookId: "w1", status: from, attempt: attempt(2) });
      }
      expect(
        outcomeAfter("w1", delivered, attempt(2), {
          redelivery: true,
          schedule,
          manualRedeliveryFrom: from,
        }).status,
      ).toBe("delivered");
    }
  });

  it("delivers on success, whatever the redelivery setting", () => {
    for (const redelivery of [false, true]) {
      expect(outcomeAfter("w1", delivered, attempt(1), { redelivery, schedule })).toMatchObject({
        webhookId: "w1",
        status: "delivered",
      });
    }
  });

  it("fails for good when redelivery is off", () => {
    const outcome = outcomeAfter("w1", failed, attempt(1), { redelivery: false, schedule });
    expect(outcome.status).toBe("failed");
    expect(outcome.nextAttemptAt).toBeUndefined();
  });

  it("schedules the next delay after the attempt's end, one delay per attempt", () => {
    const first = outcomeAfter("w1", failed, attempt(1), { redelivery: true, schedule });
    expect(first.status).toBe("pending");
    // 250 ms of latency, then the first delay.
    expect(first.nextAttemptAt?.toISOString()).toBe("2026-11-27T00:00:10.250Z");
    const second = outcomeAfter("w1", failed, attempt(2), { redelivery: true, schedule });
    expect(second.nextAttemptAt?.toISOString()).toBe("2026-11-27T00:00:30.250Z");
  });

  it("gives up once the schedule is used up", () => {
    const outcome = outcomeAfter("w1", failed, attempt(3), { redelivery: true, schedule });
    expect(outcome).toMatchObject({ status: "given_up" });
    expect(outcome.nextAttemptAt).toBeUndefined();
    expect(outcomeAfter("w1", failed, attempt(1), { redelivery: true, schedule: [] }).status).toBe(
      "given_up",
    );
  });
});

describe("resultColumns", () => {
  it("keeps reason, detail and error of a failure", () => {
    expect(resultColumns(failed)).toEqual({
      success: false,
      reason: "error_status_code",
      detail: "500",
      statusCode: 500,
      latencyMs: 250,
      protocol: "h2",
      error: "HTTP 500",
      responseHeaders: '{"content-type":"text/plain","x-trace":"a\ufffdb"}',
      responseExcerpt: "boom\ufffd!",
      responseTruncated: false,
      dnsMs: 1,
      connectMs: 2,
      tlsMs: 3,
      responseMs: 4,
    });
  });

  it("stores no excerpt when no answer arrived, and an empty one for an empty body", () => {
    const unanswered: SendResult = {
      ...failed,
      reason: "could_not_connect",
      detail: "Connection failed",
      status: 0,
      responseHeaders: {},
      responseExcerpt: "",
    };
    expect(resultColumns(unanswered)).toMatchObject({
      responseHeaders: null,
      responseExcerpt: null,
    });
    expect(resultColumns({ ...failed, responseExcerpt: "" })).toMatchObject({
      responseExcerpt: "",
    });
  });

  it("leaves them empty for a success", () => {
    expect(resultColumns(delivered)).toEqual({
      success: true,
      reason: null,
      detail: null,
      statusCode: 200,
      latencyMs: 40,
      protocol: "http/1.1",
      error: null,
      responseHeaders: null,
      responseExcerpt: "",
      responseTruncated: false,
      dnsMs: null,
      connectMs: null,
      tlsMs: null,
      responseMs: null,
    });
  });
});
