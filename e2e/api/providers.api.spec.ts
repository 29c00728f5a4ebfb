// Kept against the real server: a method a route file does not export never reaches a route
// handler. The request gate in front of Next (lib/http/request-gate.ts, applied by
// scripts/serve.mjs) answers it, so only an HTTP request can show it is a 405 and not Next's 500.
// The provider routes' own answers are tested in process: lib/http/contract/providers.int.test.ts.
import { UNKNOWN_ID } from "../../lib/dev/testing/bad-input";
import { expect, test } from "../fixtures";

test("methods no handler exports answer 405, not 500", async ({ request }) => {
  const calls = [
    ["DELETE", "/api/providers"],
    ["PUT", "/api/providers"],
    ["PUT", `/api/providers/${UNKNOWN_ID}`],
    ["POST", `/api/providers/${UNKNOWN_ID}`],
    ["GET", `/api/providers/${UNKNOWN_ID}/channels`],
    ["POST", `/api/channels/${UNKNOWN_ID}`],
    ["PUT", `/api/channels/${UNKNOWN_ID}`],
    ["DELETE", `/api/channels/${UNKNOWN_ID}/secret`],
  ] as const;
  for (const [method, url] of calls) {
    const response = await request.fetch(url, { method });
    expect(response.status(), `${method} ${url}`).toBe(405);
  }
});
