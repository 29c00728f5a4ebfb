import { ConflictError, MissingError, NotFoundError, RateLimitedError } from "../errors";

/** One problem with one input property, as LINE's API reports them. */
export interface ErrorDetail {
  property: string;
  message: string;
}

/**
 * The one error shape of every route handler, modelled on LINE's Messaging API:
 * `{"message": "...", "details": [{"property": "...", "message": "..."}]}`.
 */
export interface ErrorBody {
  message: string;
  details?: ErrorDetail[];
}

/** An error that already knows its HTTP answer (bad JSON, failed validation, ...). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function errorResponse(status: number, message: string, details?: ErrorDetail[]): Response {
  const body: ErrorBody = details?.length ? { message, details } : { message };
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** Maps anything thrown by a handler to the error shape; only real bugs become a 500. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof HttpError) return errorResponse(error.status, error.message, error.details);
  if (error instanceof NotFoundError || error instanceof MissingError) {
    return errorResponse(404, error.message);
  }
  if (error instanceof RateLimitedError) return errorResponse(429, error.message);
  if (error instanceof ConflictError) {
    return errorResponse(409, error.message, [
      { property: error.property, message: error.message },
    ]);
  }
  console.error("Unhandled error in route handler", error);
  return errorResponse(500, "Internal server error");
}
