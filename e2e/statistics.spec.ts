// The Statistics tab's Errors view, fed by the real dispatcher: the demo bot fails on purpose,
// a closed port refuses connections, and the view shows what was counted, in UTC+9.
import { readFile } from "node:fs/promises";
import type { APIRequestContext } from "@playwright/test";
import { formatUtc9Date, formatUtc9Time } from "../lib/shared/utc9";
import { refusedPort } from "../lib/testing/fault-lab";
import { expect, test } from "./fixtures";

interface Delivery {
  attemptedAt: string;
  reason: string | null;
  detail: string | null;
}

/** Sends `count` text messages and waits until the dispatcher has recorded their attempts. */
async function send(request: APIRequestContext, channelId: string, count: number) {
  const before = await deliveries(request, channelId);
  for (let i = 0; i < count; i++) {
    const response = await request.post(`/api/channels/${channelId}/events`, {
      data: { text: `statistics ${i}` },
    });
    expect(response.status()).toBe(202);
  }
  await expect
    .poll(async () => (await deliveries(request, channelId)).length, { timeout: 15_000 })
    .toBe(before.length + count);
}

async function deliveries(request: APIRequestContext, channelId: string): Promise<Delivery[]> {
  const response = await request.get(`/api/channels/${channelId}/deliveries?limit=200`);
  return (await response.json()).deliveries;
}

test.describe("Statistics tab: Errors", () => {
  test("three reasons in the summary, chart and tables, in UTC+9, and the same rows in the TSV", async ({
    api,
    request,
    freshChannel: { channel },
    demoBot: bot,
    page,
  }) => {
    bot.setMode("error500");
    await api.updateChannel(channel.id, {
      webhookUrl: `${bot.url}/webhook`,
      useWebhook: true,
      errorStatisticsAggregation: true,
    });
    await send(request, channel.id, 2);
    bot.setMode("garbage");
    await send(request, channel.id, 1);
    const closed = await refusedPort();
    await api.updateChannel(channel.id, { webhookUrl: `${closed.url}/webhook` });
    await send(request, channel.id, 2);

    await page.goto(`/console/channel/${channel.id}/statistics`);
    await expect(page.getByLabel("Statistics")).toHaveValue("errors");
    const summary = page.getByRole("list", { name: "Errors by reason" });
    await expect(summary.getByRole("button", { name: "error_status_code 2 (40%)" })).toBeVisible();
    await expect(summary.getByRole("button", { name: "could_not_connect 2 (40%)" })).toBeVisible();
    await expect(summary.getByRole("button", { name: "unclassified 1 (20%)" })).toBeVisible();
    await expect(summary.getByRole("button", { name: "request_timeout 0 (0%)" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Errors over time" })).toBeVisible();

    const details = page.getByRole("table", { name: "Errors by reason and detail" });
    await expect(details.getByRole("row", { name: /error_status_code\s+500\s+2/ })).toBeVisible();
    await expect(
      details.getByRole("row", { name: /could_not_connect\s+Connection failed\s+2/ }),
    ).toBeVisible();
    await expect(
      details.getByRole("row", { name: /unclassified\s+Unclassified webhook dispatch error\s+1/ }),
    ).toBeVisible();

    // LINE's table shows the attempt's UTC instant plus nine hours.
    const garbage = (await deliveries(request, channel.id)).find(
      (d) => d.reason === "unclassified",
    );
    expect(garbage).toBeDefined();
    const attemptedAt = new Date(garbage?.attemptedAt ?? 0);
    const table = page.getByRole("table", { name: "Webhook errors" });
    const garbageRow = table
      .getByRole("row")
      .filter({ hasText: "Unclassified webhook dispatch error" });
    await expect(garbageRow).toContainText(formatUtc9Date(attemptedAt));
    await expect(garbageRow).toContainText(formatUtc9Time(attemptedAt));
    expect(attemptedAt.getUTCHours()).not.toBe(Number(formatUtc9Time(attemptedAt).slice(0, 2)));

    // Choosing a reason narrows the details and the rows.
    await summary.getByRole("button", { name: /^could_not_connect/ }).click();
    await expect(details.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("row").filter({ hasText: "error_status_code" })).toHaveCount(0);
    await summary.getByRole("button", { name: /^could_not_connect/ }).click();

    // The TSV download holds exactly the rows of the table.
    const tableLines = await table
      .getByRole("row")
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim()).join("\t"),
        ),
      );
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download TSV file" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^webhook-errors-\d{10}-.*\.tsv$/);
    const tsv = await readFile((await download.path()) as string, "utf8");
    expect(tsv.trimEnd().split("\n")).toEqual(tableLines);
  });

  test("with aggregation off: the notice shows, and new failures are not counted", async ({
    api,
    request,
    freshChannel: { channel },
    demoBot: bot,
    page,
  }) => {
    bot.setMode("error404");
    await api.updateChannel(channel.id, {
      webhookUrl: `${bot.url}/webhook`,
      useWebhook: true,
      errorStatisticsAggregation: true,
    });
    await send(request, channel.id, 1);
    await api.updateChannel(channel.id, { errorStatisticsAggregation: false });
    await send(request, channel.id, 3);

    await page.goto(`/console/channel/${channel.id}/statistics`);
    await expect(page.getByText(/Error statistics aggregation is off/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Messaging API" }).last()).toHaveAttribute(
      "href",
      `/console/channel/${channel.id}/messaging-api`,
    );
    // What was counted before is still shown; the three later failures are not.
    const summary = page.getByRole("list", { name: "Errors by reason" });
    await expect(summary.getByRole("button", { name: "error_status_code 1 (100%)" })).toBeVisible();
  });
});
