// Regression specs for input that used to get a 5xx (or an answer in no known shape) from the
// real server: broken percent-encoding in path ids, methods a route does not have, text that is
// not valid Unicode, impossible dates and lax integers in query strings, webhook URLs that would
// be called elsewhere than they read. Each refusal is asserted with its status and the JSON error
// shape; each refused write, with the data unchanged.
import type { APIResponse } from "@playwright/test";
import { expect, test } from "../fixtures";
import { type ChannelView, type ConsoleApi, expectErrorResponse } from "../support/console-api";
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

/** The properties a 400 names, after checking the shape. */
async function refusedProperties(response: APIResponse): Promise<string[]> {
  const error = await expectErrorResponse(response, 400);
  return error.details?.map((detail) => detail.property) ?? [];
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

test.describe("text that is not valid Unicode", () => {
  // Written as JSON escapes, as a client sends them; JSON.parse makes lone surrogates of them.
  test("is refused with 400 naming the property, in every body, and nothing changes", async ({
    request,
    baseURL,
    sessionCookie,
    api,
    uniqueName,
    freshChannel: { provider, channel },
  }) => {
    const providerBefore = await api.getProvider(provider.id);
    // Names start with `marker`, so none of them may show up afterwards.
    const marker = uniqueName("Refused");
    const cases: [method: string, path: string, body: string, property: string][] = [
      ["POST", "/api/providers", `{"name":"${marker}a\\ud800b"}`, "name"],
      ["POST", "/api/providers", `{"name":"${marker}a\\u0000b"}`, "name"],
      ["POST", `/api/providers/${provider.id}/channels`, `{"name":"${marker}\\udc00"}`, "name"],
      [
        "POST",
        `/api/providers/${provider.id}/channels`,
        '{"name":"Bot","description":"x\\ud83d"}',
        "description",
      ],
      ["PATCH", `/api/channels/${channel.id}`, '{"name":"a\\ud800b"}', "name"],
      ["PATCH", `/api/channels/${channel.id}`, '{"description":"\\udfff"}', "description"],
      [
        "PATCH",
        `/api/channels/${channel.id}`,
        '{"webhookUrl":"https://example.com/\\ud800"}',
        "webhookUrl",
      ],
      ["PATCH", `/api/channels/${channel.id}`, '{"useWebhook":true,"\\ud800":1}', "\ufffd"],
      ["POST", `/api/channels/${channel.id}/events`, '{"text":"hi \\ud800"}', "text"],
      [
        "POST",
        `/api/channels/${channel.id}/events`,
        '{"events":[{"type":"message","message":{"type":"text","text":"\\ud800"}}]}',
        "events.0.message.text",
      ],
      [
        "POST",
        `/api/channels/${channel.id}/events`,
        '{"events":[{"type":"postback","postback":{"data":"d\\udbff"}}]}',
        "events.0.postback.data",
      ],
      [
        "POST",
        `/api/channels/${channel.id}/webhook/verify`,
        '{"endpoint":"http://127.0.0.1:9/\\ud800"}',
        "endpoint",
      ],
    ];
    for (const [method, path, body, property] of cases) {
      const what = `${method} ${path} ${body}`;
      const error = expectRawError(
        await sendRawJson(baseURL, sessionCookie, method, path, body),
        400,
        what,
      );
      expect(error.details, what).toEqual([
        {
          property,
          message: expect.stringMatching(/holds (an unpaired UTF-16 surrogate|the NUL)/),
        },
      ]);
    }
    expect(await api.getChannel(channel.id)).toEqual(channel);
    expect(await api.getProvider(provider.id)).toEqual(providerBefore);
    expect((await namesInUse(api)).some((name) => name.startsWith(marker))).toBe(false);
    expect((await api.deliveries(channel.id)).deliveries).toEqual([]);
    // Use webhook is off: a valid send would answer 200 {"sent": false}, so the 400s above came
    // from the text check, not from the channel's state.
    expect(
      (await request.post(`/api/channels/${channel.id}/events`, { data: { text: "ok" } })).status(),
    ).toBe(200);
  });
});

test.describe("query strings", () => {
  const BAD_TIMES: [query: string, properties: string[]][] = [
    ["from=1", ["from"]],
    ["from=10000", ["from"]],
    ["from=2026-11-27", ["from"]],
    ["from=2026-11-27T00:00:00", ["from"]],
    ["from=2026-02-30T00:00:00Z", ["from"]],
    ["from=2026-11-27T24:00:00Z", ["from"]],
    ["from=-000001-12-30T00:00:00Z", ["from"]],
    ["from=%2B275760-09-12T00:00:00Z", ["from"]],
    ["to=-271821-04-20T00:00:00Z", ["to"]],
    // Once answered 200 with a TSV named …-NaN-NaN-NaN.tsv whose body then broke off.
    ["from=%2B275760-09-12T00:00:00Z&to=%2B275760-09-13T00:00:00Z", ["from", "to"]],
    ["to=0000-12-31T23:00:00Z", ["to"]],
    // The default from, 24 hours before to, falls before 0001-01-01.
    ["to=0001-01-01T12:00:00Z", ["from"]],
    ["from=9999-12-31T23:59:59.999-00:01", ["from"]],
  ];

  test("refuse times that are not ISO 8601 instants in 0001–9999, naming them (JSON and TSV)", async ({
    request,
    freshChannel: { channel },
  }) => {
    for (const [query, properties] of BAD_TIMES) {
      for (const path of ["errors", "errors.tsv"]) {
        await test.step(`${path}?${query}`, async () => {
          const response = await request.get(
            `/api/channels/${channel.id}/statistics/${path}?${query}`,
          );
          expect(await refusedProperties(response)).toEqual(properties);
          // Refused before the download starts: no attachment, no half-sent file.
          expect(response.headers()["content-disposition"]).toBeUndefined();
        });
      }
    }
  });

  test("take the instants at the edges and with offsets", async ({
    api,
    freshChannel: { channel },
  }) => {
    const first = await api.errorStatistics(channel.id, {
      from: "0001-01-01T09:00:00+09:00",
      to: "0001-01-02T00:00:00Z",
    });
    expect(first.range.from).toBe("0001-01-01T00:00:00.000Z");
    const last = await api.errorStatisticsTsv(channel.id, {
      from: "9999-12-31T00:00:00.5Z",
      to: "9999-12-31T23:59:59.999Z",
    });
    expect(last.headers["content-disposition"]).toContain("-9999-12-31-10000-01-01.tsv");
    expect(last.text).toBe("Date\tStart\tEnd\tReason\tDetail\tErrors\n");
  });

  test("refuse integers that are not plain decimal digits, naming them", async ({
    request,
    freshChannel: { channel },
  }) => {
    const lax = ["0x10", "1e1", "%205", "5%20", "5.0", "%2B5", "-5", "0b1", "Infinity"];
    for (const value of lax) {
      await test.step(`limit=${value}`, async () => {
        const response = await request.get(`/api/channels/${channel.id}/deliveries?limit=${value}`);
        expect(await refusedProperties(response)).toEqual(["limit"]);
      });
      for (const name of ["page", "pageSize"]) {
        await test.step(`${name}=${value}`, async () => {
          const response = await request.get(
            `/api/channels/${channel.id}/statistics/errors?${name}=${value}`,
          );
          expect(await refusedProperties(response)).toEqual([name]);
        });
      }
    }
    const digits = await request.get(`/api/channels/${channel.id}/deliveries?limit=007`);
    expect(digits.status()).toBe(200);
  });

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

test.describe("webhook URLs that would be called elsewhere than they read", () => {
  test("are refused with 400 naming webhookUrl, and nothing changes", async ({
    request,
    api,
    freshChannel: { channel },
  }) => {
    const url = `/api/channels/${channel.id}`;
    const set = await api.updateChannel(channel.id, { webhookUrl: "https://example.com/hook" });
    const refused = [
      "http://a\nb/",
      "http://localhost\t:3000/",
      "https://example.com/a b",
      "https://example.com/\u0000",
      "https://example.com/\u202ekoob",
      "http:///path",
      "https:/example.com/",
      "http:example.com",
      "https://example.com\\evil.example/",
      "http://2130706433/",
      "https://ex%61mple.com/",
      "https://example.com/a/../b",
      "http://example.com/webhook",
      "http://127.0.0.1.nip.io/",
      "http://localhost./",
    ];
    for (const webhookUrl of refused) {
      await test.step(JSON.stringify(webhookUrl), async () => {
        const response = await request.patch(url, { data: { webhookUrl } });
        expect(await refusedProperties(response)).toEqual(["webhookUrl"]);
      });
    }
    expect(await api.getChannel(channel.id)).toEqual(set);
  });

  test("loopback http is stored exactly as sent", async ({ api, freshChannel: { channel } }) => {
    for (const webhookUrl of [
      "http://LOCALHOST:3001/webhook",
      "http://127.1.2.3:8080/hook?x=1",
      "http://[::1]:8080/",
    ]) {
      expect((await api.updateChannel(channel.id, { webhookUrl })).webhookUrl).toBe(webhookUrl);
      expect((await api.getChannel(channel.id)).webhookUrl).toBe(webhookUrl);
    }
  });

  test("Verify refuses such an endpoint before sending anything", async ({
    request,
    freshChannel: { channel },
  }) => {
    for (const endpoint of ["http://a\nb/", "http:///x", "http://example.com/"]) {
      const response = await request.post(`/api/channels/${channel.id}/webhook/verify`, {
        data: { endpoint },
      });
      expect(await refusedProperties(response)).toEqual(["endpoint"]);
    }
  });
});
