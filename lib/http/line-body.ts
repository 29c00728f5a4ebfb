import type { z } from "zod";
import { type ErrorDetail, InvalidInputError } from "../errors";
import { readBodyText, unstorableTextIn } from "./parse";
import { LINE_BODY_TOO_LARGE_MESSAGE } from "./request-defences";

// Request bodies of the LINE-compatible API, refused with LINE's messages: they differ from the
// console API's (which name the property in the message) because bots and SDKs compare them.

/** LINE's media type check: a body must be JSON (parameters such as charset are fine). */
function contentTypeProblem(request: Request): string | null {
  // RFC 9110: a body without a type may be taken as application/octet-stream.
  const type = request.headers.get("content-type") ?? "application/octet-stream";
  const mediaType = type.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json" ? null : `The content type, ${type}, is not supported`;
}

/**
 * Reads and validates a JSON body: 413 in LINE's words for a body over 1 MB, 400 "The content
 * type, …, is not supported" for a body that is not JSON, "The request body could not be parsed
 * as JSON" for malformed JSON, and LINE's "The request body has N error(s)" with one detail per
 * problem for a wrong shape. With `optional`, an empty body reads as `{}`.
 */
export async function parseLineBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { optional = false } = {},
): Promise<z.infer<Schema>> {
  const text = await readBodyText(request, LINE_BODY_TOO_LARGE_MESSAGE);
  let body: unknown = {};
  if (text.trim() !== "" || !optional) {
    const unsupported = contentTypeProblem(request);
    if (unsupported) throw new InvalidInputError(unsupported);
    try {
      body = JSON.parse(text);
    } catch {
      throw new InvalidInputError("The request body could not be parsed as JSON");
    }
    // Text no database keeps (a lone surrogate, U+0000), even in a property LINE would ignore.
    const unstorable = unstorableTextIn(body);
    if (unstorable) throw lineValidationError([unstorable]);
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw lineValidationError(
    result.error.issues.map((issue) => ({
      property: issue.path.map(String).join(".") || "(body)",
      message: issue.message,
    })),
  );
}

/** LINE's answer to a body of the wrong shape: a count, and one detail per problem. */
function lineValidationError(details: ErrorDetail[]): InvalidInputError {
  return new InvalidInputError(`The request body has ${details.length} error(s)`, details);
}
