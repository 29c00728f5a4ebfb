import http from "node:http";
import http2 from "node:http2";
import type net from "node:net";
import { SenderCodes } from "./classify-error";
import { codedError } from "./coded-error";
import type { OpenConnection } from "./open-connection";
import type { WebhookTarget } from "./webhook-target";

export interface OutgoingWebhook {
  headers: Record<string, string>;
  body: Buffer;
}

export interface ExchangeResult {
  status: number;
}

/**
 * Sends the POST over an open connection and waits for the complete response (status, headers,
 * body) within `timeoutMs`. Rejects with Node's error or a SenderCodes error; the caller tags it
 * with the "request" phase. The connection is closed afterwards either way.
 */
export function exchange(
  connection: OpenConnection,
  target: WebhookTarget,
  webhook: OutgoingWebhook,
  timeoutMs: number,
): Promise<ExchangeResult> {
  return connection.protocol === "h2"
    ? exchangeHttp2(connection.socket, target, webhook, timeoutMs)
    : exchangeHttp1(connection.socket, target, webhook, timeoutMs);
}

function requestTimeoutError(timeoutMs: number) {
  return codedError(SenderCodes.requestTimeout, `no complete response within ${timeoutMs} ms`);
}

function exchangeHttp1(
  socket: net.Socket,
  target: WebhookTarget,
  webhook: OutgoingWebhook,
  timeoutMs: number,
): Promise<ExchangeResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      socket.destroy();
      outcome();
    };
    const request = http.request({
      method: "POST",
      host: target.host,
      port: target.port,
      path: target.path,
      setHost: false,
      headers: { host: target.url.host, ...webhook.headers, "content-length": webhook.body.length },
      // Our own, already connected (and classified) socket; no agent, no pooling.
      createConnection: () => socket,
    });
    const timer = setTimeout(() => finish(() => reject(requestTimeoutError(timeoutMs))), timeoutMs);
    request.on("response", (response) => {
      response.on("data", () => {});
      response.on("end", () => finish(() => resolve({ status: response.statusCode ?? 0 })));
      response.on("error", (error) => finish(() => reject(error)));
      response.on("aborted", () =>
        finish(() => reject(codedError(SenderCodes.sessionClosed, "response aborted"))),
      );
    });
    request.on("error", (error) => finish(() => reject(error)));
    request.on("close", () =>
      finish(() =>
        reject(codedError(SenderCodes.sessionClosed, "connection closed before a response")),
      ),
    );
    request.end(webhook.body);
  });
}

function exchangeHttp2(
  socket: net.Socket,
  target: WebhookTarget,
  webhook: OutgoingWebhook,
  timeoutMs: number,
): Promise<ExchangeResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let status = 0;
    const session = http2.connect(target.url.origin, { createConnection: () => socket });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      session.destroy();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(requestTimeoutError(timeoutMs))), timeoutMs);
    // GOAWAY naming a last stream below ours means the server never accepted our request.
    session.on("goaway", (errorCode, lastStreamID) => {
      if (stream.id === undefined || stream.id > lastStreamID) {
        finish(() =>
          reject(
            codedError(
              SenderCodes.goawayBeforeAccept,
              `GOAWAY (code ${errorCode}, last stream ${lastStreamID}) before the request was accepted`,
            ),
          ),
        );
      }
    });
    session.on("error", (error) => finish(() => reject(error)));
    session.on("close", () =>
      finish(() =>
        reject(codedError(SenderCodes.sessionClosed, "HTTP/2 session closed before a response")),
      ),
    );
    const stream = session.request({
      ":method": "POST",
      ":path": target.path,
      ...webhook.headers,
      "content-length": String(webhook.body.length),
    });
    stream.on("response", (headers) => {
      status = Number(headers[":status"] ?? 0);
    });
    stream.on("data", () => {});
    stream.on("end", () =>
      finish(() =>
        status
          ? resolve({ status })
          : reject(codedError(SenderCodes.sessionClosed, "stream ended without a response")),
      ),
    );
    stream.on("error", (error) => finish(() => reject(error)));
    stream.on("close", () => {
      if (stream.rstCode === http2.constants.NGHTTP2_REFUSED_STREAM) {
        finish(() =>
          reject(codedError(SenderCodes.goawayBeforeAccept, "stream refused by the server")),
        );
      } else if (stream.rstCode !== http2.constants.NGHTTP2_NO_ERROR) {
        finish(() =>
          reject(
            codedError(
              SenderCodes.streamReset,
              `stream reset by the server (code ${stream.rstCode})`,
            ),
          ),
        );
      } else {
        finish(() =>
          reject(codedError(SenderCodes.sessionClosed, "stream closed before a response")),
        );
      }
    });
    stream.end(webhook.body);
  });
}
