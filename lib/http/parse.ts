import type { z } from "zod";
import { InvalidInputError } from "../errors";

/**
 * Reads a JSON body; malformed or missing JSON is the client's fault, so a 400. With
 * `optional`, an empty body reads as `{}` (for requests whose every field is optional).
 */
export async function readJsonBody(request: Request, { optional = false } = {}): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") {
    if (optional) return {};
    throw new InvalidInputError("Request body must be a JSON object");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`Malformed JSON in request body: ${(error as Error).message}`);
  }
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

/** Validates the query string; repeated parameters keep their last value. */
export function parseSearchParams<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): z.infer<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return parseInput(schema, params);
}
