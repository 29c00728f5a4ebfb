import type { DomainErrorCode } from "../errors";

/** The one table from domain error codes to HTTP statuses. */
export const STATUS_BY_CODE: Readonly<Record<DomainErrorCode, number>> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  // LINE answers 404 when the thing a request acts on is absent (e.g. no webhook URL to test).
  missing: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};
