/**
 * Why an exchange broke, plus what the sender needs to decide on a retry: whether the connection
 * was a reused one, and whether any of the response had arrived.
 */
export class ExchangeFailure extends Error {
  constructor(
    override readonly cause: unknown,
    readonly reusedConnection: boolean,
    readonly responseStarted: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "ExchangeFailure";
  }
}
