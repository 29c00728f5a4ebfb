import { expect, type Locator, type Page } from "@playwright/test";
import type { Locale } from "../../lib/i18n/locales";
import { uiText } from "../support/ui-text";

/** The Statistics tab of a channel: its Errors view and its Success rate and latency view. */
export class StatisticsPage {
  /** The drop-down that chooses what the tab shows. */
  readonly view: Locator;
  /** One button per reason: "<reason> <count> (<share>)"; pressing one filters by it. */
  readonly summary: Locator;
  readonly chart: Locator;
  readonly details: Locator;
  /** LINE's table: one row per minute, reason and detail. */
  readonly errorsTable: Locator;
  readonly downloadTsvLink: Locator;
  /** Success rate and latency: the totals over the period ("Attempts 4", ...). */
  readonly deliveryTotals: Locator;
  readonly deliveryChart: Locator;
  /** Success rate and latency: one row per bucket with attempts. */
  readonly deliveryTable: Locator;

  constructor(
    readonly page: Page,
    readonly channelId: string,
    /** The console's language in this browser (English unless the test asks otherwise). */
    readonly locale: Locale = "en",
  ) {
    const t = uiText(locale);
    this.view = page.getByRole("combobox", { name: t("statistics.view.label") });
    this.summary = page.getByRole("list", { name: t("statistics.reasonSummary.label") });
    this.chart = page.getByRole("img", { name: t("statistics.errorsChart.label") });
    this.details = page.getByRole("table", { name: t("statistics.detailsTable.label") });
    this.errorsTable = page.getByRole("table", { name: t("statistics.webhookErrorsTable.label") });
    this.downloadTsvLink = page.getByRole("link", { name: t("statistics.periodLine.downloadTsv") });
    this.deliveryTotals = page.getByLabel(t("statistics.deliveries.totals"));
    this.deliveryChart = page.getByRole("img", { name: t("statistics.deliveryChart.label") });
    this.deliveryTable = page.getByRole("table", { name: t("statistics.deliveryTable.label") });
  }

  get url(): string {
    return `/console/channel/${this.channelId}/statistics`;
  }

  async goto() {
    await this.page.goto(this.url);
    await expect(this.view).toBeVisible();
  }

  /** A reason's button in the summary, by its accessible name ("could_not_connect 2 (40%)"). */
  reason(name: string | RegExp): Locator {
    return this.summary.getByRole("button", { name });
  }

  /** The notice marking a period that reaches back before the per-minute statistics kept. */
  get retentionNotice(): Locator {
    return this.page.getByRole("status").filter({ hasText: "Per-minute statistics are kept" });
  }

  /** The notice saying whether error statistics aggregation is on or off for the channel. */
  aggregationNotice(state: "on" | "off"): Locator {
    return this.page
      .getByRole("status")
      .filter({ hasText: `Error statistics aggregation is ${state}` });
  }
}
