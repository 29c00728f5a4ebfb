import { expect } from "@playwright/test";
import { ChannelTabPage } from "./channel-tab-page";

/** The Basic settings tab of a channel: its ids, the channel secret and error notification. */
export class BasicSettingsPage extends ChannelTabPage {
  private readonly emailAddress = this.t("channels.errorNotification.emailAddress");
  /** The secret: masked with 32 dots until revealed. */
  readonly channelSecret = this.page.getByTestId("channel-secret");
  readonly showSecretButton = this.page.getByRole("button", {
    name: this.t("channels.channelSecret.show"),
  });
  readonly hideSecretButton = this.page.getByRole("button", {
    name: this.t("channels.channelSecret.hide"),
  });
  /** Opens the reissue dialog. */
  readonly issueSecretButton = this.page.getByRole("button", {
    name: this.t("channels.channelSecret.issue"),
  });
  readonly reissueSecretDialog = this.page.getByRole("dialog", {
    name: this.t("channels.channelSecret.reissueTitle"),
  });
  /** The stored Email address as shown outside edit mode ("Not set" when there is none). */
  readonly notificationEmail = this.page.getByTestId("notification-email");
  readonly editNotificationEmailButton = this.page.getByRole("button", {
    // The inline editor names its button after its field, lowercased in English.
    name: this.t("ui.inlineTextEdit.editLabel", {
      label: this.locale === "en" ? this.emailAddress.toLowerCase() : this.emailAddress,
    }),
  });
  readonly notificationEmailField = this.page.getByRole("textbox", { name: this.emailAddress });
  readonly errorNotificationSwitch = this.page.getByRole("switch", {
    name: this.t("channels.errorNotification.label"),
    exact: true,
  });

  async goto() {
    await this.page.goto(`/console/channel/${this.channelId}/basics`);
    await expect(
      this.page.getByRole("heading", { name: this.t("channels.basicSettings.title") }),
    ).toBeVisible();
  }

  /** Types an Email address and saves it; the caller checks what was shown (saved, or refused). */
  async submitNotificationEmail(address: string) {
    if (!(await this.notificationEmailField.isVisible())) {
      await this.editNotificationEmailButton.click();
    }
    await this.notificationEmailField.fill(address);
    await this.page.getByRole("button", { name: this.t("common.save") }).click();
  }

  /** Clicks Error notification and waits until the server has answered the PATCH it sends. */
  async toggleErrorNotification() {
    const saved = this.page.waitForResponse(
      (response) =>
        response.request().method() === "PATCH" &&
        response.url().endsWith(`/api/channels/${this.channelId}`),
    );
    await this.errorNotificationSwitch.click();
    expect((await saved).status()).toBe(200);
  }
}
