import { z } from "zod";
import { completeEvent, type PlatformValues } from "./complete-event";
import { EVENT_MODES, EVENT_TYPES, sourcesOf } from "./event-catalogue";
import { lineSchemaProblems } from "./line-event-schema";

// What a caller of POST /api/channels/{id}/events may send: any of LINE's webhook events
// (lib/events/event-catalogue.ts) without the fields the platform fills in (webhookEventId,
// timestamp, replyToken, deliveryContext, a message's id and quoteToken; mode and source have
// defaults), or the shorthand {"text": "..."} for a text message from the simulated user. The
// rest is checked against LINE's own schema (webhook.yml, vendored), each problem named by its
// path (`events.0.message.latitude: must be number`).

const userId = z.string().regex(/^U[0-9a-f]{32}$/, "must be U followed by 32 hex characters");
const groupId = z.string().regex(/^C[0-9a-f]{32}$/, "must be C followed by 32 hex characters");
const roomId = z.string().regex(/^R[0-9a-f]{32}$/, "must be R followed by 32 hex characters");

const sourceInput = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("user"), userId: userId.optional() }),
    z.strictObject({
      type: z.literal("group"),
      groupId: groupId.optional(),
      userId: userId.optional(),
    }),
    z.strictObject({
      type: z.literal("room"),
      roomId: roomId.optional(),
      userId: userId.optional(),
    }),
  ],
  { error: "must be a user, group or room source" },
);
export type SourceInput = z.infer<typeof sourceInput>;

/** Filled in by the platform: a caller's value would be overwritten, so it is refused. */
const PLATFORM_FIELDS = ["webhookEventId", "timestamp", "replyToken", "deliveryContext"];
const PLATFORM_MESSAGE_FIELDS = ["id", "quoteToken"];
const FILLED_IN = "is filled in by the platform; leave it out";

/** Fixed platform values: the trial completion the schema check runs on is deterministic. */
const TRIAL_VALUES: PlatformValues = {
  webhookEventId: () => "01JAAAAAAAAAAAAAAAAAAAAAAA",
  messageId: () => "100000000000000000",
  replyToken: () => "0".repeat(32),
  quoteToken: () => "q".repeat(32),
};
const TRIAL_CHANNEL = "1000000000";

export const eventInput = z
  .looseObject({
    type: z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(", ")}` }),
    source: sourceInput.optional(),
    mode: z.enum(EVENT_MODES, { error: `must be ${EVENT_MODES.join(" or ")}` }).optional(),
  })
  .superRefine((event, ctx) => {
    let refused = false;
    const refuse = (path: string[], message: string) => {
      refused = true;
      ctx.addIssue({ code: "custom", path, message });
    };
    for (const field of PLATFORM_FIELDS) {
      if (field in event) refuse([field], FILLED_IN);
    }
    const message = event.message;
    if (typeof message === "object" && message !== null) {
      for (const field of PLATFORM_MESSAGE_FIELDS) {
        if (field in message) refuse(["message", field], FILLED_IN);
      }
    }
    const sources = sourcesOf(event.type);
    if (event.source && !sources.includes(event.source.type)) {
      refuse(
        ["source", "type"],
        `LINE sends ${event.type} events from a ${sources.join(" or ")} source only`,
      );
    }
    if (refused) return;
    // The rest is LINE's schema's to judge, on the event as the platform would complete it.
    const trial = completeEvent(TRIAL_CHANNEL, event, 0, TRIAL_VALUES);
    for (const problem of lineSchemaProblems(trial)) {
      ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
    }
  });
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
