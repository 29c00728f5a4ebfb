import http2 from "node:http2";
import { SenderCodes } from "./classify-error";
import { codedError } from "./coded-error";
import { ExchangeFailure } from "./exchange-failure";
import type { OutgoingWebhook } from "./outgoing-webhook";
import type { ResponseCapture } from "./response-capture";
import { responseTimer } from "./response-timer";
import type { WebhookTarget } from "./webhook-target";

/** What we track per HTTP/2 session: GOAWAY tells which of our streams the server never took. */
export interface TrackedSession {
  session: http2.ClientHttp2Session;
  /** Set when the server sent GOAWAY: streams above this id were not processed. */
  goawayLastStreamId: number | null;
  reused: boolean;
}

export function trackSession(session: http2.ClientHttp2Session): TrackedSession {
  const tracked: TrackedSession = { session, goawayLastStreamId: null, reused: false };
  // Every request on the session listens for its end; many may share one session.
  session.setMaxListeners(0);
  session.on("goaway", (_code, lastStreamId) => {
    tracked.goawayLastStreamId = lastStreamId;
  });
  // Errors also surface on the streams; this listener only keeps them from being thrown.
  session.on("error", () => {});
  return tracked;
}

/**
 * POSTs the webhook on an HTTP/2 session and waits for the complete response within
 * `timeoutMs` of the request's last byte written. Rejects with an ExchangeFailure.
 */
export function exchangeHttp2(
  tracked: TrackedSession,
  target: WebhookTarget,
  webhook: OutgoingWebhook,
  timeoutMs: number,
  capture: ResponseCapture,
) {
  const { session } = tracked;
  return new Promise<{ status: number }>((resolve, reject) => {
    let settled = false;
    let status = 0;
    const notAccepted = (id: number | undefined) =>
      tracked.goawayLastStreamId !== null && (id === undefined || id > tracked.goawayLastStreamId);
    const finish = (error: unknown | null) => {
      if (settled) return;
      settled = true;
      timer.stop();
      capture.finished();
      session.off("close", onSessionClose);
      session.off("goaway", onGoaway);
      if (error === null) {
        resolve({ status });
        return;
      }
      if (!stream.closed) stream.close(http2.constants.NGHTTP2_CANCEL);
      reject(new ExchangeFailure(error, tracked.reused, status !== 0));
    };
    const onSessionClose = () =>
      finish(
        notAccepted(stream.id)
          ? codedError(SenderCodes.goawayBeforeAccept, "GOAWAY before the request was accepted")
          : codedError(SenderCodes.sessionClosed, "HTTP/2 session closed before a response"),
      );
    const onGoaway = () => {
      if (notAccepted(stream.id)) {
        finish(
          codedError(SenderCodes.goawayBeforeAccept, "GOAWAY before the request was accepted"),
        );
      }
    };
    // For writing the request, then again from its last byte written, for the answer.
    const timer = responseTimer(timeoutMs, (error) => finish(error));
    timer.start();
    let stream: http2.ClientHttp2Stream;
    capture.handedToConnection();
    try {
      stream = session.request({
        ":method": "POST",
        ":path": target.path,
        ":authority": target.url.host,
        ...webhook.headers,
        "content-length": String(webhook.body.length),
      });
    } catch (error) {
      // The session was already going away (ERR_HTTP2_GOAWAY_SESSION) or gone.
      settled = true;
      timer.stop();
      capture.finished();
      reject(new ExchangeFailure(error, tracked.reused, false));
      return;
    }
    session.on("close", onSessionClose);
    session.on("goaway", onGoaway);
    stream.on("response", (headers) => {
      status = Number(headers[":status"] ?? 0);
      capture.headersFrom(headers);
    });
    stream.on("finish", () => {
      if (!settled) timer.start();
    });
    // Read to the end whatever its length; only the first bytes are kept.
    stream.on("data", (chunk: Buffer) => capture.chunk(chunk));
    stream.on("end", () =>
      finish(
        status ? null : codedError(SenderCodes.sessionClosed, "stream ended without a response"),
      ),
    );
    stream.on("error", (error) =>
      finish(
        notAccepted(stream.id) ? codedError(SenderCodes.goawayBeforeAccept, error.message) : error,
      ),
    );
    stream.on("close", () => {
      if (stream.rstCode === http2.constants.NGHTTP2_REFUSED_STREAM || notAccepted(stream.id)) {
        finish(
          codedError(
            SenderCodes.goawayBeforeAccept,
            "stream refused: GOAWAY before the request was accepted",
          ),
        );
      } else if (session.destroyed || session.closed) {
        finish(codedError(SenderCodes.sessionClosed, "HTTP/2 session closed before a response"));
      } else if (stream.rstCode !== http2.constants.NGHTTP2_NO_ERROR) {
        finish(
          codedError(
            SenderCodes.streamReset,
            `stream reset by the server (code ${stream.rstCode})`,
          ),
        );
      } else {
        finish(codedError(SenderCodes.sessionClosed, "stream closed before a response"));
      }
    });
    stream.end(webhook.body);
  });
}
