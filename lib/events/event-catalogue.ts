// Every webhook event LINE sends, as lib/events/line-schema/webhook.json (LINE's webhook.yml)
// defines them: the types, the message types, the sources, and an example of each as a caller
// writes it (without what the platform fills in: lib/events/complete-event.ts). No zod and no
// schema here: the browser's event editor imports this list.

/** Every event type of LINE's webhook.yml, in its order. */
export const EVENT_TYPES = [
  "message",
  "unsend",
  "follow",
  "unfollow",
  "join",
  "leave",
  "memberJoined",
  "memberLeft",
  "postback",
  "videoPlayComplete",
  "beacon",
  "accountLink",
  "membership",
  "module",
  "activated",
  "deactivated",
  "botSuspended",
  "botResumed",
  "delivery",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const MESSAGE_TYPES = [
  "text",
  "image",
  "video",
  "audio",
  "file",
  "location",
  "sticker",
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Where an event comes from: a user's 1-on-1 chat, a group chat, or a multi-person chat. */
export const SOURCE_TYPES = ["user", "group", "room"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** "standby": another channel (a module) holds the chat; the bot cannot reply. */
export const EVENT_MODES = ["active", "standby"] as const;
export type EventMode = (typeof EVENT_MODES)[number];

/** The event types whose events carry a reply token (webhook.yml's `replyToken` property). */
export const REPLYABLE_EVENT_TYPES: ReadonlySet<EventType> = new Set([
  "message",
  "follow",
  "join",
  "memberJoined",
  "postback",
  "videoPlayComplete",
  "beacon",
  "accountLink",
  "membership",
]);

/** The message types that carry a quote token (webhook.yml's required `quoteToken`). */
export const QUOTABLE_MESSAGE_TYPES: ReadonlySet<MessageType> = new Set([
  "text",
  "image",
  "video",
  "sticker",
]);

/**
 * Event types a user's action in a chat makes: in a group or room they name the user
 * (`source.userId`), as LINE does for message events; the others (join, leave, …) do not.
 */
export const USER_ACTION_EVENT_TYPES: ReadonlySet<EventType> = new Set([
  "message",
  "unsend",
  "postback",
  "videoPlayComplete",
]);

/** Event types LINE sends from a user's 1-on-1 chat only. */
export const ONE_ON_ONE_EVENT_TYPES: ReadonlySet<EventType> = new Set([
  "follow",
  "unfollow",
  "beacon",
  "accountLink",
  "membership",
  "module",
  "activated",
  "deactivated",
  "botSuspended",
  "botResumed",
  "delivery",
]);

/** Event types LINE sends from a group or room only (the bot or members joining, leaving). */
export const GROUP_EVENT_TYPES: ReadonlySet<EventType> = new Set([
  "join",
  "leave",
  "memberJoined",
  "memberLeft",
]);

/** The sources an event type may come from. */
export function sourcesOf(type: EventType): readonly SourceType[] {
  if (ONE_ON_ONE_EVENT_TYPES.has(type)) return ["user"];
  if (GROUP_EVENT_TYPES.has(type)) return ["group", "room"];
  return SOURCE_TYPES;
}

/** A message of each type as a caller writes it (the platform adds `id` and `quoteToken`). */
export const MESSAGE_EXAMPLES: Record<MessageType, Record<string, unknown>> = {
  text: { type: "text", text: "Hello, bot!" },
  image: { type: "image", contentProvider: { type: "line" } },
  video: { type: "video", duration: 60000, contentProvider: { type: "line" } },
  audio: { type: "audio", duration: 60000, contentProvider: { type: "line" } },
  file: { type: "file", fileName: "report.pdf", fileSize: 2138 },
  location: {
    type: "location",
    title: "LY Corporation",
    address: "1-3 Kioicho, Chiyoda-ku, Tokyo 102-8282, Japan",
    latitude: 35.67966,
    longitude: 139.73669,
  },
  sticker: {
    type: "sticker",
    packageId: "446",
    stickerId: "1988",
    stickerResourceType: "STATIC",
    keywords: ["Happy"],
  },
};

/** A member of a group, as memberJoined and memberLeft list them. */
const MEMBER = { type: "user", userId: `U${"4af4980629".repeat(3)}ab` };

/**
 * An event of each type as a caller writes it: what LINE's platform adds (webhookEventId,
 * timestamp, mode, replyToken, deliveryContext, message ids and quote tokens, a default source)
 * is left out.
 */
export const EVENT_EXAMPLES: Record<EventType, Record<string, unknown>> = {
  message: { type: "message", message: MESSAGE_EXAMPLES.text },
  unsend: { type: "unsend", unsend: { messageId: "325708000000000000" } },
  follow: { type: "follow", follow: { isUnblocked: false } },
  unfollow: { type: "unfollow" },
  join: { type: "join" },
  leave: { type: "leave" },
  memberJoined: { type: "memberJoined", joined: { members: [MEMBER] } },
  memberLeft: { type: "memberLeft", left: { members: [MEMBER] } },
  postback: {
    type: "postback",
    postback: { data: "action=buy&itemid=111", params: { datetime: "2026-12-25T01:00" } },
  },
  videoPlayComplete: { type: "videoPlayComplete", videoPlayComplete: { trackingId: "track-1" } },
  beacon: { type: "beacon", beacon: { hwid: "d41d8cd98f", type: "enter" } },
  accountLink: { type: "accountLink", link: { result: "ok", nonce: "xxxxxxxxxxxxxxx" } },
  membership: { type: "membership", membership: { type: "joined", membershipId: 3189 } },
  module: {
    type: "module",
    module: { type: "attached", botId: `U${"c33b5e4bf6".repeat(3)}02`, scopes: ["message.write"] },
  },
  activated: { type: "activated", chatControl: { expireAt: 1_798_761_600_000 } },
  deactivated: { type: "deactivated" },
  botSuspended: { type: "botSuspended" },
  botResumed: { type: "botResumed" },
  delivery: { type: "delivery", delivery: { data: "pnp-delivery-data" } },
};
