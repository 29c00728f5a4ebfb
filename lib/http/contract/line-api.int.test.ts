// The LINE-compatible API's answers that need no client library, through the /v2 handlers in
// process (moved from e2e/api/line-api.api.spec.ts, line-sdk.api.spec.ts and
// line-sdk-test-webhook.api.spec.ts): each status and message as LINE documents it, every answer
// checked against LINE's OpenAPI schemas and for an X-Line-Request-Id when the test ends. What the
// official SDK sees of them stays in e2e/api/, where it calls the real server.
import { describe, expect, it } from "vitest";
import * as anyOtherRoute from "../../../app/v2/[...path]/route";
import * as endpointRoute from "../../../app/v2/bot/channel/webhook/endpoint/route";
import * as testRoute from "../../../app/v2/bot/channel/webhook/test/route";
import { conformanceProblems } from "../../../e2e/support/line-conformance";
import { notAJsonObject } from "../../dev/testing/bad-input";
import { useConsoleInProcess } from "../../dev/testing/console-in-process";
import { expectErrorAnswer } from "../../dev/testing/contract-api";
import { useLineApiInProcess } from "../../dev/testing/line-api-in-process";
import { TEST_PROVIDERS } from "../../dev/testing/test-database";

const ENDPOINT = "/v2/bot/channel/webhook/endpoint";
const TEST = "/v2/bot/channel/webhook/test";
const RATE_LIMITED = { message: "The API rate limit has been exceeded. Try again later." };
/** WEBHOOK_ENDPOINT_LIMIT_PER_MINUTE as the e2e server has it (E2E_SERVER_SETTINGS). */
const ENDPOINT_LIMIT = 50;
const AUTHENTICATION_FAILED = {
  message:
    "Authentication failed. Confirm that the access token in the authorization header is valid.",
};

/**
 * Rate limits count in fixed windows (lib/rate-limits): waits, if need be, until the current
 * window has at least 15 s left, so that the calls of one test fall in one window.
 */
async function awayFromWindowEdge(windowMs: number) {
  const left = windowMs - (Date.now() % windowMs);
  if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(TEST_PROVIDERS)("LINE's /v2 answers on %s", (provider) => {
  const app = useConsoleInProcess(provider);
  const line = useLineApiInProcess();

  /** A signed-in operator's fresh channel and its access token. */
  async function channelWithToken() {
    const { api } = await app().signedIn();
    const owned = await api.createProvider("Provider");
    const channel = await api.createChannel(owned.id, "Channel");
    const { accessToken } = await api.issueAccessToken(channel.id);
    return { api, channel, accessToken };
  }

  /** A body sent byte for byte with the channel's token, as `contentType` (JSON by default). */
  const sendRaw = (
    method: "PUT" | "POST",
    path: string,
    token: string,
    body: string,
    contentType = "application/json",
  ) =>
    line.call(method === "PUT" ? endpointRoute.PUT : testRoute.POST, {
      method,
      path,
      body,
      headers: { ...bearer(token), "content-type": contentType },
    });

  it("PUT endpoint: 200 {} and the URL is set; unknown properties are ignored", async () => {
    const { api, channel, accessToken } = await channelWithToken();
    const response = await sendRaw(
      "PUT",
      ENDPOINT,
      accessToken,
      JSON.stringify({ endpoint: "https://bot.example.com/a", future: true }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect((await api.getChannel(channel.id)).webhookUrl).toBe("https://bot.example.com/a");
  });

  it("PUT without endpoint or with a wrong type: 400 The request body has 1 error(s)", async () => {
    const { api, channel, accessToken } = await channelWithToken();
    for (const [body, message] of [
      [{}, "must be specified"],
      [{ endpoint: null }, "must be a string"],
      [{ endpoint: 42 }, "must be a string"],
      [{ endpoint: ["https://x.y"] }, "must be a string"],
    ] as const) {
      const response = await sendRaw("PUT", ENDPOINT, accessToken, JSON.stringify(body));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        message: "The request body has 1 error(s)",
        details: [{ message, property: "endpoint" }],
      });
    }
    expect((await api.getChannel(channel.id)).webhookUrl).toBeNull();
  });

  it("malformed JSON: 400 The request body could not be parsed as JSON", async () => {
    const { api, channel, accessToken } = await channelWithToken();
    for (const [method, path] of [
      ["PUT", ENDPOINT],
      ["POST", TEST],
    ] as const) {
      for (const body of ['{"endpoint": ', "{'endpoint': 'x'}", '{"endpoint": "x",}']) {
        const response = await sendRaw(method, path, accessToken, body);
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          message: "The request body could not be parsed as JSON",
        });
      }
    }
    expect((await api.getChannel(channel.id)).webhookUrl).toBeNull();
  });

  it("a body that is not JSON: 400 The content type, <type>, is not supported", async () => {
    const { api, channel, accessToken } = await channelWithToken();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/xml"]) {
      const response = await sendRaw(
        "PUT",
        ENDPOINT,
        accessToken,
        JSON.stringify({ endpoint: "https://bot.example.com/a" }),
        type,
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        message: `The content type, ${type}, is not supported`,
      });
    }
    expect((await api.getChannel(channel.id)).webhookUrl).toBeNull();
  });

  // WEBHOOK_ENDPOINT_LIMIT_PER_MINUTE=50, as the e2e server has it, so this needs 51 calls, not
  // 1,001; that the default is LINE's 1,000 is proven with a fixed clock in
  // lib/channels/webhook-endpoint.int.test.ts.
  it("over the endpoint limit per minute: 429 with LINE's message and Retry-After", async () => {
    const { api, channel, accessToken } = await channelWithToken();
    await api.updateChannel(channel.id, { webhookUrl: "https://bot.example.com/hook" });
    const get = () =>
      line.call(endpointRoute.GET, { method: "GET", path: ENDPOINT, headers: bearer(accessToken) });
    await awayFromWindowEdge(60_000);
    const answers = await Promise.all(Array.from({ length: ENDPOINT_LIMIT }, get));
    expect(answers.map((response) => response.status)).toEqual(Array(ENDPOINT_LIMIT).fill(200));
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual(RATE_LIMITED);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // LINE counts each method of a URL apart: PUT has a count of its own.
    const put = await sendRaw(
      "PUT",
      ENDPOINT,
      accessToken,
      JSON.stringify({ endpoint: "https://bot.example.com/other" }),
    );
    expect(put.status).toBe(200);
    expect((await api.getChannel(channel.id)).webhookUrl).toBe("https://bot.example.com/other");
  });

  it("no Authorization header, or not Bearer: 401 Authorization header required", async () => {
    for (const authorization of [undefined, "", "Bearer", "Basic dXNlcjpwYXNz"]) {
      const headers = authorization === undefined ? undefined : { authorization };
      for (const response of [
        await line.call(endpointRoute.GET, { method: "GET", path: ENDPOINT, headers }),
        await line.call(endpointRoute.PUT, {
          method: "PUT",
          path: ENDPOINT,
          headers,
          json: { endpoint: "https://x.example/" },
        }),
        await line.call(testRoute.POST, { method: "POST", path: TEST, headers }),
      ]) {
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({
          message:
            "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'",
        });
      }
    }
  });

  it("any other /v2 path: 404 Not found", async () => {
    const { accessToken } = await channelWithToken();
    for (const path of ["/v2/bot/info", "/v2/bot/message/push", "/v2/nothing/here"]) {
      const response = await line.call(anyOtherRoute.GET, {
        method: "GET",
        path,
        headers: bearer(accessToken),
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: "Not found" });
    }
  });

  // From e2e/api/line-sdk.api.spec.ts.
  it("PUT endpoint refuses bodies that are not a JSON object with 400 in LINE's shape", async () => {
    const { api, channel, accessToken } = await channelWithToken();
    for (const { case: name, body } of notAJsonObject) {
      const error = await expectErrorAnswer(
        await sendRaw("PUT", ENDPOINT, accessToken, body),
        400,
        name,
      );
      expect(error.message, name).toMatch(
        /^(The request body could not be parsed as JSON|The request body has 1 error\(s\))$/,
      );
    }
    expect((await api.getChannel(channel.id)).webhookUrl).toBeNull();
  });

  // From e2e/api/line-sdk-test-webhook.api.spec.ts.
  it("POST …/webhook/test needs a valid channel access token", async () => {
    const response = await line.call(testRoute.POST, {
      method: "POST",
      path: TEST,
      headers: bearer("not-a-token"),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(AUTHENTICATION_FAILED);
  });
});

describe("the conformance check itself", () => {
  const exchange = {
    method: "GET",
    path: ENDPOINT,
    status: 200,
    requestId: "9d5a4c1e-2f1b-4c3d-8e9f-0a1b2c3d4e5f",
    body: '{"endpoint":"https://bot.example.com/hook","active":true}',
  };

  it("passes a conforming answer and names what breaks LINE's spec", () => {
    expect(conformanceProblems(exchange)).toEqual([]);
    // What the console answered before: "" is not a `format: uri` endpoint.
    expect(conformanceProblems({ ...exchange, body: '{"endpoint":"","active":false}' })).toEqual([
      expect.stringContaining("not a GetWebhookEndpointResponse"),
    ]);
    expect(conformanceProblems({ ...exchange, requestId: null })).toEqual([
      expect.stringContaining("X-Line-Request-Id"),
    ]);
    expect(conformanceProblems({ ...exchange, status: 404, body: '{"error":"x"}' })).toEqual([
      expect.stringContaining("not a ErrorResponse"),
    ]);
    expect(conformanceProblems({ ...exchange, status: 500, body: "oops" })).toHaveLength(2);
  });
});
