// The Verify button next to the webhook URL, against the demo bot.
import { expect, test } from "./fixtures";
import { expectErrorResponse } from "./support/console-api";

test.describe("Verify", () => {
  test("shows Success for a working bot and the reason and detail for a failing one", async ({
    api,
    freshChannel: { channel },
    demoBot: bot,
    messagingApi,
    page,
  }) => {
    await api.pointAt(channel.id, bot, { errorStatisticsAggregation: true });
    await messagingApi.goto();
    await messagingApi.verifyButton.click();
    await expect(page.getByText("Success (200)")).toBeVisible();

    bot.setMode("error500");
    await messagingApi.verifyButton.click();
    // The detail is the status: said once.
    const failed = page.locator("output").getByText(/ERROR_STATUS_CODE · 500/);
    await expect(failed).toBeVisible();
    await expect(failed).not.toContainText("HTTP");

    bot.setMode("garbage");
    await messagingApi.verifyButton.click();
    await expect(
      page.getByText(/UNCLASSIFIED · Unclassified webhook dispatch error/),
    ).toBeVisible();

    expect(bot.stats()).toMatchObject({ received: 3, validSignatures: 3 });
    // Verifications are not deliveries: nothing listed, nothing counted.
    expect((await api.deliveries(channel.id)).deliveries).toEqual([]);
    expect((await api.errorStatistics(channel.id)).totals.all).toBe(0);
  });

  test("the verify route refuses bad input and unknown channels", async ({
    request,
    freshChannel: { channel },
  }) => {
    // No webhook URL yet.
    await expectErrorResponse(
      await request.post(`/api/channels/${channel.id}/webhook/verify`),
      404,
    );
    for (const data of ["{bad", '{"endpoint": 5}', '{"endpoint": "ftp://x"}', '{"other": 1}']) {
      await expectErrorResponse(
        await request.post(`/api/channels/${channel.id}/webhook/verify`, {
          data,
          headers: { "content-type": "application/json" },
        }),
        400,
      );
    }
    await expectErrorResponse(await request.post("/api/channels/9999999999/webhook/verify"), 404);
  });
});
