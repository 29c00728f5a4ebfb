// LINE's own SDK, pointed at the console, must work as it does against api.line.me: proof that
// the /v2/bot endpoints speak LINE's protocol (paths, bearer token, shapes, status codes).
// Kept against the real server: the SDK is a client that needs the console's URL. The /v2 and
// access-token answers that need no SDK are tested in process: lib/http/contract/line-api.int.test.ts
// and lib/http/contract/access-token.int.test.ts.
import { HTTPFetchError } from "@line/bot-sdk";
import { expect, test } from "../fixtures";

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
