/**
 * Errors the domain code throws for things a client can cause. Route handlers turn them into
 * the one JSON error shape (lib/http/respond.ts); anything else is a bug and becomes a 500.
 */
export class NotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    // The id comes from the URL: quote it, and cut it short, so no input can shape the message.
    super(`${resource} ${JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id)} not found`);
    this.name = "NotFoundError";
  }
}

/** The request is well formed but conflicts with the resource's current state. */
export class ConflictError extends Error {
  constructor(
    readonly property: string,
    message: string,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Something the request needs is not there (not an unknown id: e.g. no webhook URL set). */
export class MissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingError";
  }
}

/** The caller did this too often; try again later. */
export class RateLimitedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RateLimitedError";
  }
}
