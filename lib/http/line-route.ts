import "server-only";
import { authenticateChannel } from "../access-tokens/authenticate-channel";
import { type Channel, db } from "../db/client";
import type { BodyOf, Endpoint } from "./endpoint";
import { parseLineBody } from "./line-body";
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

/**
 * Serves a /v2 endpoint (lib/http/endpoints/line.ts): the caller's channel comes from its
 * `Authorization: Bearer` token, then the body is read and checked in LINE's words.
 */
export function lineRoute<E extends Endpoint>(
  endpoint: E,
  handler: (input: { request: Request; channel: Channel; body: BodyOf<E> }) => Promise<Response>,
) {
  return (request: Request): Promise<Response> =>
    answerWithRequestId(request, async () => {
      const channel = await authenticateChannel(db(), request.headers.get("authorization"));
      const body = endpoint.body
        ? await parseLineBody(request, await endpoint.body(), {
            optional: endpoint.bodyOptional ?? false,
          })
        : undefined;
      return handler({ request, channel, body: body as BodyOf<E> });
    });
}
