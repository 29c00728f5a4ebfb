import { expect, type Locator, type Page } from "@playwright/test";

export type SettingSwitch = "Use webhook" | "Webhook redelivery" | "Error statistics aggregation";

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

  constructor(
    readonly page: Page,
    readonly channelId: string,
  ) {
    this.webhookUrlField = page.getByRole("textbox", { name: "Webhook URL" });
    this.redeliveryDialog = page.getByRole("dialog", { name: "Turn on webhook redelivery?" });
    this.settingsError = page.getByRole("alert").filter({ hasText: "Could not save" });
    this.verifyButton = page.getByRole("button", { name: "Verify" });
    this.accessTokenCard = page.locator("section").filter({
      has: page.getByRole("heading", { name: "Channel access token (long-lived)" }),
    });
    this.accessToken = page.getByTestId("channel-access-token");
    this.accessTokenStatus = page.getByTestId("access-token-status");
    this.reissueAccessTokenDialog = page.getByRole("dialog", {
      name: "Reissue the channel access token?",
    });
    this.messageText = page.getByLabel("Message text");
    this.sendButton = page.getByRole("button", { name: "Send", exact: true });
    this.recentDeliveries = page.getByRole("table", { name: "Recent deliveries" });
  }

  async goto() {
    await this.page.goto(`/console/channel/${this.channelId}/messaging-api`);
    await expect(this.page.getByRole("heading", { name: "Webhook settings" })).toBeVisible();
  }

  switch(name: SettingSwitch): Locator {
    return this.page.getByRole("switch", { name, exact: true });
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
