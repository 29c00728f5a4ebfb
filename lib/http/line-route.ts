import "server-only";
import { authenticateChannel } from "../access-tokens/authenticate-channel";
import { type Channel, db } from "../db/client";
import { LINE_REQUEST_ID_HEADER, logLineAnswer } from "./line-request-id";
import { notStored, toErrorResponse } from "./respond";

// The LINE-compatible Messaging API (/v2/bot/...): every answer, errors included, carries an
// `X-Line-Request-Id` (a UUID), as LINE's do, and each request is logged with it so an operator
// can find the line a bot developer quotes. Errors keep LINE's shape, which is also ours:
// `{"message", "details"?}`.

/** Answers one /v2 request with its request id, logging method, path, status and time. */
export async function answerWithRequestId(
  request: Request,
  answer: () => Promise<Response>,
): Promise<Response> {
  const started = performance.now();
  let response: Response;
  try {
    response = await answer();
  } catch (error) {
    response = toErrorResponse(error);
  }
  const { pathname } = new URL(request.url);
  const requestId = logLineAnswer(request.method, pathname, response.status, started);
  response.headers.set(LINE_REQUEST_ID_HEADER, requestId);
  return notStored(response);
}

/** A /v2 route handler: the caller's channel comes from its `Authorization: Bearer` token. */
export function lineRoute(handler: (request: Request, channel: Channel) => Promise<Response>) {
  return (request: Request): Promise<Response> =>
    answerWithRequestId(request, async () =>
      handler(request, await authenticateChannel(db(), request.headers.get("authorization"))),
    );
}
