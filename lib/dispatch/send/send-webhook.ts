import http2 from "node:http2";
import { type DeliveryFailure, errorStatusCode } from "../../shared/failure-reasons";
import { classifyDispatchError, errorCode, SenderCodes } from "./classify-error";
import { type ConnectionPool, PROTOCOL_CHANGED } from "./connection-pool";
import { ExchangeFailure } from "./exchange-failure";
import { exchangeHttp1 } from "./exchange-http1";
import { exchangeHttp2, trackSession } from "./exchange-http2";
import { type ConnectOptions, openConnection, PhaseError } from "./open-connection";
import type { OutgoingWebhook } from "./outgoing-webhook";
import { type CapturedResponse, ResponseCapture } from "./response-capture";
import { parseWebhookTarget, type WebhookTarget } from "./webhook-target";

export type { OutgoingWebhook } from "./outgoing-webhook";

export interface SendOptions extends ConnectOptions {
  /** From the moment the request is sent until the complete response: LINE's 2 seconds. */
  requestTimeoutMs: number;
  /** Keeps connections open between webhooks; without it every send uses a new connection. */
  pool?: ConnectionPool;
}

interface Attempted extends CapturedResponse {
  /** HTTP status, 0 when no response arrived. */
  status: number;
  latencyMs: number;
  /** "h2" or "http/1.1" once a connection was made. */
  protocol: string | null;
}

export type SendResult =
  | (Attempted & { ok: true })
  | (Attempted &
      DeliveryFailure & {
        ok: false;
        /** The underlying error, for operators. */
        error: string;
      });

// Resent once, on a fresh connection, only when the bot cannot have seen the request: a reused
// HTTP/2 session the server had already sent GOAWAY on (it promises not to process such streams),
// or a reused HTTP/1.1 connection the server had closed before we could write (EPIPE). A reset
// after the request was written is reported, not retried: the bot may have processed it, and a
// POST is not safe to repeat. Idle connections are dropped early (connection-pool.ts) to keep
// such races rare.
const STALE_CONNECTION_CODES = new Set([
  "EPIPE",
  SenderCodes.goawayBeforeAccept,
  "ERR_HTTP2_GOAWAY_SESSION",
  "ERR_HTTP2_INVALID_SESSION",
]);

function worthRetrying(error: unknown): boolean {
  if (error instanceof PhaseError) return errorCode(error.cause) === PROTOCOL_CHANGED;
  return (
    error instanceof ExchangeFailure &&
    error.reusedConnection &&
    !error.responseStarted &&
    STALE_CONNECTION_CODES.has(errorCode(error.cause) ?? "")
  );
}

/**
 * Sends one webhook POST and says how it went. Never throws: every outcome, including bugs in
 * the sending code itself, comes back as a result the caller records.
 */
export async function sendWebhook(
  url: string,
  webhook: OutgoingWebhook,
  options: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  // What the tries learnt: the protocol once a connection was made, what the last try saw (a
  // resend on a fresh connection starts a new capture). Plain fields, no closures: this runs for
  // every webhook.
  const seen: Seen = { protocol: null, capture: new ResponseCapture() };
  try {
    let target: WebhookTarget;
    try {
      target = parseWebhookTarget(url);
    } catch (error) {
      throw new PhaseError("url", error);
    }
    let status: number;
    try {
      status = await deliver(target, webhook, options, true, seen);
    } catch (error) {
      if (!worthRetrying(error)) throw error;
      options.pool?.forget(target);
      seen.capture = new ResponseCapture();
      status = await deliver(target, webhook, options, false, seen);
    }
    const { protocol } = seen;
    const latencyMs = Math.round(performance.now() - started);
    if (status >= 200 && status < 300) {
      return { ok: true, status, latencyMs, protocol, ...seen.capture.result() };
    }
    return {
      ok: false,
      ...errorStatusCode(status),
      status,
      latencyMs,
      protocol,
      error: `HTTP ${status}`,
      ...seen.capture.result(),
    };
  } catch (error) {
    const [phase, cause] =
      error instanceof PhaseError
        ? [error.phase, error.cause]
        : error instanceof ExchangeFailure
          ? (["request", error.cause] as const)
          : (["request", error] as const);
    return {
      ok: false,
      ...classifyDispatchError(phase, cause),
      status: 0,
      latencyMs: Math.round(performance.now() - started),
      protocol: seen.protocol,
      error: describeError(cause),
      ...seen.capture.result(),
    };
  }
}

interface Seen {
  protocol: string | null;
  capture: ResponseCapture;
}

/** One try: over a pooled connection when allowed and known, otherwise over a fresh one. */
async function deliver(
  target: WebhookTarget,
  webhook: OutgoingWebhook,
  options: SendOptions,
  reuse: boolean,
  seen: Seen,
): Promise<number> {
  const { pool, requestTimeoutMs: timeoutMs } = options;
  const { capture } = seen;
  if (pool && reuse) {
    const session = target.secure ? pool.liveSession(target) : undefined;
    if (session) {
      seen.protocol = "h2";
      return (await exchangeHttp2(session, target, webhook, timeoutMs, capture)).status;
    }
    if (pool.protocolOf(target) === "http/1.1") {
      seen.protocol = "http/1.1";
      return (await exchangeHttp1({ target, webhook, timeoutMs, capture, pool: pool.http1 }))
        .status;
    }
  }
  const connection = await openConnection(target, options, capture.timings);
  seen.protocol = connection.protocol;
  pool?.rememberProtocol(target, connection.protocol);
  if (connection.protocol === "http/1.1") {
    // The first connection to an origin (or the retry after a stale one) is used once; later
    // webhooks go through the pool, which opens its own keep-alive connections.
    return (await exchangeHttp1({ target, webhook, timeoutMs, capture, socket: connection.socket }))
      .status;
  }
  const tracked = pool
    ? pool.adoptSession(target, connection.socket)
    : trackSession(http2.connect(target.url.origin, { createConnection: () => connection.socket }));
  try {
    return (await exchangeHttp2(tracked, target, webhook, timeoutMs, capture)).status;
  } finally {
    if (pool) tracked.reused = true;
    else tracked.session.close();
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
