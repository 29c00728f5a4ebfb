import { DomainError, type ErrorDetail, RateLimitedError } from "../errors";
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

export function errorResponse(
  status: number,
  message: string,
  details?: readonly ErrorDetail[],
  headers: Record<string, string> = {},
): Response {
  const body: ErrorBody = details?.length ? { message, details: [...details] } : { message };
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Headers an error's answer carries besides the body: when to retry a rate-limited call. */
function errorHeaders(error: DomainError): Record<string, string> {
  if (error instanceof RateLimitedError && error.retryAfterSeconds !== undefined) {
    return { "retry-after": String(error.retryAfterSeconds) };
  }
  return {};
}

/** Maps anything thrown by a handler to the error shape; only real bugs become a 500. */
export function toErrorResponse(error: unknown): Response {
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
