import type net from "node:net";
import { Http1Connection } from "./http1-connection";
import type { Http1Pool } from "./http1-pool";
import type { OutgoingWebhook } from "./outgoing-webhook";
import type { ResponseCapture } from "./response-capture";
import type { WebhookTarget } from "./webhook-target";

export type Http1Exchange = {
  target: WebhookTarget;
  webhook: OutgoingWebhook;
  timeoutMs: number;
  /** Receives the timings, headers and the start of the body as they come. */
  capture: ResponseCapture;
} & (
  | { /** Keep-alive pool: it picks or opens the connection. */ pool: Http1Pool; socket?: never }
  | { /** A fresh connection, closed after this one exchange. */ socket: net.Socket; pool?: never }
);

/**
 * POSTs the webhook over HTTP/1.1 and waits for the complete response within `timeoutMs`,
 * counted from the request's last byte written (LINE's 2 seconds); writing it may take as long
 * again. Rejects with an ExchangeFailure, or with the PhaseError of a connection the pool could
 * not open.
 */
export async function exchangeHttp1({
  target,
  webhook,
  timeoutMs,
  capture,
  pool,
  socket,
}: Http1Exchange): Promise<{ status: number }> {
  const connection = pool
    ? await pool.acquire(target, capture.timings)
    : new Http1Connection(socket, null);
  return connection.send(requestBytes(target, webhook, pool !== undefined), timeoutMs, capture);
}

/**
 * The request as bytes on the wire, head and body in one buffer (one write, one packet for a
 * webhook of usual size). The request line and Host come from a parsed URL, which percent-encodes
 * or refuses anything that could break a line; the other headers are the sender's own.
 */
export function requestBytes(
  target: WebhookTarget,
  webhook: OutgoingWebhook,
  keepAlive: boolean,
): Buffer {
  let head = `POST ${target.path} HTTP/1.1\r\nhost: ${target.url.host}\r\n`;
  for (const name in webhook.headers) head += `${name}: ${webhook.headers[name]}\r\n`;
  head += `content-length: ${webhook.body.length}\r\nconnection: ${keepAlive ? "keep-alive" : "close"}\r\n\r\n`;
  const headLength = Buffer.byteLength(head, "latin1");
  const bytes = Buffer.allocUnsafe(headLength + webhook.body.length);
  bytes.write(head, 0, headLength, "latin1");
  webhook.body.copy(bytes, headLength);
  return bytes;
}
