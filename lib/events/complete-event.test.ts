import { describe, expect, it } from "vitest";
import { completeEvent, simulatedUserId } from "./complete-event";
import { toWebhookInputs } from "./event-input";

const CHANNEL = "1234567890";
const NOW = Date.parse("2026-11-27T08:00:00.000Z");
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe("completeEvent fills in what the LINE platform adds", () => {
  it("a text message from the simulated user", () => {
    const [input] = toWebhookInputs({ text: "hello" })[0] ?? [];
    const event = completeEvent(CHANNEL, input as NonNullable<typeof input>, NOW);
    expect(event).toMatchObject({
      type: "message",
      timestamp: NOW,
      mode: "active",
      source: { type: "user", userId: simulatedUserId(CHANNEL) },
      message: { type: "text", text: "hello" },
    });
    expect(event.webhookEventId).toMatch(ULID);
    expect(event.replyToken).toMatch(/^[0-9a-f]{32}$/);
    expect((event.message as { id: string }).id).toMatch(/^[0-9]{18}$/);
    // deliveryContext is added per attempt, not stored.
    expect(event).not.toHaveProperty("deliveryContext");
  });

  it("a follow has a reply token; an unfollow has none", () => {
    expect(completeEvent(CHANNEL, { type: "follow" }, NOW)).toMatchObject({
      type: "follow",
      follow: { isUnblocked: false },
      replyToken: expect.any(String),
    });
    expect(completeEvent(CHANNEL, { type: "unfollow" }, NOW)).not.toHaveProperty("replyToken");
  });

  it("a postback keeps its data and params, and a given user", () => {
    const userId = `U${"c".repeat(32)}`;
    const event = completeEvent(
      CHANNEL,
      {
        type: "postback",
        source: { type: "user", userId },
        postback: { data: "action=buy", params: { date: "2026-11-27" } },
      },
      NOW,
    );
    expect(event).toMatchObject({
      source: { userId },
      postback: { data: "action=buy", params: { date: "2026-11-27" } },
    });
  });

  it("gives every event its own id, time-ordered", () => {
    const ids = Array.from(
      { length: 50 },
      () => completeEvent(CHANNEL, { type: "follow" }, NOW).webhookEventId,
    );
    expect(new Set(ids).size).toBe(50);
    expect(ids.every((id) => id.slice(0, 10) === ids[0]?.slice(0, 10))).toBe(true);
  });

  it("uses one stable simulated user per channel", () => {
    expect(simulatedUserId(CHANNEL)).toBe(simulatedUserId(CHANNEL));
    expect(simulatedUserId(CHANNEL)).not.toBe(simulatedUserId("1234567891"));
    expect(simulatedUserId(CHANNEL)).toMatch(/^U[0-9a-f]{32}$/);
  });
});
