import { expect, type Locator, type Page } from "@playwright/test";

/** The Basic settings tab of a channel: its ids, the channel secret and error notification. */
export class BasicSettingsPage {
  /** The secret: masked with 32 dots until revealed. */
  readonly channelSecret: Locator;
  readonly showSecretButton: Locator;
  readonly hideSecretButton: Locator;
  /** Opens the reissue dialog. */
  readonly issueSecretButton: Locator;
  readonly reissueSecretDialog: Locator;
  /** The stored Email address as shown outside edit mode ("Not set" when there is none). */
  readonly notificationEmail: Locator;
  readonly editNotificationEmailButton: Locator;
  readonly notificationEmailField: Locator;
  readonly errorNotificationSwitch: Locator;

  constructor(
    readonly page: Page,
    readonly channelId: string,
  ) {
    this.channelSecret = page.getByTestId("channel-secret");
    this.showSecretButton = page.getByRole("button", { name: "Show" });
    this.hideSecretButton = page.getByRole("button", { name: "Hide" });
    this.issueSecretButton = page.getByRole("button", { name: "Issue" });
    this.reissueSecretDialog = page.getByRole("dialog", { name: "Reissue the channel secret?" });
    this.notificationEmail = page.getByTestId("notification-email");
    this.editNotificationEmailButton = page.getByRole("button", { name: "Edit email address" });
    this.notificationEmailField = page.getByRole("textbox", { name: "Email address" });
    this.errorNotificationSwitch = page.getByRole("switch", {
      name: "Error notification",
      exact: true,
    });
  }

  async goto() {
    await this.page.goto(`/console/channel/${this.channelId}/basics`);
    await expect(this.page.getByRole("heading", { name: "Basic settings" })).toBeVisible();
  }

  /** Types an Email address and saves it; the caller checks what was shown (saved, or refused). */
  async submitNotificationEmail(address: string) {
    if (!(await this.notificationEmailField.isVisible())) {
      await this.editNotificationEmailButton.click();
    }
    await this.notificationEmailField.fill(address);
    await this.page.getByRole("button", { name: "Save" }).click();
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
