import http2 from "node:http2";
import type net from "node:net";
import { type TrackedSession, trackSession } from "./exchange-http2";
import { Http1Pool, originKey } from "./http1-pool";
import type { ApplicationProtocol, ConnectOptions } from "./open-connection";
import type { WebhookTarget } from "./webhook-target";

export { PROTOCOL_CHANGED } from "./http1-pool";

/**
 * Idle connections close after this long: well below the 5 s keep-alive timeout of Node servers
 * (and most others), so we rarely write to a connection the server is closing at that moment.
 */
const IDLE_MS = 2000;

/**
 * Keeps connections to bot servers open between webhooks, as LINE's platform does: a keep-alive
 * HTTP/1.1 pool, one HTTP/2 session per origin, and what each https origin negotiated last.
 */
export class ConnectionPool {
  readonly http1: Http1Pool;
  private readonly sessions = new Map<string, TrackedSession>();
  private readonly protocols = new Map<string, ApplicationProtocol>();

  constructor(connectOptions: ConnectOptions) {
    this.http1 = new Http1Pool(connectOptions, IDLE_MS);
  }

  /** What an https origin negotiated last time, if anything is known. */
  protocolOf(target: WebhookTarget): ApplicationProtocol | undefined {
    return target.secure ? this.protocols.get(originKey(target)) : "http/1.1";
  }

  rememberProtocol(target: WebhookTarget, protocol: ApplicationProtocol): void {
    if (target.secure) this.protocols.set(originKey(target), protocol);
  }

  forget(target: WebhookTarget): void {
    this.protocols.delete(originKey(target));
    this.sessions.get(originKey(target))?.session.close();
    this.sessions.delete(originKey(target));
  }

  /** A live HTTP/2 session to the origin that can take new streams. */
  liveSession(target: WebhookTarget): TrackedSession | undefined {
    const tracked = this.sessions.get(originKey(target));
    if (!tracked) return undefined;
    const { session } = tracked;
    if (session.closed || session.destroyed || tracked.goawayLastStreamId !== null) {
      this.sessions.delete(originKey(target));
      return undefined;
    }
    return tracked;
  }

  /** Wraps a fresh h2 connection in a session and keeps it for the next webhooks. */
  adoptSession(target: WebhookTarget, socket: net.Socket): TrackedSession {
    const session = http2.connect(target.url.origin, { createConnection: () => socket });
    const tracked = trackSession(session);
    const key = originKey(target);
    this.sessions.get(key)?.session.close();
    this.sessions.set(key, tracked);
    session.setTimeout(IDLE_MS, () => session.close());
    session.on("close", () => {
      if (this.sessions.get(key) === tracked) this.sessions.delete(key);
    });
    // An idle session must not keep the process alive; a pending request's timer does.
    session.unref();
    return tracked;
  }

  /** Closes every pooled connection. */
  close(): void {
    this.http1.close();
    for (const { session } of this.sessions.values()) session.destroy();
    this.sessions.clear();
  }
}
