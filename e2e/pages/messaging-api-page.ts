import { expect, type Locator } from "@playwright/test";
import { ChannelTabPage } from "./channel-tab-page";

export type SettingSwitch = "Use webhook" | "Webhook redelivery" | "Error statistics aggregation";

/** Each switch's message (its English name is the SettingSwitch). */
const SWITCH_KEYS = {
  "Use webhook": "channels.webhookSettings.useWebhook",
  "Webhook redelivery": "channels.webhookSettings.redelivery",
  "Error statistics aggregation": "channels.webhookSettings.aggregation",
} as const;

/**
 * The Messaging API tab of a channel: webhook URL, Verify, the three switches and their dialog,
 * the channel access token card, Send test event and Recent deliveries.
 */
export class MessagingApiPage extends ChannelTabPage {
  readonly webhookUrlField = this.page.getByRole("textbox", { name: "Webhook URL" });
  readonly redeliveryDialog = this.page.getByRole("dialog", {
    name: this.t("channels.webhookSettings.redeliveryConfirm.title"),
  });
  readonly settingsError = this.page.getByRole("alert").filter({ hasText: "Could not save" });
  readonly verifyButton = this.page.getByRole("button", { name: this.t("channels.verify.verify") });
  /** The "Channel access token (long-lived)" card. */
  readonly accessTokenCard = this.page.locator("section").filter({
    has: this.page.getByRole("heading", { name: this.t("channels.accessToken.title") }),
  });
  /** The token itself, shown only right after it was issued. */
  readonly accessToken = this.page.getByTestId("channel-access-token");
  /** "Not issued" or "Issued <time> (UTC+9)". */
  readonly accessTokenStatus = this.page.getByTestId("access-token-status");
  readonly reissueAccessTokenDialog = this.page.getByRole("dialog", {
    name: this.t("channels.accessToken.reissueTitle"),
  });
  /** Send test event's editor: the event's JSON. */
  readonly eventJson = this.page.getByLabel(this.t("deliveries.sendTest.eventJson"));
  readonly eventType = this.page.getByLabel(this.t("deliveries.sendTest.eventType"));
  readonly sendButton = this.page.getByRole("button", {
    name: this.t("deliveries.sendTest.send"),
    exact: true,
  });
  readonly recentDeliveries = this.page.getByRole("table", {
    name: this.t("deliveries.recent.title"),
  });

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

  /**
   * Sends a test event: a text message saying `text` (written into the event JSON first), or
   * whatever the editor holds.
   */
  async sendTestMessage(text?: string) {
    if (text !== undefined) {
      await this.eventType.selectOption("message");
      await this.eventJson.fill(
        JSON.stringify({ type: "message", message: { type: "text", text } }, null, 2),
      );
    }
    await this.sendButton.click();
  }
}
