import http from "node:http";
import http2 from "node:http2";
import type net from "node:net";
import { codedError } from "./coded-error";
import type { PooledRequestOptions } from "./exchange-http1";
import { type TrackedSession, trackSession } from "./exchange-http2";
import {
  type ApplicationProtocol,
  type ConnectOptions,
  openConnection,
  PhaseError,
} from "./open-connection";
import type { WebhookTarget } from "./webhook-target";

/**
 * Idle connections close after this long: well below the 5 s keep-alive timeout of Node servers
 * (and most others), so we rarely write to a connection the server is closing at that moment.
 */
const IDLE_MS = 2000;

export function originKey(target: WebhookTarget): string {
  return `${target.secure ? "https" : "http"}://${target.host}:${target.port}`;
}

/**
 * Opens HTTP/1.1 connections for Node's keep-alive agent through openConnection, so a fresh
 * connection fails with the same classified phases as anywhere else.
 */
class WebhookAgent extends http.Agent {
  constructor(private readonly connectOptions: ConnectOptions) {
    super({
      keepAlive: true,
      maxSockets: Number.POSITIVE_INFINITY,
      maxFreeSockets: 1024,
      timeout: IDLE_MS,
      scheduling: "lifo",
    });
  }

  override getName(options: http.ClientRequestArgs): string {
    const target = (options as PooledRequestOptions).webhookTarget;
    return target ? originKey(target) : super.getName(options);
  }

  // Node's typings declare createConnection as a property, but the agent calls it as a method
  // and accepts a callback for sockets that are opened asynchronously.
  override createConnection = ((
    options: PooledRequestOptions,
    callback: (error: Error | null, socket?: net.Socket) => void,
  ): undefined => {
    openConnection(options.webhookTarget, this.connectOptions, options.connectTimings).then(
      (connection) => {
        if (connection.protocol === "http/1.1") return callback(null, connection.socket);
        // The server now prefers HTTP/2: make the sender start over through the HTTP/2 path.
        connection.socket.destroy();
        callback(new PhaseError("tls", codedError(PROTOCOL_CHANGED, "server switched to HTTP/2")));
      },
      (error: unknown) => callback(error as Error),
    );
    return undefined;
  }) as unknown as http.Agent["createConnection"];
}

/** Raised inside the pool only: the origin's protocol changed, so the attempt starts over. */
export const PROTOCOL_CHANGED = "WEBHOOK_PROTOCOL_CHANGED";

/**
 * Keeps connections to bot servers open between webhooks, as LINE's platform does: a keep-alive
 * HTTP/1.1 agent, one HTTP/2 session per origin, and what each https origin negotiated last.
 */
export class ConnectionPool {
  readonly agent: http.Agent;
  private readonly sessions = new Map<string, TrackedSession>();
  private readonly protocols = new Map<string, ApplicationProtocol>();

  constructor(connectOptions: ConnectOptions) {
    this.agent = new WebhookAgent(connectOptions);
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
    this.agent.destroy();
    for (const { session } of this.sessions.values()) session.destroy();
    this.sessions.clear();
  }
}
