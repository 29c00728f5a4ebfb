import { expect, type Locator, type Page } from "@playwright/test";
import type { Locale } from "../../lib/i18n/locales";
import { type UiText, uiText } from "../support/ui-text";

/** The Notifications tab of a channel: its error notification emails, newest first. */
export class NotificationsPage {
  /** One article per email, named by its subject. */
  readonly emails: Locator;
  /** What the tab says while the channel has no email. */
  readonly emptyState: Locator;

  private readonly t: UiText;

  constructor(
    readonly page: Page,
    readonly channelId: string,
    /** The console's language in this browser (English unless the test asks otherwise). */
    readonly locale: Locale = "en",
  ) {
    const t = uiText(locale);
    this.t = t;
    this.emails = page
      .getByRole("list", { name: t("notifications.outbox.title") })
      .getByRole("article");
    this.emptyState = page.getByText(t("notifications.outbox.empty"));
  }

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
