import { isDatabaseUnavailable } from "../db/unavailable";
import { DomainError, type ErrorDetail, RateLimitedError, UnavailableError } from "../errors";
import { describeError } from "../logging/describe-error";
import { STATUS_BY_CODE } from "./error-status";

export type { ErrorDetail };

/**
 * The one error shape of every route handler, modelled on LINE's Messaging API:
 * `{"message": "...", "details": [{"property": "...", "message": "..."}]}`.
 */
export interface ErrorBody {
  message: string;
  details?: ErrorDetail[];
}

/** An error answer lists this many problems at most, then how many more there were. */
export const MAX_ERROR_DETAILS = 10;
/** Characters kept of a message or a property name (a client chooses property names). */
const MAX_ERROR_TEXT = 300;

function cut(text: string): string {
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text;
}

/**
 * The error body, bounded whatever the request held: a body with thousands of bad properties (or
 * one with a name a megabyte long) gets a short list and a count, never an answer larger than
 * itself.
 */
function boundedBody(message: string, details: readonly ErrorDetail[] = []): ErrorBody {
  if (details.length === 0) return { message: cut(message) };
  const listed = details.slice(0, MAX_ERROR_DETAILS).map((detail) => ({
    property: cut(detail.property),
    message: cut(detail.message),
  }));
  const more = details.length - listed.length;
  if (more > 0) {
    listed.push({ property: "(more)", message: `${more} more problems are not listed` });
  }
  return { message: cut(message), details: listed };
}

export function errorResponse(
  status: number,
  message: string,
  details?: readonly ErrorDetail[],
  headers: Record<string, string> = {},
): Response {
  const body = boundedBody(message, details);
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Headers an error's answer carries besides the body: when to retry a rate-limited call. */
function errorHeaders(error: DomainError): Record<string, string> {
  if (
    (error instanceof RateLimitedError || error instanceof UnavailableError) &&
    error.retryAfterSeconds !== undefined
  ) {
    return { "retry-after": String(error.retryAfterSeconds) };
  }
  return {};
}

/**
 * Marks an answer as never to be stored by a browser or a proxy, unless its handler said
 * otherwise: every API answer is someone's private data, or a health check that must be fresh.
 */
export function notStored(response: Response): Response {
  if (response.headers.has("cache-control")) return response;
  try {
    response.headers.set("cache-control", "no-store");
    return response;
  } catch {
    // Headers that cannot change (Response.redirect's): the same answer, copied.
    const copy = new Response(response.body, response);
    copy.headers.set("cache-control", "no-store");
    return copy;
  }
}

/** How long a client is asked to wait when the database is away (a restart takes seconds). */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Maps anything thrown by a handler to the error shape; only real bugs become a 500. A database
 * that cannot serve (lib/db/unavailable.ts) is an outage: 503 with Retry-After, logged as such.
 */
export function toErrorResponse(thrown: unknown): Response {
  let error = thrown;
  if (!(error instanceof DomainError) && isDatabaseUnavailable(error)) {
    console.error(`Database unavailable (answered 503): ${describeError(error)}`);
    error = new UnavailableError(
      "The database is unavailable at the moment; try again shortly.",
      DATABASE_RETRY_AFTER_SECONDS,
    );
  }
  if (error instanceof DomainError) {
    return errorResponse(
      STATUS_BY_CODE[error.code],
      error.message,
      error.details,
      errorHeaders(error),
    );
  }
  // Not the error itself: a Prisma error's message can quote values (lib/logging/).
  console.error(`Unhandled error in route handler: ${describeError(error)}`);
  return errorResponse(500, "Internal server error");
}
