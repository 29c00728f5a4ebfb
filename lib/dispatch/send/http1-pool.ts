import { codedError } from "./coded-error";
import { Http1Connection } from "./http1-connection";
import { type ConnectOptions, openConnection, PhaseError } from "./open-connection";
import type { PhaseTimings } from "./response-capture";
import type { WebhookTarget } from "./webhook-target";

/** Raised inside the pool only: the origin's protocol changed, so the attempt starts over. */
export const PROTOCOL_CHANGED = "WEBHOOK_PROTOCOL_CHANGED";

/** Idle connections kept per origin at most; more are closed when released. */
const MAX_IDLE_PER_ORIGIN = 1024;

export function originKey(target: WebhookTarget): string {
  return `${target.secure ? "https" : "http"}://${target.host}:${target.port}`;
}

/**
 * Keep-alive HTTP/1.1 connections to bot servers, idle ones per origin, the most recently used
 * first (so that the fewest stay warm and the rest reach the idle limit). A new connection is
 * opened through openConnection, so it fails with the same classified phases as anywhere else,
 * and its address is checked like any other (ADR 11).
 */
export class Http1Pool {
  private readonly idle = new Map<string, Http1Connection[]>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectOptions: ConnectOptions,
    /** Idle connections close after this long (see connection-pool.ts). */
    private readonly idleMs: number,
  ) {}

  /**
   * An idle connection to the origin, or a new one whose phase times go into `timings` (a reused
   * one leaves them null).
   */
  async acquire(target: WebhookTarget, timings: PhaseTimings): Promise<Http1Connection> {
    const key = originKey(target);
    const idle = this.idle.get(key);
    for (let connection = idle?.pop(); connection; connection = idle?.pop()) {
      if (connection.usable) return connection;
      connection.destroy();
    }
    const opened = await openConnection(target, this.connectOptions, timings);
    if (opened.protocol !== "http/1.1") {
      // The server now prefers HTTP/2: the sender starts over through the HTTP/2 path.
      opened.socket.destroy();
      throw new PhaseError("tls", codedError(PROTOCOL_CHANGED, "server switched to HTTP/2"));
    }
    return new Http1Connection(
      opened.socket,
      (connection) => this.release(key, connection),
      (connection) => this.forget(key, connection),
    );
  }

  /** Closes every connection, idle or not. */
  close(): void {
    for (const connections of this.idle.values()) for (const c of connections) c.destroy();
    this.idle.clear();
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  private release(key: string, connection: Http1Connection): void {
    let idle = this.idle.get(key);
    if (!idle) {
      idle = [];
      this.idle.set(key, idle);
    }
    if (idle.length >= MAX_IDLE_PER_ORIGIN) {
      connection.destroy();
      return;
    }
    connection.idleSince = performance.now();
    idle.push(connection);
    // One timer for the whole pool, only while something is idle; it never keeps the process up.
    if (!this.sweeper) {
      this.sweeper = setInterval(() => this.sweep(), Math.max(50, this.idleMs / 4));
      this.sweeper.unref();
    }
  }

  /** A connection closed (by either side): it is no longer offered. */
  private forget(key: string, connection: Http1Connection): void {
    const idle = this.idle.get(key);
    const at = idle?.indexOf(connection) ?? -1;
    if (idle && at >= 0) idle.splice(at, 1);
  }

  /** Closes connections idle for idleMs or more: the least recently used are first in line. */
  private sweep(): void {
    const now = performance.now();
    for (const [key, idle] of this.idle) {
      while (idle.length > 0 && now - (idle[0] as Http1Connection).idleSince >= this.idleMs) {
        (idle.shift() as Http1Connection).destroy();
      }
      if (idle.length === 0) this.idle.delete(key);
    }
    if (this.idle.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = null;
    }
  }
}
