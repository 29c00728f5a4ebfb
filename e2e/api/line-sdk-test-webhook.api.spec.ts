// LINE's test-webhook endpoint through the official SDK: LINE's answer shape and vocabulary,
// and never a delivery or a counted error. Kept against the real server: the SDK is a client that
// needs the console's URL. The 401 for a bad token is tested in process:
// lib/http/contract/line-api.int.test.ts.
import { HTTPFetchError } from "@line/bot-sdk";
import { refusedPort } from "../../lib/dev/testing/fault-lab";
import { expect, test } from "../fixtures";
import { webhookUrlOf } from "../support/console-api";

test.describe("POST /v2/bot/channel/webhook/test via @line/bot-sdk", () => {
  test("tests the channel's URL or a given endpoint, in LINE's vocabulary", async ({
    api,
    lineApi,
    freshChannel: { channel },
    demoBot: bot,
  }) => {
    const { accessToken } = await api.issueAccessToken(channel.id);
    const client = lineApi.client(accessToken);

    // No webhook URL yet: LINE's 404.
    const missing = await client.testWebhookEndpoint({}).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(missing).toBeInstanceOf(HTTPFetchError);
    expect((missing as HTTPFetchError).status).toBe(404);

    await api.pointAt(channel.id, bot, { errorStatisticsAggregation: true });
    const ok = await client.testWebhookEndpoint({});
    expect(ok).toMatchObject({ success: true, statusCode: 200, reason: "OK", detail: "200" });
    // The SDK types it as a Date; on the wire it is an ISO 8601 string.
    expect(Number.isNaN(Date.parse(String(ok.timestamp)))).toBe(false);

    bot.setMode("error404");
    expect(await client.testWebhookEndpoint()).toMatchObject({
      success: false,
      statusCode: 404,
      reason: "ERROR_STATUS_CODE",
      detail: "404",
    });

    const closed = await refusedPort();
    expect(await client.testWebhookEndpoint({ endpoint: webhookUrlOf(closed) })).toMatchObject({
      success: false,
      statusCode: 0,
      reason: "COULD_NOT_CONNECT",
      detail: "Connection failed",
    });
    expect(bot.stats()).toMatchObject({ received: 2, validSignatures: 2 });

    expect((await api.deliveries(channel.id)).deliveries).toEqual([]);
    expect((await api.errorStatistics(channel.id)).totals.all).toBe(0);
  });
});
