// Error notification, end to end: an Admin sets the channel's Email address and turns Error
// notification on in Basic settings, a webhook to the demo bot fails with a 500, and the notifier
// in the real dispatcher writes the email. The e2e server has no SMTP_URL, so the email is kept in
// the outbox, which the Notifications tab shows.

import { refusedPort } from "../lib/dev/testing/fault-lab";
import { formatUtc9 } from "../lib/shared/utc9";
import { expect, test } from "./fixtures";
import { BasicSettingsPage } from "./pages/basic-settings-page";
import { NotificationsPage } from "./pages/notifications-page";
import { webhookUrlOf } from "./support/console-api";
import { signedInBrowser } from "./support/signed-in-browser";

const errorSubject = (channelName: string) =>
  `Messaging API: Your bot server returned no response or an error - ${channelName}`;

/** The notifier looks for due failures every second; the tab reads the outbox every 5 s. */
const EMAIL_TIMEOUT = 30_000;

test.describe("error notification emails", () => {
  test("an Admin turns it on in Basic settings, a failed webhook makes one email, kept in the outbox", async ({
    api,
    page,
    workerOperator,
    uniqueName,
    uniqueEmail,
    freshChannel: { channel },
    demoBot: bot,
    basicSettings,
    messagingApi,
  }) => {
    // The name is the operator's text, and the email quotes it: it must show as text.
    const name = `${uniqueName("Alerts")} <img src=x onerror="document.title='pwned'">`;
    await api.updateChannel(channel.id, { name });
    const address = uniqueEmail("alerts");

    await basicSettings.goto();
    await expect(basicSettings.notificationEmail).toHaveText("Not set");
    await expect(basicSettings.errorNotificationSwitch).toHaveAttribute("aria-checked", "false");
    await basicSettings.submitNotificationEmail("not an address");
    await expect(basicSettings.notificationEmailField).toHaveAccessibleDescription(
      "notificationEmail: must be an email address",
    );
    await basicSettings.submitNotificationEmail(address);
    await expect(basicSettings.notificationEmail).toHaveText(address);
    await basicSettings.toggleErrorNotification();
    await expect(basicSettings.errorNotificationSwitch).toHaveAttribute("aria-checked", "true");
    await page.reload();
    await expect(basicSettings.notificationEmail).toHaveText(address);
    await expect(basicSettings.errorNotificationSwitch).toHaveAttribute("aria-checked", "true");

    bot.setMode("error500");
    await messagingApi.goto();
    await messagingApi.setWebhookUrl(webhookUrlOf(bot));
    await messagingApi.toggle("Use webhook");
    await messagingApi.sendTestMessage("Is anyone there?");
    await expect(messagingApi.recentDeliveries.getByRole("row").nth(1)).toContainText(
      "error_status_code",
      { timeout: 10_000 },
    );
    const failed = (await api.deliveries(channel.id)).deliveries.filter(
      (delivery) => delivery.reason === "error_status_code",
    );
    expect(failed.length).toBeGreaterThan(0);

    await page
      .getByRole("navigation", { name: "Channel settings" })
      .getByRole("link", { name: "Notifications" })
      .click();
    const notifications = new NotificationsPage(page, channel.id);
    await expect(notifications.emails).toHaveCount(1, { timeout: EMAIL_TIMEOUT });
    const email = notifications.email(errorSubject(name));
    await expect(email).toBeVisible();
    await expect(notifications.status(email)).toHaveText("Kept in outbox");
    await expect(notifications.recipients(email)).toHaveText([address, workerOperator.email]);
    const [stored] = (await api.notifications(channel.id)).notifications;
    await expect(email.locator("time")).toHaveText(formatUtc9(new Date(stored?.createdAt ?? "")));
    const lines = ((await notifications.body(email).textContent()) ?? "").split("\n");
    expect(lines).toContain(
      `error_status_code / 500: ${failed.length} error${failed.length === 1 ? "" : "s"}`,
    );
    expect(lines).toContain(`Channel name: ${name}`);
    // Shown as text: no element was made from the name, and its script never ran.
    await expect(email.locator("img")).toHaveCount(0);
    expect(await page.title()).not.toBe("pwned");
  });

  test("a channel with it off gets no email for its failures", async ({
    api,
    uniqueName,
    freshChannel: { provider, channel },
    demoBot: bot,
    page,
  }) => {
    bot.setMode("error500");
    await api.pointAt(channel.id, bot);
    expect((await api.getChannel(channel.id)).errorNotification).toBe(false);
    const [failure] = await api.sendTextsAndWait(channel.id, 1, "nobody is told");
    expect(failure?.reason).toBe("error_status_code");

    // A second channel with it on fails after the first: once its email is made, the notifier has
    // gone past the first channel's failure.
    const control = await api.createChannel(provider.id, uniqueName("Control"));
    await api.updateChannel(control.id, {
      webhookUrl: webhookUrlOf(await refusedPort()),
      useWebhook: true,
      errorNotification: true,
    });
    await api.sendTextsAndWait(control.id, 1, "someone is told");
    await expect
      .poll(async () => (await api.notifications(control.id)).notifications.length, {
        timeout: EMAIL_TIMEOUT,
      })
      .toBe(1);

    const notifications = new NotificationsPage(page, channel.id);
    await notifications.goto();
    await expect(notifications.emptyState).toBeVisible();
    await expect(notifications.emails).toHaveCount(0);
    // A few more of the notifier's one-second polls change nothing.
    await page.waitForTimeout(3_000);
    await page.reload();
    await expect(notifications.emptyState).toBeVisible();
    expect((await api.notifications(channel.id)).notifications).toEqual([]);
  });

  test("a Member sees the settings but cannot change them", async ({
    join,
    api,
    browser,
    baseURL,
    operator,
    requestAs,
    freshChannel: { provider, channel },
  }) => {
    const address = "alerts@e2e.test";
    await api.updateChannel(channel.id, { notificationEmail: address, errorNotification: true });
    await join(provider.id, operator, "member");
    const { context, page } = await signedInBrowser(browser, baseURL, operator);
    try {
      const basicSettings = new BasicSettingsPage(page, channel.id);
      await basicSettings.goto();
      await expect(
        page.getByTestId("role-note").filter({ hasText: "change its error notifications" }),
      ).toBeVisible();
      await expect(basicSettings.notificationEmail).toHaveText(address);
      await expect(basicSettings.editNotificationEmailButton).toHaveCount(0);
      await expect(basicSettings.errorNotificationSwitch).toHaveAttribute("aria-checked", "true");
      await expect(basicSettings.errorNotificationSwitch).toBeDisabled();

      // What the disabled switch would have sent, sent anyway: refused, nothing written.
      const asMember = await requestAs(operator);
      const refused = await asMember.patch(`/api/channels/${channel.id}`, {
        data: { errorNotification: false },
      });
      expect(refused.status()).toBe(403);
      expect(await api.getChannel(channel.id)).toMatchObject({
        notificationEmail: address,
        errorNotification: true,
      });
    } finally {
      await context.close();
    }
  });
});
