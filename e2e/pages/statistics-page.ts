import { expect, type Locator, type Page } from "@playwright/test";

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
  ) {
    this.view = page.getByRole("combobox", { name: "Statistics" });
    this.summary = page.getByRole("list", { name: "Errors by reason" });
    this.chart = page.getByRole("img", { name: "Errors over time" });
    this.details = page.getByRole("table", { name: "Errors by reason and detail" });
    this.errorsTable = page.getByRole("table", { name: "Webhook errors" });
    this.downloadTsvLink = page.getByRole("link", { name: "Download TSV file" });
    this.deliveryTotals = page.getByLabel("Totals for the period");
    this.deliveryChart = page.getByRole("img", { name: "Success rate and latency over time" });
    this.deliveryTable = page.getByRole("table", { name: "Success rate and latency by period" });
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
