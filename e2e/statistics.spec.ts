// The Statistics tab's Errors view, fed by the real dispatcher: the demo bot fails on purpose,
// a closed port refuses connections, and the view shows what was counted, in UTC+9.
import { readFile } from "node:fs/promises";
import { refusedPort } from "../lib/dev/testing/fault-lab";
import { formatUtc9Date, formatUtc9Time } from "../lib/shared/utc9";
import { expect, test } from "./fixtures";
import { webhookUrlOf } from "./support/console-api";

test.describe("Statistics tab: Errors", () => {
  test("three reasons in the summary, chart and tables, in UTC+9, and the same rows in the TSV", async ({
    api,
    freshChannel: { channel },
    demoBot: bot,
    statistics,
    page,
  }) => {
    bot.setMode("error500");
    await api.pointAt(channel.id, bot, { errorStatisticsAggregation: true });
    await api.sendTextsAndWait(channel.id, 2, "statistics");
    bot.setMode("garbage");
    await api.sendTextsAndWait(channel.id, 1, "statistics");
    const closed = await refusedPort();
    await api.updateChannel(channel.id, { webhookUrl: webhookUrlOf(closed) });
    await api.sendTextsAndWait(channel.id, 2, "statistics");

    await statistics.goto();
    await expect(statistics.view).toHaveValue("errors");
    await expect(statistics.reason("error_status_code 2 (40%)")).toBeVisible();
    await expect(statistics.reason("could_not_connect 2 (40%)")).toBeVisible();
    await expect(statistics.reason("unclassified 1 (20%)")).toBeVisible();
    await expect(statistics.reason("request_timeout 0 (0%)")).toBeVisible();
    await expect(statistics.chart).toBeVisible();
    // Errors only seconds old, on the default view (last 24 hours, Auto): the chart is the last
    // hour per minute, not one bar at the right edge of a day, and says so; its time axis is
    // labelled on round UTC+9 times only.
    await expect(
      page.getByText(/, per minute; the chart from .+, as nothing was counted before it/),
    ).toBeVisible();
    expect(await statistics.chart.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
    // The time axis's labels (the count axis's are plain numbers).
    const ticks = statistics.chart
      .locator(".recharts-cartesian-axis-tick-value")
      .filter({ hasText: /\d{2}:\d{2}/ });
    await expect(ticks.first()).toBeVisible();
    const labels = await ticks.allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const label of labels) expect(label).toMatch(/^(\d{2}-\d{2} )?\d{2}:[0-5][05]$/);

    const details = statistics.details;
    await expect(details.getByRole("row", { name: /error_status_code\s+500\s+2/ })).toBeVisible();
    await expect(
      details.getByRole("row", { name: /could_not_connect\s+Connection failed\s+2/ }),
    ).toBeVisible();
    // Each detail's row says what it means (LINE's summary).
    await expect(
      details.getByRole("row", { name: /unclassified\s+Unclassified webhook dispatch error\s+1/ }),
    ).toContainText("An unexpected error that cannot be classified.");
    await expect(details.getByRole("row", { name: /error_status_code\s+500\s+2/ })).toContainText(
      "The HTTP status code the bot server answered with.",
    );

    // LINE's table shows the attempt's UTC instant plus nine hours.
    const garbage = (await api.deliveries(channel.id, { limit: 200 })).deliveries.find(
      (d) => d.reason === "unclassified",
    );
    expect(garbage).toBeDefined();
    const attemptedAt = new Date(garbage?.attemptedAt ?? 0);
    const table = statistics.errorsTable;
    const garbageRow = table
      .getByRole("row")
      .filter({ hasText: "Unclassified webhook dispatch error" });
    await expect(garbageRow).toContainText(formatUtc9Date(attemptedAt));
    await expect(garbageRow).toContainText(formatUtc9Time(attemptedAt));
    expect(attemptedAt.getUTCHours()).not.toBe(Number(formatUtc9Time(attemptedAt).slice(0, 2)));

    // Choosing a reason narrows the details and the rows.
    await statistics.reason(/^could_not_connect/).click();
    await expect(details.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("row").filter({ hasText: "error_status_code" })).toHaveCount(0);
    await statistics.reason(/^could_not_connect/).click();

    // The TSV download holds exactly the rows of the table.
    const tableLines = await table
      .getByRole("row")
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim()).join("\t"),
        ),
      );
    const downloading = page.waitForEvent("download");
    await statistics.downloadTsvLink.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^webhook-errors-\d{10}-.*\.tsv$/);
    const tsv = await readFile((await download.path()) as string, "utf8");
    expect(tsv.trimEnd().split("\n")).toEqual(tableLines);
  });

  test("with aggregation off: the notice shows, and new failures are not counted", async ({
    api,
    freshChannel: { channel },
    demoBot: bot,
    statistics,
  }) => {
    bot.setMode("error404");
    await api.pointAt(channel.id, bot, { errorStatisticsAggregation: true });
    await api.sendTextsAndWait(channel.id, 1, "statistics");
    await api.updateChannel(channel.id, { errorStatisticsAggregation: false });
    await api.sendTextsAndWait(channel.id, 3, "statistics");

    await statistics.goto();
    const notice = statistics.aggregationNotice("off");
    await expect(notice).toBeVisible();
    await expect(notice.getByRole("link", { name: "Messaging API" })).toHaveAttribute(
      "href",
      `/console/channel/${channel.id}/messaging-api`,
    );
    // What was counted before is still shown; the three later failures are not.
    await expect(statistics.reason("error_status_code 1 (100%)")).toBeVisible();
  });

  test("says how long each kind of data is kept, and marks a period reaching further back", async ({
    statistics,
    page,
  }) => {
    await statistics.goto();
    await expect(
      page.getByText(
        "Raw delivery attempts are kept 14 days; per-minute statistics 90 days; hourly statistics 400 days.",
      ),
    ).toBeVisible();
    await expect(page.getByRole("radio", { name: "Minute" })).toBeEnabled();
    await expect(statistics.retentionNotice).toHaveCount(0);

    // A custom period of two hours, 100 days ago: per-minute statistics are gone there.
    const DAY = 24 * 60 * 60 * 1000;
    const from = new Date(Math.floor((Date.now() - 100 * DAY) / 60_000) * 60_000);
    const to = new Date(from.getTime() + 2 * 60 * 60 * 1000);
    const query = new URLSearchParams({
      period: "custom",
      from: from.toISOString(),
      to: to.toISOString(),
    });
    await page.goto(`${statistics.url}?${query}`);
    await expect(statistics.retentionNotice).toContainText(
      "Per-minute statistics are kept 90 days: before",
    );
    await expect(statistics.retentionNotice).toContainText("hourly counts only");
    await expect(page.getByText(/, per hour$/)).toBeVisible();
    const minute = page.getByRole("radio", { name: "Minute" });
    await expect(minute).toBeDisabled();
    await expect(page.locator("label", { has: minute })).toHaveAttribute(
      "title",
      "Per-minute statistics are kept 90 days",
    );
  });

  test("a browser whose clock is minutes off the server's shows the page without a hydration error", async ({
    page,
    statistics,
  }) => {
    // The period line of a rolling period is written by the server before the first answer;
    // hydrating it from the browser's own clock would differ by a minute and React would throw.
    // The page fixture fails the test on any uncaught error in the browser.
    await page.clock.setFixedTime(new Date(Date.now() + 7 * 60_000));
    for (const view of ["errors", "deliveries"]) {
      await page.goto(`${statistics.url}?view=${view}`);
      await expect(statistics.view).toHaveValue(view);
      await expect(page.getByText(/\(UTC\+9\)/).first()).toBeVisible();
      await expect(page.getByText(/Updating…|Loading/)).toHaveCount(0);
    }
  });
});
