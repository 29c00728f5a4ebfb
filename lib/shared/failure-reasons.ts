// LINE's vocabulary for why a webhook failed (shared/reference/check-webhook-error-statistics.txt).
// The console, the statistics and the test-webhook API all speak it; nothing else invents details.

export const FAILURE_REASONS = [
  "could_not_connect",
  "request_timeout",
  "error_status_code",
  "unclassified",
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const COULD_NOT_CONNECT_DETAILS = [
  "Connection failed",
  "Connection failed (received GOAWAY)",
  "Connection failed (session closed)",
  "Connection timeout",
  "DNS Query timeout",
  "Invalid URL syntax",
  "Session protocol negotiation failure",
  "No SSL/TLS record",
  "TLS handshake failure",
  "Unknown host",
] as const;

export const REQUEST_TIMEOUT_DETAILS = ["Request timeout"] as const;

export const UNCLASSIFIED_DETAILS = [
  "Session closed unexpectedly",
  "Stream closed unexpectedly",
  "Unclassified webhook dispatch error",
] as const;

export type CouldNotConnectDetail = (typeof COULD_NOT_CONNECT_DETAILS)[number];
export type UnclassifiedDetail = (typeof UNCLASSIFIED_DETAILS)[number];

/** A classified failure. For error_status_code the detail is the status code, e.g. "500". */
export type DeliveryFailure =
  | { reason: "could_not_connect"; detail: CouldNotConnectDetail }
  | { reason: "request_timeout"; detail: "Request timeout" }
  | { reason: "error_status_code"; detail: `${number}` }
  | { reason: "unclassified"; detail: UnclassifiedDetail };

export const couldNotConnect = (detail: CouldNotConnectDetail): DeliveryFailure => ({
  reason: "could_not_connect",
  detail,
});
export const unclassified = (detail: UnclassifiedDetail): DeliveryFailure => ({
  reason: "unclassified",
  detail,
});
export const requestTimeout: DeliveryFailure = {
  reason: "request_timeout",
  detail: "Request timeout",
};
export const errorStatusCode = (status: number): DeliveryFailure => ({
  reason: "error_status_code",
  detail: `${status}`,
});
