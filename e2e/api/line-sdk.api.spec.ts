// LINE's own SDK, pointed at the console, must work as it does against api.line.me: proof that
// the /v2/bot endpoints speak LINE's protocol (paths, bearer token, shapes, status codes).
import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { expect, test } from "../fixtures";
import { expectErrorResponse } from "../support/console-api";
import { MALFORMED_IDS, notAJsonObject, UNKNOWN_ID } from "./bad-input";

const AUTHENTICATION_FAILED = {
  message:
    "Authentication failed. Confirm that the access token in the authorization header is valid.",
};
const ENDPOINT_PATH = "/v2/bot/channel/webhook/endpoint";

function sdkClient(channelAccessToken: string, baseURL: string | undefined) {
  if (!baseURL) throw new Error("playwright.config.ts sets baseURL");
  return new messagingApi.MessagingApiClient({ channelAccessToken, baseURL });
}

/** The HTTPFetchError a call throws; fails the test when it throws nothing or something else. */
async function fetchErrorOf(call: Promise<unknown>): Promise<HTTPFetchError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HTTPFetchError);
  return error as HTTPFetchError;
}

test.describe("the official @line/bot-sdk against the console", () => {
  test("sets and reads the webhook endpoint with a channel access token", async ({
    api,
    baseURL,
    freshChannel: { channel },
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    const client = sdkClient(accessToken, baseURL);

    expect(await client.getWebhookEndpoint()).toEqual({ endpoint: "", active: false });

    const endpoint = "https://bot.example.com/line/webhook?channel=1";
    expect(await client.setWebhookEndpoint({ endpoint })).toEqual({});
    expect(await client.getWebhookEndpoint()).toEqual({ endpoint, active: false });
    expect((await api.getChannel(channel.id)).webhookUrl).toBe(endpoint);

    await api.updateChannel(channel.id, { useWebhook: true });
    expect(await client.getWebhookEndpoint()).toEqual({ endpoint, active: true });
  });

  test("an invalid URL is a 400 with a message, and changes nothing", async ({
    api,
    baseURL,
    freshChannel: { channel },
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    const client = sdkClient(accessToken, baseURL);
    const endpoint = "https://bot.example.com/webhook";
    await client.setWebhookEndpoint({ endpoint });

    for (const bad of [
      "not a url",
      "ftp://bot.example.com/webhook",
      "https://user:pass@bot.example.com/webhook",
      `https://bot.example.com/${"a".repeat(500)}`,
      "",
    ]) {
      await test.step(bad.slice(0, 40) || "(empty)", async () => {
        const error = await fetchErrorOf(client.setWebhookEndpoint({ endpoint: bad }));
        expect(error.status).toBe(400);
        const body = JSON.parse(error.body) as { message: string };
        expect(body.message).toMatch(/^endpoint: /);
      });
    }
    expect(await client.getWebhookEndpoint()).toEqual({ endpoint, active: false });
  });

  test("a wrong or revoked token is a 401 with LINE's message", async ({
    api,
    baseURL,
    freshChannel: { channel },
  }) => {
    const first = await api.issueAccessToken(channel.id);
    await api.issueAccessToken(channel.id);

    for (const token of [first.accessToken, "A".repeat(43), "not-a-token"]) {
      const client = sdkClient(token, baseURL);
      // One call at a time: a second rejection pending while the first is awaited would be
      // reported as unhandled.
      for (const call of [
        () => client.getWebhookEndpoint(),
        () => client.setWebhookEndpoint({ endpoint: "https://bot.example.com/webhook" }),
      ]) {
        const error = await fetchErrorOf(call());
        expect(error.status).toBe(401);
        expect(JSON.parse(error.body)).toEqual(AUTHENTICATION_FAILED);
      }
    }
    expect((await api.getChannel(channel.id)).webhookUrl).toBeNull();
  });
});

test.describe(ENDPOINT_PATH, () => {
  test("refuses a missing or malformed Authorization header with 401", async ({ request }) => {
    for (const authorization of [
      undefined,
      "",
      "Bearer",
      "Basic dXNlcjpwYXNz",
      `Bearer ${"x".repeat(2000)}`,
    ]) {
      const headers = authorization === undefined ? undefined : { authorization };
      for (const response of [
        await request.get(ENDPOINT_PATH, { headers }),
        await request.put(ENDPOINT_PATH, {
          headers,
          data: { endpoint: "https://bot.example.com/webhook" },
        }),
      ]) {
        const body = await expectErrorResponse(response, 401);
        expect(body).toEqual(AUTHENTICATION_FAILED);
      }
    }
  });

  test("refuses bodies that are not a JSON object or have wrong types with 400", async ({
    request,
    api,
    freshChannel: { channel },
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    const put = (body: string) =>
      request.fetch(ENDPOINT_PATH, {
        method: "PUT",
        headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
        data: Buffer.from(body, "utf8"),
      });
    for (const { case: name, body, message } of notAJsonObject) {
      await test.step(name, async () => {
        const error = await expectErrorResponse(await put(body), 400);
        expect(error.message).toMatch(message);
      });
    }
    for (const body of [{}, { endpoint: null }, { endpoint: 42 }, { endpoint: ["https://x.y"] }]) {
      await test.step(JSON.stringify(body), async () => {
        const error = await expectErrorResponse(await put(JSON.stringify(body)), 400);
        expect(error.details).toEqual([{ property: "endpoint", message: expect.any(String) }]);
      });
    }
    expect((await api.getChannel(channel.id)).webhookUrl).toBeNull();
  });
});

test.describe("/api/channels/{id}/access-token", () => {
  test("issues a token once, reports only whether one is issued, and reissues", async ({
    request,
    api,
    freshChannel: { channel },
  }) => {
    expect(await api.getAccessTokenStatus(channel.id)).toEqual({ issued: false, issuedAt: null });

    const first = await api.issueAccessToken(channel.id);
    expect(first.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const status = await request.get(`/api/channels/${channel.id}/access-token`);
    expect(await status.json()).toEqual({ issued: true, issuedAt: first.issuedAt });
    expect(status.headers()["cache-control"]).toContain("no-store");

    const second = await api.issueAccessToken(channel.id);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(await api.getAccessTokenStatus(channel.id)).toEqual({
      issued: true,
      issuedAt: second.issuedAt,
    });
    expect(JSON.stringify(await api.getChannel(channel.id))).not.toContain(second.accessToken);
  });

  for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
    test(`answers 404 for channel ${id.slice(0, 40)}`, async ({ request }) => {
      for (const response of [
        await request.get(`/api/channels/${id}/access-token`),
        await request.post(`/api/channels/${id}/access-token`),
      ]) {
        const error = await expectErrorResponse(response, 404);
        expect(error.message).toMatch(/^Channel .* not found$/s);
      }
    });
  }
});
