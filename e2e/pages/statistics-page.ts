import { expect, type Locator } from "@playwright/test";
import { ChannelTabPage } from "./channel-tab-page";

/** The Statistics tab of a channel: its Errors view and its Success rate and latency view. */
export class StatisticsPage extends ChannelTabPage {
  /** The drop-down that chooses what the tab shows. */
  readonly view = this.page.getByRole("combobox", { name: this.t("statistics.view.label") });
  /** One button per reason: "<reason> <count> (<share>)"; pressing one filters by it. */
  readonly summary = this.page.getByRole("list", {
    name: this.t("statistics.reasonSummary.label"),
  });
  readonly chart = this.page.getByRole("img", { name: this.t("statistics.errorsChart.label") });
  readonly details = this.page.getByRole("table", {
    name: this.t("statistics.detailsTable.label"),
  });
  /** LINE's table: one row per minute, reason and detail. */
  readonly errorsTable = this.page.getByRole("table", {
    name: this.t("statistics.webhookErrorsTable.label"),
  });
  readonly downloadTsvLink = this.page.getByRole("link", {
    name: this.t("statistics.periodLine.downloadTsv"),
  });
  /** Success rate and latency: the totals over the period ("Attempts 4", ...). */
  readonly deliveryTotals = this.page.getByLabel(this.t("statistics.deliveries.totals"));
  readonly deliveryChart = this.page.getByRole("img", {
    name: this.t("statistics.deliveryChart.label"),
  });
  /** Success rate and latency: one row per bucket with attempts. */
  readonly deliveryTable = this.page.getByRole("table", {
    name: this.t("statistics.deliveryTable.label"),
  });

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
