/**
 * Errors the domain code throws for things a client can cause. Route handlers turn them into
 * the one JSON error shape (lib/http/respond.ts); anything else is a bug and becomes a 500.
 */
export class NotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${id} not found`);
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
