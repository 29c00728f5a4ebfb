import { expect, type Locator, type Page } from "@playwright/test";

/** The Notifications tab of a channel: its error notification emails, newest first. */
export class NotificationsPage {
  /** One article per email, named by its subject. */
  readonly emails: Locator;
  /** What the tab says while the channel has no email. */
  readonly emptyState: Locator;

  constructor(
    readonly page: Page,
    readonly channelId: string,
  ) {
    this.emails = page
      .getByRole("list", { name: "Error notification emails" })
      .getByRole("article");
    this.emptyState = page.getByText("No error notification emails yet.");
  }

  async goto() {
    await this.page.goto(`/console/channel/${this.channelId}/notifications`);
    await expect(
      this.page.getByRole("heading", { name: "Error notification emails" }),
    ).toBeVisible();
  }

  /** The email with this exact subject. */
  email(subject: string): Locator {
    return this.page.getByRole("article", { name: subject, exact: true });
  }

  /** "Kept in outbox", "Sent …", "Queued …", "Sending" or "Failed". */
  status(email: Locator): Locator {
    return email.getByTestId("notification-status");
  }

  recipients(email: Locator): Locator {
    return email.getByRole("list", { name: "Recipients" }).getByRole("listitem");
  }

  /** The email's plain text, as sent. */
  body(email: Locator): Locator {
    return email.getByRole("figure", { name: "Email body" }).locator("pre");
  }
}
