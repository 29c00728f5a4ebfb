// The one error family of the domain code. lib/ throws a DomainError (through one of the
// subclasses below) for anything a client can cause; each carries a code, and the property it
// concerns where there is one. The HTTP layer maps codes to statuses in one table
// (lib/http/error-status.ts). Anything else thrown is a bug and becomes a 500.

export type DomainErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "missing"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "unavailable";

/** One problem with one input property, as LINE's API reports them. */
export interface ErrorDetail {
  property: string;
  message: string;
}

export class DomainError extends Error {
  /** The problems by property; empty when the error concerns no single input. */
  readonly details: readonly ErrorDetail[];

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "DomainError";
    this.details = details;
  }
}

/** The input is malformed or breaks a rule; the message names the first offending property. */
export class InvalidInputError extends DomainError {
  constructor(message: string, details: readonly ErrorDetail[] = []) {
    super("invalid_input", message, details);
    this.name = "InvalidInputError";
  }

  /** One property's problem, in the message as `property: problem`. */
  static of(property: string, message: string): InvalidInputError {
    return new InvalidInputError(`${property}: ${message}`, [{ property, message }]);
  }
}

/** The caller did not prove who it is (a missing, unknown or revoked credential). */
export class UnauthenticatedError extends DomainError {
  constructor(message: string) {
    super("unauthenticated", message);
    this.name = "UnauthenticatedError";
  }
}

/**
 * The caller is known and may see the resource, but its role does not allow this change. (A
 * resource the caller may not see at all is a NotFoundError, so its existence is not revealed.)
 */
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super("forbidden", message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends DomainError {
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    // The id comes from the URL: quote it, and cut it short, so no input can shape the message.
    super(
      "not_found",
      `${resource} ${JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id)} not found`,
    );
    this.name = "NotFoundError";
  }
}

/** Something the request needs is not there (not an unknown id: e.g. no webhook URL set). */
export class MissingError extends DomainError {
  constructor(message: string) {
    super("missing", message);
    this.name = "MissingError";
  }
}

/** The request is well formed but conflicts with the resource's current state. */
export class ConflictError extends DomainError {
  constructor(
    readonly property: string,
    message: string,
  ) {
    super("conflict", message, [{ property, message }]);
    this.name = "ConflictError";
  }
}

/** The request is larger than the server reads (a body over its limit). */
export class TooLargeError extends DomainError {
  constructor(message: string) {
    super("too_large", message);
    this.name = "TooLargeError";
  }
}

/** The caller did this too often; try again later. */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    /** When trying again can succeed (HTTP's Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super("rate_limited", message);
    this.name = "RateLimitedError";
  }
}

/**
 * The database cannot serve right now (down, restarting, out of connections or disk): an outage,
 * not a bug; trying again later can succeed. Nothing was changed by the call that got it.
 */
export class UnavailableError extends DomainError {
  constructor(
    message: string,
    /** When to try again (HTTP's Retry-After). */
    readonly retryAfterSeconds: number,
  ) {
    super("unavailable", message);
    this.name = "UnavailableError";
  }
}
