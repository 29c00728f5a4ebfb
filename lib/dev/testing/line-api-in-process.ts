// The LINE-compatible API (/v2) called in process, every answer held to LINE's spec: the in-process
// twin of the e2e `lineApi` fixture (e2e/fixtures.ts), which records each /v2 answer and, when the
// test ends, checks it against LINE's OpenAPI schemas and for an X-Line-Request-Id
// (e2e/support/line-conformance.ts, shared by both).
import "server-only";
import { afterEach, beforeEach, expect } from "vitest";
import { conformanceProblems, type LineExchange } from "../../../e2e/support/line-conformance";
import { callRoute, type RouteCall, type RouteHandler } from "./route-call";

export interface LineApiInProcess {
  /** Calls a /v2 handler (no session: a bearer token in `headers`, if any) and records the answer. */
  call<Params>(handler: RouteHandler<Params>, call: Omit<RouteCall, "cookie">): Promise<Response>;
  exchanges: LineExchange[];
}

/**
 * Registers hooks that give each test a fresh record of its /v2 exchanges and, after it, fail it
 * when any answer breaks LINE's spec.
 */
export function useLineApiInProcess(): LineApiInProcess {
  const exchanges: LineExchange[] = [];
  beforeEach(() => {
    exchanges.length = 0;
  });
  afterEach(() => {
    expect(exchanges.flatMap(conformanceProblems), "answers LINE's spec allows").toEqual([]);
  });
  return {
    exchanges,
    async call(handler, call) {
      const response = await callRoute(handler, call);
      exchanges.push({
        method: call.method,
        path: call.path,
        status: response.status,
        requestId: response.headers.get("x-line-request-id"),
        body: await response.clone().text(),
      });
      return response;
    },
  };
}
