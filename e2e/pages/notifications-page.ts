import { expect, type Locator } from "@playwright/test";
import { ChannelTabPage } from "./channel-tab-page";

/** The Notifications tab of a channel: its error notification emails, newest first. */
export class NotificationsPage extends ChannelTabPage {
  /** One article per email, named by its subject. */
  readonly emails = this.page
    .getByRole("list", { name: this.t("notifications.outbox.title") })
    .getByRole("article");
  /** What the tab says while the channel has no email. */
  readonly emptyState = this.page.getByText(this.t("notifications.outbox.empty"));

  async goto() {
    await this.page.goto(`/console/channel/${this.channelId}/notifications`);
    await expect(
      this.page.getByRole("heading", { name: this.t("notifications.outbox.title") }),
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
    return email
      .getByRole("list", { name: this.t("notifications.email.recipients") })
      .getByRole("listitem");
  }

  /** The email's plain text, as sent. */
  body(email: Locator): Locator {
    return email.getByRole("figure", { name: this.t("notifications.email.body") }).locator("pre");
  }
}
