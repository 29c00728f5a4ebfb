import type { Page } from "@playwright/test";
import type { Locale } from "../../lib/i18n/locales";
import { type UiText, uiText } from "../support/ui-text";

/**
 * What every channel tab's page object starts from: the browser page, the channel, and the
 * console's text in the browser's language, by which the subclasses find their elements.
 */
export abstract class ChannelTabPage {
  protected readonly t: UiText;

  constructor(
    readonly page: Page,
    readonly channelId: string,
    /** The console's language in this browser (English unless the test asks otherwise). */
    readonly locale: Locale = "en",
  ) {
    this.t = uiText(locale);
  }
}
