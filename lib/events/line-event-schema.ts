// Not server-only: the endpoint definitions name the events body's schema, which the browser's
// bundle can reach by a dynamic import it never makes (lib/http/endpoint.ts).
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import webhookSchema from "./line-schema/webhook.json";

/** A place in an event that LINE's schema refuses, as a path of keys and indexes. */
export interface SchemaProblem {
  path: string[];
  message: string;
}

let validateEvent: ValidateFunction | undefined;

/**
 * LINE's Event schema, compiled once per process on first use: about 0.1 s here (126 ms), which
 * the first events request carrying `events` pays rather than every start-up.
 */
function eventValidator(): ValidateFunction {
  if (!validateEvent) {
    // strict: false: LINE's schemas carry OpenAPI's `nullable` and descriptions on $ref siblings.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(webhookSchema, "line-webhook");
    const compiled = ajv.getSchema("line-webhook#/components/schemas/Event");
    if (!compiled) throw new Error("LINE's webhook schema has no Event");
    validateEvent = compiled;
  }
  return validateEvent;
}

/**
 * What LINE's webhook.yml (vendored, lib/events/line-schema/) refuses in a complete event as it
 * is sent (with its deliveryContext, which each attempt adds), each where it is; none when it is
 * valid. The `if`/`then` wrappers the vendoring adds for each
 * subtype say only that a subtype failed, which its own problems already say.
 */
export function lineSchemaProblems(event: Record<string, unknown>): SchemaProblem[] {
  const validate = eventValidator();
  if (validate({ ...event, deliveryContext: { isRedelivery: false } })) return [];
  const problems = (validate.errors ?? [])
    .filter((error) => error.keyword !== "if")
    .map((error) => {
      const path = error.instancePath.split("/").slice(1).map(unescapePointer);
      if (error.keyword === "required") path.push(String(error.params.missingProperty));
      const message =
        error.keyword === "required"
          ? "is required"
          : error.keyword === "enum"
            ? `must be one of ${(error.params.allowedValues as unknown[]).join(", ")}`
            : (error.message ?? "is not valid");
      return { path, message };
    });
  // One problem per place: the first said of it.
  const seen = new Set<string>();
  return problems.filter(({ path }) => {
    const key = path.join("/");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** JSON Pointer's escapes: `~1` is `/`, `~0` is `~`. */
function unescapePointer(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}
