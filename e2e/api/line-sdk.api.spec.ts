// LINE's own SDK, pointed at the console, must work as it does against api.line.me: proof that
// the /v2/bot endpoints speak LINE's protocol (paths, bearer token, shapes, status codes).
import { HTTPFetchError } from "@line/bot-sdk";
import { expect, test } from "../fixtures";
import { expectErrorResponse } from "../support/console-api";
import { MALFORMED_IDS, notAJsonObject, UNKNOWN_ID } from "./bad-input";

const ENDPOINT_PATH = "/v2/bot/channel/webhook/endpoint";

test.describe("the official @line/bot-sdk against the console", () => {
  test("sets and reads the webhook endpoint with a channel access token", async ({
    api,
    lineApi,
    freshChannel: { channel },
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    const client = lineApi.client(accessToken);

    // No URL yet: LINE's 404 (docs/api.md's /v2 table row has its own test).
    const missing = await client.getWebhookEndpoint().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(missing).toBeInstanceOf(HTTPFetchError);
    expect((missing as HTTPFetchError).status).toBe(404);

    const endpoint = "https://bot.example.com/line/webhook?channel=1";
    expect(await client.setWebhookEndpoint({ endpoint })).toEqual({});
    expect(await client.getWebhookEndpoint()).toEqual({ endpoint, active: false });
    expect((await api.getChannel(channel.id)).webhookUrl).toBe(endpoint);

    await api.updateChannel(channel.id, { useWebhook: true });
    expect(await client.getWebhookEndpoint()).toEqual({ endpoint, active: true });
  });
});

test.describe(ENDPOINT_PATH, () => {
  test("refuses bodies that are not a JSON object with 400 in LINE's shape", async ({
    api,
    lineApi,
    freshChannel: { channel },
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    const put = (body: string) =>
      lineApi.request.fetch(ENDPOINT_PATH, {
        method: "PUT",
        headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
        data: Buffer.from(body, "utf8"),
      });
    for (const { case: name, body } of notAJsonObject) {
      await test.step(name, async () => {
        const error = await expectErrorResponse(await put(body), 400);
        expect(error.message).toMatch(
          /^(The request body could not be parsed as JSON|The request body has 1 error\(s\))$/,
        );
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
    // LINE's long-lived token shape: 172 characters of base64.
    expect(first.accessToken).toMatch(/^[A-Za-z0-9+/]{171}=$/);
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
