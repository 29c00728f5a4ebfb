import { createHash, randomBytes, randomInt } from "node:crypto";
import { newUlid } from "../ids/new-ulid";
import type { EventInput } from "./event-input";

/** A webhook event as the platform stores it; deliveryContext is added per attempt. */
export type StoredEvent = Record<string, unknown> & {
  type: string;
  webhookEventId: string;
  timestamp: number;
};

/** The simulated user of a channel: stable, so a bot sees one conversation partner. */
export function simulatedUserId(channelId: string): string {
  return `U${createHash("sha256").update(`webhook-console:simulated-user:${channelId}`).digest("hex").slice(0, 32)}`;
}

function messageId(): string {
  // LINE message ids are decimal strings of about 18 digits.
  return `${randomInt(100_000_000, 1_000_000_000)}${randomInt(100_000_000, 1_000_000_000)}`;
}

function replyToken(): string {
  return randomBytes(16).toString("hex");
}

/** Fills in what the LINE platform adds to an event: id, time, mode, source, reply token. */
export function completeEvent(channelId: string, input: EventInput, now: number): StoredEvent {
  const common = {
    webhookEventId: newUlid(now),
    timestamp: now,
    mode: "active",
    source: input.source ?? { type: "user", userId: simulatedUserId(channelId) },
  };
  switch (input.type) {
    case "message":
      return {
        type: "message",
        ...common,
        replyToken: replyToken(),
        message: {
          id: messageId(),
          type: "text",
          text: input.message.text,
          quoteToken: randomBytes(24).toString("base64url"),
        },
      };
    case "follow":
      return {
        type: "follow",
        ...common,
        replyToken: replyToken(),
        follow: { isUnblocked: false },
      };
    case "unfollow":
      return { type: "unfollow", ...common };
    case "postback":
      return { type: "postback", ...common, replyToken: replyToken(), postback: input.postback };
  }
}
