import { createHash, randomBytes, randomInt } from "node:crypto";
import { newUlid } from "../ids/new-ulid";
import {
  type EventType,
  type MessageType,
  QUOTABLE_MESSAGE_TYPES,
  REPLYABLE_EVENT_TYPES,
  sourcesOf,
  USER_ACTION_EVENT_TYPES,
} from "./event-catalogue";
import type { EventInput, SourceInput } from "./event-input";

/** A webhook event as the platform stores it; deliveryContext is added per attempt. */
export type StoredEvent = Record<string, unknown> & {
  type: string;
  webhookEventId: string;
  timestamp: number;
};

/** Stable ids by channel, kept: a hash per event was a fifth of completing one. Bounded. */
const stableIds = new Map<string, string>();
const STABLE_IDS_KEPT = 10_000;

function stableHex(what: string, channelId: string): string {
  const key = `${what}:${channelId}`;
  let hex = stableIds.get(key);
  if (hex === undefined) {
    hex = createHash("sha256").update(`webhook-console:${key}`).digest("hex").slice(0, 32);
    if (stableIds.size >= STABLE_IDS_KEPT) stableIds.clear();
    stableIds.set(key, hex);
  }
  return hex;
}

/** The simulated user of a channel: stable, so a bot sees one conversation partner. */
export function simulatedUserId(channelId: string): string {
  return `U${stableHex("simulated-user", channelId)}`;
}

/** The simulated group chat (`C` + 32 hex, as LINE's group ids) the bot is in. */
export function simulatedGroupId(channelId: string): string {
  return `C${stableHex("simulated-group", channelId)}`;
}

/** The simulated multi-person chat (`R` + 32 hex, as LINE's room ids) the bot is in. */
export function simulatedRoomId(channelId: string): string {
  return `R${stableHex("simulated-room", channelId)}`;
}

/** Where the platform's own values come from: random, or fixed for a trial completion. */
export interface PlatformValues {
  webhookEventId(now: number): string;
  messageId(): string;
  replyToken(): string;
  quoteToken(): string;
}

export const RANDOM_PLATFORM_VALUES: PlatformValues = {
  webhookEventId: (now) => newUlid(now),
  // LINE message ids are decimal strings of about 18 digits.
  messageId: () =>
    `${randomInt(100_000_000, 1_000_000_000)}${randomInt(100_000_000, 1_000_000_000)}`,
  replyToken: () => randomBytes(16).toString("hex"),
  quoteToken: () => randomBytes(24).toString("base64url"),
};

/**
 * Fills in what the LINE platform adds to an event: its id and time, the mode (active unless
 * given), the source (the channel's simulated user, group or room unless given), a reply token
 * for the types that carry one, and a message's id and quote token. Everything else is the
 * caller's, as given (lib/events/event-input.ts checks it against LINE's schema).
 */
export function completeEvent(
  channelId: string,
  input: EventInput,
  now: number,
  values: PlatformValues = RANDOM_PLATFORM_VALUES,
): StoredEvent {
  const { type, source, mode, ...fields } = input;
  const event: StoredEvent = {
    type,
    webhookEventId: values.webhookEventId(now),
    timestamp: now,
    mode: mode ?? "active",
    source: completeSource(channelId, type, source),
  };
  if (REPLYABLE_EVENT_TYPES.has(type)) event.replyToken = values.replyToken();
  // A follow without its detail is a new friend, not one who unblocked the bot.
  if (type === "follow") event.follow = { isUnblocked: false };
  Object.assign(event, fields);
  if (type === "message" && isObject(fields.message)) {
    const message = fields.message;
    event.message = {
      id: values.messageId(),
      ...message,
      ...(QUOTABLE_MESSAGE_TYPES.has(message.type as MessageType)
        ? { quoteToken: values.quoteToken() }
        : {}),
    };
  }
  return event;
}

/** The source as given, its missing ids the channel's simulated ones. */
function completeSource(channelId: string, type: EventType, source: SourceInput | undefined) {
  const kind = source?.type ?? sourcesOf(type)[0] ?? "user";
  const userId = source?.userId ?? simulatedUserId(channelId);
  // In a group or room, LINE names the user only for a user's own actions (a message...).
  const named = source?.userId !== undefined || USER_ACTION_EVENT_TYPES.has(type);
  switch (kind) {
    case "user":
      return { type: "user", userId };
    case "group":
      return {
        type: "group",
        groupId: (source?.type === "group" && source.groupId) || simulatedGroupId(channelId),
        ...(named ? { userId } : {}),
      };
    case "room":
      return {
        type: "room",
        roomId: (source?.type === "room" && source.roomId) || simulatedRoomId(channelId),
        ...(named ? { userId } : {}),
      };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
