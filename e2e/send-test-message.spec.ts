// The Messaging API tab sends a test message through the real dispatcher to the real demo bot
// (which checks the signature with @line/bot-sdk) and shows the attempt in Recent deliveries.
import { expect, test } from "./fixtures";

test.describe("send test message", () => {
  test("delivers to the bot and lists the attempt, success and failure", async ({
    api,
    freshChannel,
    demoBot: bot,
    page,
  }) => {
    const { channel } = freshChannel;
    await api.updateChannel(channel.id, { webhookUrl: `${bot.url}/webhook`, useWebhook: true });

    await page.goto(`/console/channel/${channel.id}/messaging-api`);
    const deliveries = page.getByRole("table", { name: "Recent deliveries" });
    await page.getByLabel("Message text").fill("Hello from e2e");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByText(/Queued webhook event/)).toBeVisible();
    await expect(deliveries.getByRole("row").nth(1)).toContainText("Success", { timeout: 10_000 });
    await expect(deliveries.getByRole("row").nth(1)).toContainText("200");
    expect(bot.stats()).toMatchObject({ received: 1, validSignatures: 1, invalidSignatures: 0 });

    bot.setMode("error500");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(deliveries.getByRole("row")).toHaveCount(3, { timeout: 10_000 });
    await expect(deliveries.getByRole("row").nth(1)).toContainText("error_status_code");
    await expect(deliveries.getByRole("row").nth(1)).toContainText("500");
  });

  test("says so when Use webhook is off, and sends nothing", async ({
    api,
    freshChannel,
    demoBot: bot,
    page,
  }) => {
    const { channel } = freshChannel;
    await api.updateChannel(channel.id, { webhookUrl: `${bot.url}/webhook` });

    await page.goto(`/console/channel/${channel.id}/messaging-api`);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByText("Use webhook is off for this channel")).toBeVisible();
    await expect(page.getByText(/No webhooks sent yet/)).toBeVisible();
    expect(bot.stats().received).toBe(0);
  });
});
