// Regression specs for input that used to get a 5xx (or an answer in no known shape) from the
// real server: broken percent-encoding in path ids, methods a route does not have, TRACE and
// TRACK, a query string over Node's header limit. Each refusal is asserted with its status and the
// JSON error shape; each refused write, with the data unchanged. Kept against the real server:
// each is answered before any route handler runs, by the request gate (lib/http/request-gate.ts)
// or scripts/serve.mjs in front of Next, by Node's HTTP parser, or by Next's own routing and 404
// page. What the route handlers answer themselves (text that is not valid Unicode, bad times and
// integers in query strings, webhook URLs that would be called elsewhere) is tested in process:
// lib/http/contract/hostile-input.int.test.ts.
import { expect, test } from "../fixtures";
import type { ChannelView, ConsoleApi } from "../support/console-api";
import { expectRawError, type RawAnswer, sendRaw } from "../support/raw-http";

/**
 * A JSON body (or none) sent raw: the path and the method exactly as written, signed in with
 * `cookie` from the console's origin, as its own pages send.
 */
function sendRawJson(
  baseURL: string | undefined,
  cookie: string,
  method: string,
  path: string,
  body?: string,
): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    cookie,
    origin: new URL(baseURL ?? "").origin,
    ...(body === undefined ? {} : { "content-type": "application/json" }),
  };
  return sendRaw(baseURL, { method, path, headers, body });
}

/** Every provider and channel name on the server (other tests add theirs meanwhile). */
async function namesInUse(api: ConsoleApi): Promise<string[]> {
  const providers = await api.listProviders();
  const details = await Promise.all(providers.map((provider) => api.getProvider(provider.id)));
  return details.flatMap((detail) => [detail.name, ...detail.channels.map((c) => c.name)]);
}

// Path segments that are not valid percent-encoding: Next failed to decode them (a 500).
const BROKEN_SEGMENTS = ["%ZZ", "%", "%C0%AE", "%E3%81", "12%3", "%%31"];

test.describe("path ids that are not valid percent-encoding", () => {
  for (const id of BROKEN_SEGMENTS) {
    test(`every API route answers the JSON 404 for ${id}, and creates nothing`, async ({
      baseURL,
      sessionCookie,
      api,
      uniqueName,
    }) => {
      const name = uniqueName("Refused");
      const cases: [method: string, path: string, body?: string][] = [
        ["GET", `/api/providers/${id}`],
        ["POST", `/api/providers/${id}/channels`, JSON.stringify({ name })],
        ["GET", `/api/channels/${id}`],
        ["PATCH", `/api/channels/${id}`, '{"useWebhook":true}'],
        ["GET", `/api/channels/${id}/secret`],
        ["POST", `/api/channels/${id}/secret`],
        ["GET", `/api/channels/${id}/access-token`],
        ["POST", `/api/channels/${id}/access-token`],
        ["POST", `/api/channels/${id}/events`, '{"text":"hi"}'],
        ["GET", `/api/channels/${id}/deliveries`],
        ["GET", `/api/channels/${id}/webhooks/${id}`],
        ["POST", `/api/channels/${id}/webhook/verify`, "{}"],
        ["GET", `/api/channels/${id}/statistics/errors`],
        ["GET", `/api/channels/${id}/statistics/errors.tsv`],
      ];
      for (const [method, path, body] of cases) {
        const what = `${method} ${path}`;
        const error = expectRawError(
          await sendRawJson(baseURL, sessionCookie, method, path, body),
          404,
          what,
        );
        expect(error.message, what).toMatch(/^(Channel|Provider) ".*" not found$/s);
      }
      expect(await namesInUse(api)).not.toContain(name);
    });
  }

  test("an API path no route serves is the JSON 404 too", async ({ baseURL, sessionCookie }) => {
    for (const path of ["/api/%ZZ", "/api/nothing", "/api/channels", "/api/providers/1/2"]) {
      expectRawError(await sendRawJson(baseURL, sessionCookie, "GET", path), 404, path);
    }
  });

  for (const path of [
    "/console/channel/%ZZ/basics",
    "/console/channel/%C0%AE/messaging-api",
    "/console/channel/%/statistics",
    "/console/provider/%",
    "/console/provider/%E3%81",
  ]) {
    test(`${path} shows the 404 page with status 404`, async ({ baseURL, page, sessionCookie }) => {
      const raw = await sendRawJson(baseURL, sessionCookie, "GET", path);
      expect(raw.status).toBe(404);
      expect(raw.headers["content-type"]).toContain("text/html");
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    });
  }
});

// Every route and the methods it answers (its exports, plus HEAD for GET and OPTIONS, which
// Next implements): anything else is a 405 with `Allow` and the JSON error shape.
const ROUTES: { path: (channel: ChannelView) => string; allow: string }[] = [
  { path: () => "/api/providers", allow: "GET, HEAD, OPTIONS, POST" },
  { path: (c) => `/api/providers/${c.providerId}`, allow: "DELETE, GET, HEAD, OPTIONS, PATCH" },
  { path: (c) => `/api/providers/${c.providerId}/members`, allow: "GET, HEAD, OPTIONS, POST" },
  { path: (c) => `/api/providers/${c.providerId}/audit`, allow: "GET, HEAD, OPTIONS" },
  { path: (c) => `/api/providers/${c.providerId}/channels`, allow: "OPTIONS, POST" },
  { path: (c) => `/api/channels/${c.id}`, allow: "DELETE, GET, HEAD, OPTIONS, PATCH" },
  { path: (c) => `/api/channels/${c.id}/audit`, allow: "GET, HEAD, OPTIONS" },
  { path: (c) => `/api/channels/${c.id}/secret`, allow: "GET, HEAD, OPTIONS, POST" },
  { path: (c) => `/api/channels/${c.id}/access-token`, allow: "GET, HEAD, OPTIONS, POST" },
  { path: (c) => `/api/channels/${c.id}/events`, allow: "OPTIONS, POST" },
  { path: (c) => `/api/channels/${c.id}/deliveries`, allow: "GET, HEAD, OPTIONS" },
  {
    path: (c) => `/api/channels/${c.id}/webhooks/01J00000000000000000000000`,
    allow: "GET, HEAD, OPTIONS",
  },
  { path: (c) => `/api/channels/${c.id}/webhook/verify`, allow: "OPTIONS, POST" },
  { path: (c) => `/api/channels/${c.id}/statistics/errors`, allow: "GET, HEAD, OPTIONS" },
  { path: (c) => `/api/channels/${c.id}/statistics/errors.tsv`, allow: "GET, HEAD, OPTIONS" },
  { path: () => "/v2/bot/channel/webhook/endpoint", allow: "GET, HEAD, OPTIONS, PUT" },
  { path: () => "/v2/bot/channel/webhook/test", allow: "OPTIONS, POST" },
];
const PROBED_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "PROPFIND", "MKCOL", "PURGE"];

test.describe("methods a route does not have", () => {
  test("answer 405 with Allow and the JSON error shape, on every route, changing nothing", async ({
    baseURL,
    sessionCookie,
    api,
    uniqueName,
    freshChannel: { provider, channel },
  }) => {
    const secret = await api.getChannelSecret(channel.id);
    const providerBefore = await api.getProvider(provider.id);
    // A body every write route would take: a name to create, a setting to change.
    const name = uniqueName("Refused");
    const body = JSON.stringify({ name, useWebhook: true, text: "hi" });
    for (const route of ROUTES) {
      const path = route.path(channel);
      const allowed = route.allow.split(", ");
      for (const method of PROBED_METHODS.filter((probed) => !allowed.includes(probed))) {
        const what = `${method} ${path}`;
        const answer = await sendRawJson(baseURL, sessionCookie, method, path, body);
        const error = expectRawError(answer, 405, what);
        expect(error, what).toEqual({ message: `Method ${method} is not allowed` });
        expect(answer.headers.allow, what).toBe(route.allow);
        if (path.startsWith("/v2/")) {
          expect(answer.headers["x-line-request-id"], what).toMatch(/^[0-9a-f-]{36}$/);
        }
      }
      // Next's own OPTIONS answer names the same methods.
      const options = await sendRawJson(baseURL, sessionCookie, "OPTIONS", path);
      if (!path.startsWith("/v2/")) {
        expect(options.status, path).toBe(204);
        expect(options.headers.allow, path).toBe(route.allow);
      }
    }
    expect(await api.getChannel(channel.id)).toEqual(channel);
    expect(await api.getChannelSecret(channel.id)).toBe(secret);
    expect(await api.getProvider(provider.id)).toEqual(providerBefore);
    expect(await namesInUse(api)).not.toContain(name);
    expect((await api.deliveries(channel.id)).deliveries).toEqual([]);
  });

  test("a wrong method with a broken id is still a 405", async ({ baseURL, sessionCookie }) => {
    const answer = await sendRawJson(baseURL, sessionCookie, "PUT", "/api/channels/%ZZ");
    expectRawError(answer, 405, "PUT /api/channels/%ZZ");
    expect(answer.headers.allow).toBe("DELETE, GET, HEAD, OPTIONS, PATCH");
  });

  // Next cannot take TRACE (the Fetch standard forbids it in a Request), and Node's parser does
  // not know TRACK; the server in front of Next (scripts/serve.mjs) answers both with what HTTP
  // prescribes for a method no resource supports, 501, in the JSON shape.
  test("TRACE and TRACK are a 501 in the JSON error shape, on every path", async ({
    baseURL,
    sessionCookie,
  }) => {
    for (const method of ["TRACE", "TRACK"]) {
      for (const path of ["/api/providers", "/api/channels/%ZZ", "/v2/bot/channel/webhook/test"]) {
        const body = expectRawError(
          await sendRawJson(baseURL, sessionCookie, method, path),
          501,
          `${method} ${path}`,
        );
        expect(body.message).toBe(`Method ${method} is not implemented`);
      }
    }
  });
});

test.describe("query strings", () => {
  // Node's HTTP parser refuses a request line and headers over its limit (16 KiB) before the
  // request reaches Next; the server in front of Next (scripts/serve.mjs) gives that refusal the
  // JSON error shape.
  test("a query string over Node's header limit is a 431 in the JSON error shape", async ({
    baseURL,
    sessionCookie,
    freshChannel: { channel },
  }) => {
    const answer = await sendRawJson(
      baseURL,
      sessionCookie,
      "GET",
      `/api/channels/${channel.id}/deliveries?before=${"A".repeat(20_000)}`,
    );
    expectRawError(answer, 431, "a 20 KB query string");
  });
});
