import "server-only";
import { randomUUID } from "node:crypto";
import { authenticateChannel } from "../access-tokens/authenticate-channel";
import { type Channel, db } from "../db/client";
import { toErrorResponse } from "./respond";

// The LINE-compatible Messaging API (/v2/bot/...): every answer, errors included, carries an
// `X-Line-Request-Id` (a UUID), as LINE's do, and each request is logged with it so an operator
// can find the line a bot developer quotes. Errors keep LINE's shape, which is also ours:
// `{"message", "details"?}`.

export const LINE_REQUEST_ID_HEADER = "x-line-request-id";

/** Answers one /v2 request with its request id, logging method, path, status and time. */
export async function answerWithRequestId(
  request: Request,
  answer: () => Promise<Response>,
): Promise<Response> {
  const requestId = randomUUID();
  const started = performance.now();
  let response: Response;
  try {
    response = await answer();
  } catch (error) {
    response = toErrorResponse(error);
  }
  response.headers.set(LINE_REQUEST_ID_HEADER, requestId);
  const { pathname } = new URL(request.url);
  const ms = (performance.now() - started).toFixed(1);
  console.log(`[v2] ${request.method} ${pathname} ${response.status} ${ms} ms ${requestId}`);
  return response;
}

/** A /v2 route handler: the caller's channel comes from its `Authorization: Bearer` token. */
export function lineRoute(handler: (request: Request, channel: Channel) => Promise<Response>) {
  return (request: Request): Promise<Response> =>
    answerWithRequestId(request, async () =>
      handler(request, await authenticateChannel(db(), request.headers.get("authorization"))),
    );
}
