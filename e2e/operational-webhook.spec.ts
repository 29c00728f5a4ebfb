// Operational webhooks, end to end: an Admin creates one in the provider's Channels tab, points it
// at their own service (here a receiver on 127.0.0.1 checking each request with the Standard
// Webhooks reference library), and chooses its alert types. A bot of the same provider fails, and
// the console's notifier and dispatcher send the news there, signed; the operational webhook's
// own Deliveries tab lists the alert like any delivery.
import { startAlertReceiver } from "../lib/dev/testing/alert-receiver";
import { expect, test } from "./fixtures";
import { MessagingApiPage } from "./pages/messaging-api-page";
import { webhookUrlOf } from "./support/console-api";

test("an Admin creates an operational webhook, chooses its alerts, and a failing bot's errors reach it signed", async ({
  api,
  page,
  uiLocale,
  uniqueName,
  freshChannel: { provider, channel },
  demoBot: bot,
}) => {
  test.setTimeout(60_000);
  let alertsId = "";
  const receiver = await startAlertReceiver(() => api.getChannelSecret(alertsId));
  try {
    await page.goto(`/console/provider/${provider.id}`);
    const name = uniqueName("Alerts");
    await page.getByRole("combobox", { name: "Channel type" }).selectOption("operational");
    await page.getByRole("textbox", { name: "Channel name" }).fill(name);
    await page.getByRole("button", { name: "Create channel" }).click();
    await expect(page).toHaveURL(/\/console\/channel\/\d{10}\/messaging-api$/);
    alertsId = page.url().split("/").at(-2) ?? "";
    await expect(page.getByText(`Operational webhook · Channel ID ${alertsId}`)).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Channel settings" }).getByRole("link", {
        name: "Webhook",
        exact: true,
      }),
    ).toBeVisible();
    // No LINE messages and no channel access token here.
    await expect(page.getByRole("heading", { name: "Alerts", exact: true })).toBeVisible();
    for (const card of ["Send test event", "Channel access token (long-lived)"]) {
      await expect(page.getByRole("heading", { name: card })).toHaveCount(0);
    }

    const alerts = new MessagingApiPage(page, alertsId, uiLocale);
    await alerts.setWebhookUrl(receiver.url);
    await alerts.toggle("Use webhook");
    await page.getByRole("checkbox", { name: /channel\.resumed/ }).uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
    expect((await api.getChannel(alertsId)).alertTypes).toEqual([
      "errors.detected",
      "webhook.given_up",
      "channel.paused",
    ]);

    // A bot of the provider fails, with Error notification on: the notifier's news goes out.
    bot.setMode("error500");
    await api.updateChannel(channel.id, {
      webhookUrl: webhookUrlOf(bot),
      useWebhook: true,
      errorNotification: true,
    });
    await api.sendText(channel.id, "Is anyone there?");
    // The notifier looks for due failures every second.
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    const [alert] = receiver.received;
    expect(alert?.refusal).toBeNull();
    expect(alert?.type).toBe("errors.detected");
    expect(alert?.data).toMatchObject({
      channel: { id: channel.id },
      errors: [{ reason: "error_status_code", detail: "500", count: 1 }],
    });

    await page.goto(`/console/channel/${alertsId}/deliveries`);
    const rows = page.getByRole("table").first().getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("200");
    // Its detail checks the Standard Webhooks signature it was sent with.
    const [delivery] = (await api.deliveries(alertsId)).deliveries;
    await page.goto(`/console/channel/${alertsId}/deliveries/${delivery?.webhookId}`);
    await expect(
      page.getByRole("status").filter({ hasText: "webhook-signature matches" }),
    ).toBeVisible();
    await expect(page.getByText('"type": "errors.detected"')).toBeVisible();
  } finally {
    await receiver.close();
  }
});
