// The Messaging API tab sends a test message through the real dispatcher to the real demo bot
// (which checks the signature with @line/bot-sdk) and shows the attempt in Recent deliveries.
import { expect, test } from "./fixtures";
import { webhookUrlOf } from "./support/console-api";

test.describe("send test message", () => {
  test("delivers to the bot and lists the attempt, success and failure", async ({
    api,
    freshChannel: { channel },
    demoBot: bot,
    messagingApi,
    page,
  }) => {
    await api.pointAt(channel.id, bot);

    await messagingApi.goto();
    const deliveries = messagingApi.recentDeliveries;
    await messagingApi.sendTestMessage("Hello from e2e");
    await expect(page.getByText(/Queued webhook event/)).toBeVisible();
    await expect(deliveries.getByRole("row").nth(1)).toContainText("Success", { timeout: 10_000 });
    await expect(deliveries.getByRole("row").nth(1)).toContainText("200");
    expect(bot.stats()).toMatchObject({ received: 1, validSignatures: 1, invalidSignatures: 0 });

    bot.setMode("error500");
    await messagingApi.sendTestMessage();
    await expect(deliveries.getByRole("row")).toHaveCount(3, { timeout: 10_000 });
    await expect(deliveries.getByRole("row").nth(1)).toContainText("error_status_code");
    await expect(deliveries.getByRole("row").nth(1)).toContainText("500");
  });

  test("says so when Use webhook is off, and sends nothing", async ({
    api,
    freshChannel: { channel },
    demoBot: bot,
    messagingApi,
    page,
  }) => {
    await api.updateChannel(channel.id, { webhookUrl: webhookUrlOf(bot) });

    await messagingApi.goto();
    await messagingApi.sendTestMessage();
    await expect(page.getByText("Use webhook is off for this channel")).toBeVisible();
    await expect(page.getByText(/No webhooks sent yet/)).toBeVisible();
    expect(bot.stats().received).toBe(0);
  });
});
