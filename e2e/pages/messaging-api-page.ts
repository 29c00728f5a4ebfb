import { expect, type Locator, type Page } from "@playwright/test";
import type { Locale } from "../../lib/i18n/locales";
import { type UiText, uiText } from "../support/ui-text";

export type SettingSwitch = "Use webhook" | "Webhook redelivery" | "Error statistics aggregation";

/** Each switch's message (its English name is the SettingSwitch). */
const SWITCH_KEYS = {
  "Use webhook": "channels.webhookSettings.useWebhook",
  "Webhook redelivery": "channels.webhookSettings.redelivery",
  "Error statistics aggregation": "channels.webhookSettings.aggregation",
} as const;

/**
 * The Messaging API tab of a channel: webhook URL, Verify, the three switches and their dialog,
 * the channel access token card, Send test message and Recent deliveries.
 */
export class MessagingApiPage {
  readonly webhookUrlField: Locator;
  readonly redeliveryDialog: Locator;
  readonly settingsError: Locator;
  readonly verifyButton: Locator;
  /** The "Channel access token (long-lived)" card. */
  readonly accessTokenCard: Locator;
  /** The token itself, shown only right after it was issued. */
  readonly accessToken: Locator;
  /** "Not issued" or "Issued <time> (UTC+9)". */
  readonly accessTokenStatus: Locator;
  readonly reissueAccessTokenDialog: Locator;
  readonly messageText: Locator;
  readonly sendButton: Locator;
  readonly recentDeliveries: Locator;

  private readonly t: UiText;

  constructor(
    readonly page: Page,
    readonly channelId: string,
    /** The console's language in this browser (English unless the test asks otherwise). */
    readonly locale: Locale = "en",
  ) {
    const t = uiText(locale);
    this.t = t;
    this.webhookUrlField = page.getByRole("textbox", { name: "Webhook URL" });
    this.redeliveryDialog = page.getByRole("dialog", {
      name: t("channels.webhookSettings.redeliveryConfirm.title"),
    });
    this.settingsError = page.getByRole("alert").filter({ hasText: "Could not save" });
    this.verifyButton = page.getByRole("button", { name: t("channels.verify.verify") });
    this.accessTokenCard = page.locator("section").filter({
      has: page.getByRole("heading", { name: t("channels.accessToken.title") }),
    });
    this.accessToken = page.getByTestId("channel-access-token");
    this.accessTokenStatus = page.getByTestId("access-token-status");
    this.reissueAccessTokenDialog = page.getByRole("dialog", {
      name: t("channels.accessToken.reissueTitle"),
    });
    this.messageText = page.getByLabel(t("deliveries.sendTest.messageText"));
    this.sendButton = page.getByRole("button", {
      name: t("deliveries.sendTest.send"),
      exact: true,
    });
    this.recentDeliveries = page.getByRole("table", { name: t("deliveries.recent.title") });
  }

  async goto() {
    await this.page.goto(`/console/channel/${this.channelId}/messaging-api`);
    await expect(
      this.page.getByRole("heading", { name: this.t("channels.webhookSettings.title") }),
    ).toBeVisible();
  }

  switch(name: SettingSwitch): Locator {
    return this.page.getByRole("switch", { name: this.t(SWITCH_KEYS[name]), exact: true });
  }

  /** The stored webhook URL as shown outside edit mode. */
  get shownWebhookUrl(): Locator {
    return this.page.getByTestId("webhook-url");
  }

  /** Clicks a switch and waits until the server has answered the PATCH it sends. */
  async toggle(name: SettingSwitch) {
    const saved = this.page.waitForResponse(
      (response) =>
        response.request().method() === "PATCH" &&
        response.url().endsWith(`/api/channels/${this.channelId}`),
    );
    await this.switch(name).click();
    expect((await saved).status()).toBe(200);
  }

  async startEditingWebhookUrl() {
    await this.page.getByRole("button", { name: "Edit" }).click();
    await expect(this.webhookUrlField).toBeFocused();
  }

  async submitWebhookUrl(url: string) {
    await this.webhookUrlField.fill(url);
    await this.page.getByRole("button", { name: "Update" }).click();
  }

  /** Sets the webhook URL through the form and waits for the saved value to be shown. */
  async setWebhookUrl(url: string) {
    await this.startEditingWebhookUrl();
    await this.submitWebhookUrl(url);
    await expect(this.webhookUrlField).toBeHidden();
    await expect(this.shownWebhookUrl).toHaveText(url);
  }

  /** Sends a test message: with `text` typed into the field first, or with what it holds. */
  async sendTestMessage(text?: string) {
    if (text !== undefined) await this.messageText.fill(text);
    await this.sendButton.click();
  }
}
