import { expect, type Locator, type Page } from "@playwright/test";

/** The Basic settings tab of a channel: its ids and the channel secret. */
export class BasicSettingsPage {
  /** The secret: masked with 32 dots until revealed. */
  readonly channelSecret: Locator;
  readonly showSecretButton: Locator;
  readonly hideSecretButton: Locator;
  /** Opens the reissue dialog. */
  readonly issueSecretButton: Locator;
  readonly reissueSecretDialog: Locator;

  constructor(
    readonly page: Page,
    readonly channelId: string,
  ) {
    this.channelSecret = page.getByTestId("channel-secret");
    this.showSecretButton = page.getByRole("button", { name: "Show" });
    this.hideSecretButton = page.getByRole("button", { name: "Hide" });
    this.issueSecretButton = page.getByRole("button", { name: "Issue" });
    this.reissueSecretDialog = page.getByRole("dialog", { name: "Reissue the channel secret?" });
  }

  async goto() {
    await this.page.goto(`/console/channel/${this.channelId}/basics`);
    await expect(this.page.getByRole("heading", { name: "Basic settings" })).toBeVisible();
  }
}
