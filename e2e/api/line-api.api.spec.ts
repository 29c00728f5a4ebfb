// The LINE-compatible API, one test per row of the "/v2 answers" table in docs/api.md: each status and
// message as LINE documents it. Every call goes through the `lineApi` fixture, which checks each
// answer against LINE's OpenAPI schemas and for an X-Line-Request-Id when the test ends.
// Kept against the real server: what the official SDK (a client that needs the console's URL)
// makes of each answer, and the 405 for a method the route lacks, which the request gate in front
// of Next answers (lib/http/request-gate.ts). The rows that need neither are tested in process:
// lib/http/contract/line-api.int.test.ts.
import { HTTPFetchError } from "@line/bot-sdk";
import type { APIRequestContext } from "@playwright/test";
import { refusedPort } from "../../lib/dev/testing/fault-lab";
import { expect, test } from "../fixtures";
import { webhookUrlOf } from "../support/console-api";

const ENDPOINT = "/v2/bot/channel/webhook/endpoint";
const TEST = "/v2/bot/channel/webhook/test";
const RATE_LIMITED = { message: "The API rate limit has been exceeded. Try again later." };
const ENDPOINT_NOT_FOUND = { message: "Webhook endpoint not found" };
const INVALID_URL = { message: "Invalid webhook endpoint URL" };

/**
 * Rate limits count in fixed windows (lib/rate-limits): waits, if need be, until the current
 * window has at least 15 s left, so that the calls of one test fall in one window.
 */
async function awayFromWindowEdge(windowMs: number) {
  const left = windowMs - (Date.now() % windowMs);
  if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

/** The HTTPFetchError an SDK call throws; fails the test when it throws nothing or other. */
async function fetchErrorOf(call: Promise<unknown>): Promise<HTTPFetchError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HTTPFetchError);
  return error as HTTPFetchError;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function sendRaw(
  request: APIRequestContext,
  method: "PUT" | "POST",
  url: string,
  token: string,
  body: string,
  contentType = "application/json",
) {
  return request.fetch(url, {
    method,
    headers: { ...bearer(token), "content-type": contentType },
    data: Buffer.from(body, "utf8"),
  });
}

test.describe("LINE's /v2 answers", () => {
  test("GET endpoint with a URL set: 200 {endpoint, active}", async ({
    api,
    lineApi,
    freshChannel: { channel },
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    await api.updateChannel(channel.id, { webhookUrl: "https://bot.example.com/hook" });
    const client = lineApi.client(accessToken);
    expect(await client.getWebhookEndpoint()).toEqual({
      endpoint: "https://bot.example.com/hook",
      active: false,
    });
  });

  test("GET endpoint without a URL: 404 Webhook endpoint not found (SDK: HTTPFetchError)", async ({
    api,
    lineApi,
    freshChannel: { channel },
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    const error = await fetchErrorOf(lineApi.client(accessToken).getWebhookEndpoint());
    expect(error.status).toBe(404);
    expect(JSON.parse(error.body)).toEqual(ENDPOINT_NOT_FOUND);
    expect(error.headers.get("x-line-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("PUT or test with an invalid URL: 400 Invalid webhook endpoint URL, nothing changes", async ({
    api,
    lineApi,
    freshChannel: { channel },
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    const client = lineApi.client(accessToken);
    await client.setWebhookEndpoint({ endpoint: "https://bot.example.com/kept" });
    for (const bad of [
      "not a url",
      "ftp://bot.example.com/webhook",
      "https://user:pass@bot.example.com/webhook",
      `https://bot.example.com/${"a".repeat(500)}`,
      "",
    ]) {
      await test.step(bad.slice(0, 40) || "(empty)", async () => {
        for (const call of [
          () => client.setWebhookEndpoint({ endpoint: bad }),
          () => client.testWebhookEndpoint({ endpoint: bad }),
        ]) {
          const error = await fetchErrorOf(call());
          expect(error.status).toBe(400);
          expect(JSON.parse(error.body)).toEqual(INVALID_URL);
        }
      });
    }
    expect((await api.getChannel(channel.id)).webhookUrl).toBe("https://bot.example.com/kept");
  });

  test("test with a URL set: 200 in LINE's test vocabulary; unknown properties are ignored", async ({
    api,
    lineApi,
    freshChannel: { channel },
    demoBot,
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    await api.pointAt(channel.id, demoBot);
    const response = await sendRaw(
      lineApi.request,
      "POST",
      TEST,
      accessToken,
      JSON.stringify({ future: "ignored" }),
    );
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      success: true,
      statusCode: 200,
      reason: "OK",
      detail: "200",
    });
    const closed = await refusedPort();
    expect(
      await lineApi.client(accessToken).testWebhookEndpoint({ endpoint: webhookUrlOf(closed) }),
    ).toMatchObject({ success: false, statusCode: 0, reason: "COULD_NOT_CONNECT" });
  });

  test("test without a URL: 404 Webhook endpoint not found", async ({
    api,
    lineApi,
    freshChannel: { channel },
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    const error = await fetchErrorOf(lineApi.client(accessToken).testWebhookEndpoint({}));
    expect(error.status).toBe(404);
    expect(JSON.parse(error.body)).toEqual(ENDPOINT_NOT_FOUND);
  });

  test("the 61st test in an hour: 429 with LINE's message and Retry-After (SDK: HTTPFetchError)", async ({
    api,
    lineApi,
    freshChannel: { channel },
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    const closed = await refusedPort();
    await api.updateChannel(channel.id, { webhookUrl: webhookUrlOf(closed) });
    const client = lineApi.client(accessToken);
    await awayFromWindowEdge(60 * 60_000);
    // The console's Verify button counts against the same limit.
    for (let i = 0; i < 30; i++) await api.verifyWebhook(channel.id);
    for (let i = 0; i < 30; i++) await client.testWebhookEndpoint({});
    const error = await fetchErrorOf(client.testWebhookEndpoint({}));
    expect(error.status).toBe(429);
    expect(JSON.parse(error.body)).toEqual(RATE_LIMITED);
    const retryAfter = Number(error.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(error.headers.get("x-line-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a wrong, revoked or malformed token: 401 Authentication failed", async ({
    api,
    lineApi,
    freshChannel: { channel },
  }) => {
    const first = await api.issueAccessToken(channel.id);
    await api.issueAccessToken(channel.id);
    for (const token of [
      first.accessToken,
      `${"A".repeat(171)}=`,
      "not-a-token",
      "x".repeat(2000),
    ]) {
      const error = await fetchErrorOf(lineApi.client(token).getWebhookEndpoint());
      expect(error.status).toBe(401);
      expect(JSON.parse(error.body)).toEqual({
        message:
          "Authentication failed. Confirm that the access token in the authorization header is valid.",
      });
    }
  });
});

test("a method the /v2 route does not have: 405 with Allow", async ({ lineApi }) => {
  for (const [method, path, allow] of [
    ["DELETE", ENDPOINT, "GET, HEAD, OPTIONS, PUT"],
    ["POST", ENDPOINT, "GET, HEAD, OPTIONS, PUT"],
    ["GET", TEST, "OPTIONS, POST"],
  ] as const) {
    const response = await lineApi.request.fetch(path, { method });
    expect(response.status()).toBe(405);
    expect(response.headers().allow).toBe(allow);
    expect(await response.json()).toEqual({ message: `Method ${method} is not allowed` });
  }
});
