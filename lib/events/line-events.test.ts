// Every LINE webhook event the console makes, against LINE's own schema (webhook.yml, vendored in
// lib/events/line-schema/ and checked with Ajv): each type from each source it can come from, in
// both modes, and each message type. The catalogue is held to the schema too, so a type LINE adds
// to the file (after vendoring it again) fails here until the console makes it.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { completeEvent } from "./complete-event";
import {
  EVENT_EXAMPLES,
  EVENT_MODES,
  EVENT_TYPES,
  MESSAGE_EXAMPLES,
  MESSAGE_TYPES,
  QUOTABLE_MESSAGE_TYPES,
  REPLYABLE_EVENT_TYPES,
  sourcesOf,
} from "./event-catalogue";
import { eventInput } from "./event-input";
import { lineSchemaProblems } from "./line-event-schema";
import webhookSchema from "./line-schema/webhook.json";

const CHANNEL = "1234567890";
type Schema = { allOf?: Schema[]; properties?: Record<string, unknown>; required?: string[] };
const schemas = webhookSchema.components.schemas as Record<string, Schema>;
const own = (name: string) => (schemas[name]?.allOf ?? []).filter((part) => !("$ref" in part));

/** The whole request body, as a bot receives it, validated independently of the console's code. */
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(webhookSchema, "line-webhook");
const validateCallback = ajv.getSchema("line-webhook#/components/schemas/CallbackRequest");

describe("LINE's webhook events", () => {
  it("the catalogue names exactly the event and message types of LINE's schema", () => {
    expect([...EVENT_TYPES].sort()).toEqual(
      Object.keys(webhookSchema.discriminators.Event.mapping).sort(),
    );
    expect([...MESSAGE_TYPES].sort()).toEqual(
      Object.keys(webhookSchema.discriminators.MessageContent.mapping).sort(),
    );
  });

  it("reply and quote tokens go exactly where LINE's schema has them", () => {
    const mapping = webhookSchema.discriminators.Event.mapping as Record<string, string>;
    const replyable = EVENT_TYPES.filter((type) =>
      own(mapping[type] ?? "").some((part) => part.properties && "replyToken" in part.properties),
    );
    expect(new Set(replyable)).toEqual(REPLYABLE_EVENT_TYPES);
    const messages = webhookSchema.discriminators.MessageContent.mapping as Record<string, string>;
    const quotable = MESSAGE_TYPES.filter((type) =>
      own(messages[type] ?? "").some((part) => part.required?.includes("quoteToken")),
    );
    expect(new Set(quotable)).toEqual(QUOTABLE_MESSAGE_TYPES);
  });

  const cases = EVENT_TYPES.flatMap((type) =>
    sourcesOf(type).flatMap((source) => EVENT_MODES.map((mode) => ({ type, source, mode }))),
  );
  it.each(cases)(
    "$type from a $source source in $mode mode is valid as LINE defines it",
    ({ type, source, mode }) => {
      const input = eventInput.parse({ ...EVENT_EXAMPLES[type], source: { type: source }, mode });
      const event = completeEvent(CHANNEL, input, Date.now());
      expect(lineSchemaProblems(event)).toEqual([]);
      const body = {
        destination: `U${"0".repeat(32)}`,
        events: [{ ...event, deliveryContext: { isRedelivery: false } }],
      };
      expect(validateCallback?.(body), JSON.stringify(validateCallback?.errors)).toBe(true);
      expect(event).toMatchObject({ type, mode, source: { type: source } });
      expect("replyToken" in event).toBe(REPLYABLE_EVENT_TYPES.has(type));
    },
  );

  it.each(MESSAGE_TYPES)(
    "a %s message gets an id, and a quote token where LINE gives one",
    (type) => {
      const input = eventInput.parse({ type: "message", message: MESSAGE_EXAMPLES[type] });
      const event = completeEvent(CHANNEL, input, Date.now());
      expect(lineSchemaProblems(event)).toEqual([]);
      const message = event.message as Record<string, unknown>;
      expect(message.id).toMatch(/^\d{18}$/);
      expect("quoteToken" in message).toBe(QUOTABLE_MESSAGE_TYPES.has(type));
    },
  );

  it("names each problem by its path, in LINE's schema's words", () => {
    const refused = eventInput.safeParse({
      type: "message",
      message: { type: "location", latitude: "north", longitude: 139.7 },
    });
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["message.latitude", "must be number"],
    ]);
    const missing = eventInput.safeParse({ type: "beacon", beacon: { type: "enter" } });
    expect(missing.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["beacon.hwid", "is required"],
    ]);
    const badEnum = eventInput.safeParse({ type: "beacon", beacon: { hwid: "d4", type: "wave" } });
    expect(badEnum.error?.issues.map((issue) => issue.message)).toEqual([
      "must be one of enter, banner, stay",
    ]);
  });

  it("refuses what the platform fills in, a source LINE never sends the type from, an unknown type", () => {
    const issues = (value: unknown) =>
      eventInput
        .safeParse(value)
        .error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ type: "follow", follow: { isUnblocked: true }, replyToken: "r" })).toEqual([
      ["replyToken", "is filled in by the platform; leave it out"],
    ]);
    expect(issues({ type: "message", message: { type: "text", text: "hi", id: "1" } })).toEqual([
      ["message.id", "is filled in by the platform; leave it out"],
    ]);
    expect(issues({ type: "join", source: { type: "user" } })).toEqual([
      ["source.type", "LINE sends join events from a group or room source only"],
    ]);
    expect(issues({ type: "typing" })?.[0]?.[0]).toBe("type");
  });

  it("completes a group's message with the group and the user, and a group's join with the group only", () => {
    const message = completeEvent(
      CHANNEL,
      eventInput.parse({
        type: "message",
        source: { type: "group" },
        message: { type: "text", text: "hi" },
      }),
      0,
    );
    expect(message.source).toEqual({
      type: "group",
      groupId: expect.stringMatching(/^C[0-9a-f]{32}$/),
      userId: expect.stringMatching(/^U[0-9a-f]{32}$/),
    });
    const join = completeEvent(CHANNEL, eventInput.parse({ type: "join" }), 0);
    expect(join.source).toEqual({ type: "group", groupId: expect.stringMatching(/^C/) });
  });
});
