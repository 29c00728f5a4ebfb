import http from "node:http";
import type net from "node:net";
import { SenderCodes } from "./classify-error";
import { codedError } from "./coded-error";
import { ExchangeFailure } from "./exchange-failure";
import { PhaseError } from "./open-connection";
import type { OutgoingWebhook } from "./outgoing-webhook";
import type { PhaseTimings, ResponseCapture } from "./response-capture";
import { responseTimer } from "./response-timer";
import type { WebhookTarget } from "./webhook-target";

export type Http1Exchange = {
  target: WebhookTarget;
  webhook: OutgoingWebhook;
  timeoutMs: number;
  /** Receives the timings, headers and the start of the body as they come. */
  capture: ResponseCapture;
} & (
  | { /** Keep-alive pool: it picks or opens the connection. */ agent: http.Agent; socket?: never }
  | { /** A fresh connection, closed after this one exchange. */ socket: net.Socket; agent?: never }
);

/** Extra request option our agent reads in createConnection (see connection-pool.ts). */
export interface PooledRequestOptions extends http.RequestOptions {
  webhookTarget: WebhookTarget;
  /**
   * Where a connection the agent opens for this request puts its phase times. The agent creates
   * a connection for the very request that asked for it (no free one, no socket limit), so these
   * are this attempt's; a reused connection leaves them null.
   */
  connectTimings: PhaseTimings;
}

/**
 * POSTs the webhook over HTTP/1.1 and waits for the complete response within `timeoutMs`,
 * counted from the request's last byte written (LINE's 2 seconds); writing it may take as long
 * again. Rejects with an ExchangeFailure.
 */
export function exchangeHttp1({
  target,
  webhook,
  timeoutMs,
  capture,
  agent,
  socket,
}: Http1Exchange) {
  return new Promise<{ status: number }>((resolve, reject) => {
    let settled = false;
    let responseStarted = false;
    const timer = responseTimer(timeoutMs, (error) => fail(error));
    const options: PooledRequestOptions = {
      method: "POST",
      host: target.host,
      port: target.port,
      path: target.path,
      setHost: false,
      headers: {
        host: target.url.host,
        ...webhook.headers,
        "content-length": webhook.body.length,
        connection: agent ? "keep-alive" : "close",
      },
      webhookTarget: target,
      connectTimings: capture.timings,
      ...(agent ? { agent } : { createConnection: () => socket as net.Socket }),
    };
    const request = http.request(options);
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      timer.stop();
      capture.finished();
      request.destroy();
      // A fresh connection the agent failed to open keeps its own phase (DNS, connect, TLS).
      reject(
        error instanceof PhaseError
          ? error
          : new ExchangeFailure(error, request.reusedSocket, responseStarted),
      );
    };
    // Once a connection is assigned, for writing the request (a bot that does not read it);
    // again from the last byte written, for the answer.
    request.on("socket", () => {
      capture.handedToConnection();
      timer.start();
    });
    request.on("finish", () => {
      if (!settled) timer.start();
    });
    request.on("response", (response) => {
      responseStarted = true;
      capture.headersFrom(response.headers);
      // Read to the end whatever its length (the exchange completes as before); only the first
      // bytes are kept.
      response.on("data", (chunk: Buffer) => capture.chunk(chunk));
      response.on("end", () => {
        if (settled) return;
        settled = true;
        timer.stop();
        capture.finished();
        resolve({ status: response.statusCode ?? 0 });
      });
      response.on("error", fail);
      response.on("aborted", () =>
        fail(codedError(SenderCodes.sessionClosed, "connection closed during the response")),
      );
    });
    request.on("error", fail);
    request.on("close", () => {
      // Also fires after every success; only build the error when it matters.
      if (!settled)
        fail(codedError(SenderCodes.sessionClosed, "connection closed before a response"));
    });
    request.end(webhook.body);
  });
}
