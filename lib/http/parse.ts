import { z } from "zod";
import { type ErrorDetail, InvalidInputError, TooLargeError } from "../errors";
import { BODY_TOO_LARGE_MESSAGE, MAX_BODY_BYTES } from "./request-defences";

/**
 * A request's body as text, refused (TooLargeError, 413) when over MAX_BODY_BYTES: at once when
 * its Content-Length says so, else as soon as the bytes read pass the limit (a chunked body has
 * no length up front), which stops reading there. scripts/serve.mjs refuses such bodies before
 * Next reads them; this holds wherever else a handler runs (`next dev`, tests).
 */
export async function readBodyText(
  request: Request,
  tooLargeMessage = BODY_TOO_LARGE_MESSAGE,
): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) {
    throw new TooLargeError(tooLargeMessage);
  }
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let received = 0;
  // A client that goes away mid-body (a closed connection, an aborted upload) makes the read
  // fail: its request was incomplete, a 400 that no one reads, not a server error to log.
  const next = () =>
    reader.read().catch(() => {
      throw new InvalidInputError("Request body incomplete: the client closed the connection");
    });
  for (let read = await next(); !read.done; read = await next()) {
    received += read.value.byteLength;
    if (received > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw new TooLargeError(tooLargeMessage);
    }
    text += decoder.decode(read.value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Reads a JSON body; malformed or missing JSON is the client's fault, so a 400. With
 * `optional`, an empty body reads as `{}` (for requests whose every field is optional).
 */
export async function readJsonBody(request: Request, { optional = false } = {}): Promise<unknown> {
  const text = await readBodyText(request);
  if (text.trim() === "") {
    if (optional) return {};
    throw new InvalidInputError("Request body must be a JSON object");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`Malformed JSON in request body: ${(error as Error).message}`);
  }
  // Only a \u escape can put a lone surrogate or U+0000 into parsed JSON: JSON refuses raw
  // control characters in strings, and decoded UTF-8 holds no lone surrogates. Most bodies have
  // none, and skip the walk.
  const problem = text.includes("\\u") ? unstorableTextIn(body) : null;
  if (problem) throw InvalidInputError.of(problem.property, problem.message);
  return body;
}

// JSON may escape any UTF-16 code unit ("\ud800"), so a parsed body can hold strings that are
// not Unicode text, which no database column takes (PostgreSQL refuses them, and U+0000 too).
// Checked here, once for every body, so that no schema can forget it.
const LONE_SURROGATE = /\p{Cs}/u;

/** What in `text` keeps it from being stored as text ("holds ..."), or null. */
function unstorable(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return "holds an unpaired UTF-16 surrogate";
  if (text.includes("\u0000")) return "holds the NUL character (U+0000)";
  return null;
}

/** A property name as a path segment, readable whatever it holds. */
function printable(key: string): string {
  return key.replaceAll("\u0000", "\ufffd").replace(/\p{Cs}/gu, "\ufffd");
}

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | null;
}

/** `events.0.message.text`; `(body)` for the body itself. */
function propertyOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) keys.push(printable(at.key));
  return keys.length ? keys.reverse().join(".") : "(body)";
}

/**
 * The first string in a parsed JSON value, property names included, that cannot be stored as
 * text: its property and why. Walks without recursion and builds a path only for the problem, so
 * neither deep nesting nor a large body costs more than one pass.
 */
export function unstorableTextIn(value: unknown): ErrorDetail | null {
  const pending: Visit[] = [{ value, key: "", parent: null }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const current = visit.value;
    if (typeof current === "string") {
      const problem = unstorable(current);
      if (problem) {
        return { property: propertyOf(visit), message: `must be valid text: it ${problem}` };
      }
    } else if (typeof current === "object" && current !== null) {
      const isArray = Array.isArray(current);
      const entries = isArray ? current.entries() : Object.entries(current);
      const children: Visit[] = [];
      for (const [key, child] of entries) {
        const name = String(key);
        const visitChild = { value: child, key: name, parent: visit };
        const problem = isArray ? null : unstorable(name);
        if (problem) {
          return {
            property: propertyOf(visitChild),
            message: `is a property name that ${problem}`,
          };
        }
        children.push(visitChild);
      }
      // Last child first onto the stack: problems are found in document order (an object's
      // property names before its values).
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as Visit);
    }
  }
  return null;
}

/** Validates with zod; the message names the first offending property. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    // An unknown property is named itself, so the message points at what to remove. One issue
    // lists every unknown key of an object: each becomes its own detail.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        property: [...at, key].join("."),
        message: "is not a known property",
      }));
    }
    return [{ property: at.length ? at.join(".") : "(body)", message: issue.message }];
  });
  const [first] = details;
  const message = first ? `${first.property}: ${first.message}` : "Invalid request";
  throw new InvalidInputError(message, details);
}

export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema>> {
  return parseInput(schema, await readJsonBody(request));
}

/** For query-string schemas: an empty parameter (`?before=`) means the same as an absent one. */
export const blankAsAbsent = (value: unknown) => (value === "" ? undefined : value);

/**
 * A whole number in a query string, `fallback` when absent or empty: decimal digits only. Number()
 * (and z.coerce) would also take `0x10`, `1e1`, ` 5`, `5.0` and `+5`, none of which is a count.
 */
export function queryInteger({
  min,
  max,
  fallback,
}: {
  min: number;
  max: number;
  fallback: number;
}) {
  return z.preprocess(
    blankAsAbsent,
    z
      .string({ error: "must be a whole number" })
      .regex(/^[0-9]+$/, `must be a whole number in decimal digits, e.g. ${fallback}`)
      .transform(Number)
      // Too many digits for a double reads as Infinity, which z.number() refuses as a type.
      .pipe(
        z
          .number({ error: `must be at most ${max}` })
          .min(min, `must be at least ${min}`)
          .max(max, `must be at most ${max}`),
      )
      .default(fallback),
  );
}

/** Validates the query string; repeated parameters keep their last value. */
export function parseSearchParams<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): z.infer<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return parseInput(schema, params);
}
