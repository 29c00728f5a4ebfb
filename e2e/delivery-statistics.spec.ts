// The Statistics tab's Success rate and latency view, fed by the real dispatcher: the demo bot
// accepts three webhooks and answers a fourth with 500, with Error statistics aggregation off.
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

test.describe("Statistics tab: Success rate and latency", () => {
  test("a known mix gives its rate in the totals and the table, the TSV holds the table, and the view is in the URL", async ({
    api,
    freshChannel: { channel },
    demoBot: bot,
    statistics,
    page,
  }) => {
    await api.pointAt(channel.id, bot);
    await api.sendTextsAndWait(channel.id, 3, "fine");
    bot.setMode("error500");
    await api.sendTextsAndWait(channel.id, 1, "broken");

    await statistics.goto();
    await expect(statistics.view).toHaveValue("errors");
    await statistics.view.selectOption({ label: "Success rate and latency" });
    await expect(page).toHaveURL(/[?&]view=deliveries/);
    await expect(page.getByText("does not apply to them")).toBeVisible();

    const totals = statistics.deliveryTotals;
    await expect(totals).toContainText("Attempts4");
    await expect(totals).toContainText("Success rate75.00 %");
    await expect(totals).toContainText(/p50 latency\d+ ms/);
    await expect(statistics.deliveryChart).toBeVisible();
    await expect(page.getByText("within ±2 % of the exact")).toBeVisible();
    // Both axes say what they measure, and LINE's 2-second limit tops the latency axis (a log
    // scale: answers of milliseconds read there too).
    const chart = statistics.deliveryChart;
    await expect(chart.getByText("Latency (ms, log scale)")).toBeVisible();
    await expect(chart.getByText("Success rate (%)")).toBeVisible();
    await expect(chart.getByText("LINE's limit: 2 s")).toBeVisible();
    await expect(chart.getByText("2000", { exact: true })).toBeVisible();

    // The four attempts fall in one or (across an hour) two buckets; together they are 4 and 3.
    const rows = statistics.deliveryTable.getByRole("row");
    const cells = await rows.evaluateAll((all) =>
      all.slice(1).map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
    expect(cells.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(4);
    expect(cells.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(3);
    if (cells.length === 1) expect(cells[0]?.[4]).toBe("75.00 %");

    // The TSV holds the table's rows, with the units in the header instead of the cells.
    const downloading = page.waitForEvent("download");
    await statistics.downloadTsvLink.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^webhook-deliveries-\d{10}-.*\.tsv$/);
    const tsv = (await readFile((await download.path()) as string, "utf8")).trimEnd().split("\n");
    expect(tsv[0]).toBe(
      "Date\tStart\tAttempts\tSuccesses\tSuccess rate (%)\tp50 (ms)\tp95 (ms)\tp99 (ms)",
    );
    expect(tsv.slice(1).map((line) => line.split("\t").slice(0, 4))).toEqual(
      cells.map((row) => row.slice(0, 4)),
    );

    // The view survives a reload: the link is shareable.
    await page.reload();
    await expect(statistics.view).toHaveValue("deliveries");
    await expect(statistics.deliveryTotals).toContainText("Success rate75.00 %");
  });
});
