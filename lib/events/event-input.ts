import { z } from "zod";

// What a caller of POST /api/channels/{id}/events may send: LINE webhook event objects without
// the fields the platform fills in (webhookEventId, timestamp, mode, replyToken, deliveryContext),
// or the shorthand {"text": "..."} for a text message from the simulated user.

const userId = z.string().regex(/^U[0-9a-f]{32}$/, "must be U followed by 32 hex characters");
const source = z.strictObject({ type: z.literal("user"), userId }).optional();

const messageEvent = z.strictObject({
  type: z.literal("message"),
  source,
  message: z.strictObject({
    type: z.literal("text"),
    text: z.string().min(1, "must not be empty").max(5000, "must be at most 5000 characters"),
  }),
});
const followEvent = z.strictObject({ type: z.literal("follow"), source });
const unfollowEvent = z.strictObject({ type: z.literal("unfollow"), source });
const postbackEvent = z.strictObject({
  type: z.literal("postback"),
  source,
  postback: z.strictObject({
    data: z.string().min(1, "must not be empty").max(300, "must be at most 300 characters"),
    params: z.record(z.string(), z.string()).optional(),
  }),
});

export const eventInput = z.discriminatedUnion("type", [
  messageEvent,
  followEvent,
  unfollowEvent,
  postbackEvent,
]);
export type EventInput = z.infer<typeof eventInput>;

/** Bounded so that one webhook body stays small (LINE batches a handful of events at most). */
export const MAX_EVENTS_PER_REQUEST = 100;

const textShorthand = z.strictObject({
  text: z.string().min(1, "must not be empty").max(5000, "must be at most 5000 characters"),
  userId: userId.optional(),
});
const eventList = z.strictObject({
  events: z
    .array(eventInput)
    .min(1, "must hold at least one event")
    .max(MAX_EVENTS_PER_REQUEST, `must hold at most ${MAX_EVENTS_PER_REQUEST} events`),
});

/** Events in one request as an array, each its own webhook (docs/architecture.md, "Sending events in bulk"). */
export const MAX_BULK_EVENTS = 1000;

const eventArray = z
  .array(eventInput)
  .min(1, "must hold at least one event")
  .max(MAX_BULK_EVENTS, `must hold at most ${MAX_BULK_EVENTS} events`);

/**
 * `{"events": [...]}` (one webhook), the shorthand `{"text": "..."}` (one webhook of one text
 * message), or an array of events (one webhook each, as LINE sends one per user action). The
 * form is picked by the body's shape, so a mistake is reported against that form's fields rather
 * than as "invalid input".
 */
export const sendEventsInput = z.unknown().transform((value, ctx) => {
  const schema = Array.isArray(value)
    ? eventArray
    : typeof value === "object" && value !== null && "events" in value
      ? eventList
      : textShorthand;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // Zod's issues pass through unchanged (their codes included), only re-homed in this schema.
  for (const issue of result.error.issues)
    ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
});
export type SendEventsInput = z.infer<typeof sendEventsInput>;

/** The webhooks a request stores: each a list of events. */
export function toWebhookInputs(input: SendEventsInput): EventInput[][] {
  return Array.isArray(input) ? input.map((event) => [event]) : [toEventInputs(input)];
}

/** The shorthand is a text message from the simulated user. */
function toEventInputs(input: Exclude<SendEventsInput, EventInput[]>): EventInput[] {
  if ("events" in input) return input.events;
  return [
    {
      type: "message",
      source: input.userId ? { type: "user", userId: input.userId } : undefined,
      message: { type: "text", text: input.text },
    },
  ];
}
