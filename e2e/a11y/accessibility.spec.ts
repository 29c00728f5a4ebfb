// Every page of the console, in English and in Japanese (the browser asks for each language;
// elements are found by the text of that language), at 1440 px and at 360 px: no wider than the
// screen, and axe-core finds no WCAG 2 A or AA violation; in Japanese, no English word outside
// data. With data on screen, with dialogs open and with the switches in both states.
import type { Page } from "@playwright/test";
import { LOCALE_NAMES, LOCALES } from "../../lib/i18n/locales";
import { MESSAGES } from "../../lib/i18n/messages";
import { FAILURE_REASONS } from "../../lib/shared/failure-reasons";
import { expect, test } from "../fixtures";
import { NotificationsPage } from "../pages/notifications-page";
import { invitationToken } from "../support/console-api";
import { expectSoundAtBothWidths, WIDTHS, wordsOfMessages } from "../support/page-checks";
import { uiPattern, uiText } from "../support/ui-text";

for (const uiLocale of LOCALES) {
  test.describe(`accessibility in ${LOCALE_NAMES[uiLocale]}: no WCAG 2 A or AA violations`, () => {
    test.use({ uiLocale, viewport: WIDTHS[0].viewport });
    const t = uiText(uiLocale);
    // In Japanese, every English word shown must be data or one the Japanese messages use, or
    // LINE's reason codes (unclassified) and "ms", which Japanese writes so too.
    const japanese =
      uiLocale === "ja"
        ? new Set([...wordsOfMessages(MESSAGES.ja), ...FAILURE_REASONS, "ms"])
        : undefined;
    const check = (page: Page, what: string) => expectSoundAtBothWidths(page, what, japanese);
    // Each test runs axe on several pages at two widths, a second or two each.
    test.describe.configure({ timeout: 120_000 });

    test.describe("signed out", () => {
      test.use({ storageState: { cookies: [], origins: [] } });

      test("the sign-in page", async ({ page }) => {
        await page.goto("/sign-in");
        await expect(page.locator("html")).toHaveAttribute("lang", uiLocale);
        await expect(page.getByRole("button", { name: t("auth.signIn.submit") })).toBeVisible();
        await check(page, "the sign-in page");
      });
    });

    test("providers, a provider's pages, the account page, the 404 page and an invitation", async ({
      page,
      browser,
      baseURL,
      locale,
      api,
      uniqueEmail,
      freshChannel: { provider },
    }) => {
      const invited = await api.addMember(provider.id, uniqueEmail("invited"), "member");

      await page.goto("/console");
      await expect(page.getByRole("link", { name: provider.name })).toBeVisible();
      await check(page, "the providers list");

      await page.goto(`/console/provider/${provider.id}`);
      await expect(page.getByRole("heading", { name: provider.name })).toBeVisible();
      await check(page, "a provider's channels");

      await page.goto(`/console/provider/${provider.id}/members`);
      await expect(
        page.getByRole("table", { name: t("members.pending.tableLabel") }),
      ).toBeVisible();
      await check(page, "a provider's members");

      await page.goto(`/console/provider/${provider.id}/audit`);
      await expect(page.getByRole("table").first()).toBeVisible();
      await check(page, "a provider's audit log");

      await page.goto(`/console/provider/${provider.id}/settings`);
      await page.getByRole("button", { name: t("providers.delete.label") }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await check(page, "a provider's settings with the delete dialog open");

      await page.goto("/account");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await check(page, "the account page");

      const missing = await page.goto("/console/channel/1000000000");
      expect(missing?.status()).toBe(404);
      await expect(
        page.getByRole("heading", { level: 1, name: t("pages.notFound.heading") }),
      ).toBeVisible();
      await check(page, "the 404 page");

      const guestContext = await browser.newContext({
        baseURL,
        locale,
        viewport: WIDTHS[0].viewport,
        storageState: { cookies: [], origins: [] },
      });
      try {
        const guest = await guestContext.newPage();
        await guest.goto(`/invite/${invitationToken(invited)}`);
        await expect(
          guest.getByRole("button", { name: t("invitations.form.submit") }),
        ).toBeVisible();
        await check(guest, "the invitation page");
      } finally {
        await guestContext.close();
      }
    });

    test("a channel's settings tabs: switches off and on, dialogs open", async ({
      page,
      api,
      uniqueName,
      freshChannel: { channel },
      basicSettings,
      messagingApi,
    }) => {
      await basicSettings.goto();
      await check(page, "Basic settings");
      await basicSettings.issueSecretButton.click();
      await expect(basicSettings.reissueSecretDialog).toBeVisible();
      await check(page, "Basic settings with the reissue-secret dialog open");
      await page.keyboard.press("Escape");
      await expect(basicSettings.reissueSecretDialog).toBeHidden();
      await page.getByRole("button", { name: t("channels.deleteChannel.label") }).click();
      await expect(
        page.getByRole("dialog", { name: t("channels.deleteChannel.question") }),
      ).toBeVisible();
      await check(page, "Basic settings with the delete-channel dialog open");
      await page.keyboard.press("Escape");

      await messagingApi.goto();
      await expect(messagingApi.switch("Use webhook")).toHaveAttribute("aria-checked", "false");
      await check(page, "Messaging API with the switches off");

      await api.updateChannel(channel.id, {
        webhookUrl: "http://127.0.0.1:9/webhook",
        useWebhook: true,
        errorStatisticsAggregation: true,
      });
      await messagingApi.goto();
      await expect(messagingApi.switch("Use webhook")).toHaveAttribute("aria-checked", "true");
      await messagingApi.switch("Webhook redelivery").click();
      await expect(messagingApi.redeliveryDialog).toBeVisible();
      await check(page, "Messaging API with the redelivery dialog open");
      await messagingApi.redeliveryDialog
        .getByRole("button", { name: t("channels.webhookSettings.redeliveryConfirm.confirm") })
        .click();
      await expect(messagingApi.switch("Webhook redelivery")).toHaveAttribute(
        "aria-checked",
        "true",
      );
      await check(page, "Messaging API with the switches on");

      await api.updateChannel(channel.id, { pauseRule: { minutes: 10, attempts: 5 } });
      await api.pauseSending(channel.id);
      await messagingApi.goto();
      await expect(
        page.getByRole("region", { name: t("channels.pause.pausedTitle") }),
      ).toBeVisible();
      await check(page, "Messaging API paused, with a pause rule");

      const operational = await api.createChannel(
        channel.providerId,
        uniqueName("Channel"),
        "operational",
      );
      await page.goto(`/console/channel/${operational.id}/messaging-api`);
      await expect(
        page.getByRole("heading", { name: t("channels.alerts.title"), exact: true }),
      ).toBeVisible();
      await check(page, "an operational webhook's Webhook tab, with its alert types");
    });

    test("a channel with failed webhooks: Statistics, Deliveries, a webhook, Audit log, Notifications", async ({
      page,
      api,
      uniqueEmail,
      freshChannel: { channel },
      demoBot: bot,
      statistics,
      basicSettings,
    }) => {
      await api.updateChannel(channel.id, {
        notificationEmail: uniqueEmail("alerts"),
        errorNotification: true,
      });
      bot.setMode("ok");
      await api.pointAt(channel.id, bot, { errorStatisticsAggregation: true });
      await api.sendTextsAndWait(channel.id, 1, "a11y");
      bot.setMode("error500");
      await api.sendTextsAndWait(channel.id, 2, "a11y");

      await statistics.goto();
      await expect(statistics.reason(/^error_status_code 2/)).toBeVisible();
      await expect(statistics.chart).toBeVisible();
      await expect(statistics.errorsTable).toBeVisible();
      await check(page, "Statistics: Errors with data");

      await statistics.view.selectOption("deliveries");
      await expect(statistics.deliveryChart).toBeVisible();
      await expect(statistics.deliveryTable).toBeVisible();
      await check(page, "Statistics: Success rate and latency with data");

      await page.goto(`/console/channel/${channel.id}/deliveries`);
      const rows = page.getByTestId("delivery");
      await expect(rows).toHaveCount(3);
      await check(page, "the Deliveries explorer with rows");
      // A replay of the two failures: its dry run, then the job's progress in the table.
      await page.getByRole("button", { name: t("deliveries.replay.count") }).click();
      await expect(page.getByTestId("replay-count")).toBeVisible();
      await check(page, "the Deliveries explorer with a replay counted");
      await api.startReplay(channel.id, "result=failed");
      await page.reload();
      await expect(page.getByTestId("replay-job")).toHaveCount(1);
      await check(page, "the Deliveries explorer with a replay job");

      await rows
        .first()
        .getByRole("link", { name: uiPattern(uiLocale, "deliveries.attempt.detailsLink") })
        .click();
      await expect(
        page.getByRole("region", { name: t("deliveries.detail.requestBody") }),
      ).toBeVisible();
      await check(page, "a webhook's detail page");

      await page.goto(`/console/channel/${channel.id}/audit`);
      await expect(page.getByRole("table").first()).toBeVisible();
      await check(page, "a channel's audit log");

      await basicSettings.goto();
      await expect(basicSettings.errorNotificationSwitch).toHaveAttribute("aria-checked", "true");
      await check(page, "Basic settings with Error notification on");

      const notifications = new NotificationsPage(page, channel.id, uiLocale);
      await notifications.goto();
      await expect(notifications.emails.first()).toBeVisible({ timeout: 30_000 });
      await check(page, "Notifications with an email");
    });
  });
}
