import { expect, type Locator, type Page } from "@playwright/test";
import type { Locale } from "../../lib/i18n/locales";
import { type UiText, uiText } from "../support/ui-text";

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

  private readonly t: UiText;

  constructor(
    readonly page: Page,
    readonly channelId: string,
    /** The console's language in this browser (English unless the test asks otherwise). */
    readonly locale: Locale = "en",
  ) {
    const t = uiText(locale);
    this.t = t;
    const emailAddress = t("channels.errorNotification.emailAddress");
    this.channelSecret = page.getByTestId("channel-secret");
    this.showSecretButton = page.getByRole("button", { name: t("channels.channelSecret.show") });
    this.hideSecretButton = page.getByRole("button", { name: t("channels.channelSecret.hide") });
    this.issueSecretButton = page.getByRole("button", { name: t("channels.channelSecret.issue") });
    this.reissueSecretDialog = page.getByRole("dialog", {
      name: t("channels.channelSecret.reissueTitle"),
    });
    this.notificationEmail = page.getByTestId("notification-email");
    this.editNotificationEmailButton = page.getByRole("button", {
      // The inline editor names its button after its field, lowercased in English.
      name: t("ui.inlineTextEdit.editLabel", {
        label: locale === "en" ? emailAddress.toLowerCase() : emailAddress,
      }),
    });
    this.notificationEmailField = page.getByRole("textbox", { name: emailAddress });
    this.errorNotificationSwitch = page.getByRole("switch", {
      name: t("channels.errorNotification.label"),
      exact: true,
    });
  }

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
