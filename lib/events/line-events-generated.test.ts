// Generated events against LINE's schema: LINE's example of each type, bent by random edits (a
// value replaced by any JSON, a property removed or added), from any source, in any mode. The
// console's check must accept exactly the events that, completed as the platform completes
// them, LINE's schema (webhook.yml, vendored) accepts, judged here by an Ajv of the test's own,
// and refuse a source LINE never sends the type from.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeEvent } from "./complete-event";
import { EVENT_EXAMPLES, EVENT_TYPES, SOURCE_TYPES, sourcesOf } from "./event-catalogue";
import { type EventInput, eventInput } from "./event-input";
import webhookSchema from "./line-schema/webhook.json";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(webhookSchema, "line-webhook");
const validEvent = ajv.getSchema("line-webhook#/components/schemas/Event");

type Json = unknown;
type Path = (string | number)[];

/** Every path to a value under the event's own fields (not `type`, the platform's or the source). */
function pathsOf(value: Json, at: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [at];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [at, ...entries.flatMap(([key, inner]) => pathsOf(inner, [...at, key]))];
}

function edited(example: Record<string, Json>, path: Path, edit: Edit): Record<string, Json> {
  const copy = structuredClone(example);
  if (path.length === 0) return copy;
  const parent = path
    .slice(0, -1)
    .reduce<Json>((node, key) => (node as Record<string, Json>)[key], copy);
  const key = path.at(-1) as string | number;
  if (parent === null || typeof parent !== "object") return copy;
  const holder = parent as Record<string | number, Json>;
  if (edit.kind === "replace") holder[key] = edit.value;
  else if (edit.kind === "remove") {
    if (Array.isArray(holder)) holder.splice(Number(key), 1);
    else delete holder[key];
  } else if (!Array.isArray(holder)) holder[edit.name] = edit.value;
  return copy;
}

type Edit =
  | { kind: "replace"; value: Json }
  | { kind: "remove" }
  | { kind: "add"; name: string; value: Json };

const PROTECTED = new Set([
  "type",
  "webhookEventId",
  "timestamp",
  "replyToken",
  "deliveryContext",
  "source",
  "mode",
  "id",
  "quoteToken",
]);

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("replace" as const), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant("remove" as const) }),
  fc.record({
    kind: fc.constant("add" as const),
    name: fc.string({ minLength: 1, maxLength: 8 }).filter((name) => !PROTECTED.has(name)),
    value: fc.jsonValue({ maxDepth: 1 }),
  }),
);

const candidateArb = fc
  .record({
    type: fc.constantFrom(...EVENT_TYPES),
    source: fc.constantFrom(...SOURCE_TYPES),
    mode: fc.constantFrom("active", "standby"),
    edits: fc.array(fc.tuple(fc.nat(), editArb), { maxLength: 3 }),
  })
  .map(({ type, source, mode, edits }) => {
    let event: Record<string, Json> = { ...EVENT_EXAMPLES[type] };
    for (const [pick, edit] of edits) {
      // The event's own fields only: its type, source and mode are chosen above.
      const paths = pathsOf(event).filter(
        (path) => path.length > 0 && !PROTECTED.has(String(path[0])),
      );
      const path = paths[pick % Math.max(1, paths.length)];
      if (path) event = edited(event, path, edit);
    }
    return { ...event, type, source: { type: source }, mode };
  });

describe("generated events", () => {
  it("are accepted exactly when LINE's schema accepts them completed, from a source LINE sends them from", () => {
    fc.assert(
      fc.property(candidateArb, (candidate) => {
        const parsed = eventInput.safeParse(candidate);
        const allowed = sourcesOf(candidate.type).includes(candidate.source.type);
        if (!allowed) {
          expect(parsed.success).toBe(false);
          return;
        }
        const completed = completeEvent("1234567890", candidate as EventInput, Date.now());
        const valid = validEvent?.({ ...completed, deliveryContext: { isRedelivery: false } });
        expect(parsed.success, JSON.stringify({ candidate, errors: validEvent?.errors })).toBe(
          valid,
        );
      }),
      { numRuns: 400 },
    );
  });
});
