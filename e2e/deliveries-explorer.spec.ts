import { isoToUtc9Input, utc9InputToIso } from "../components/statistics/utc9-input";
import { sendSuccessThen500 } from "../lib/dev/testing/delivery-mix";
import { expect, test } from "./fixtures";

test.describe("Deliveries tab", () => {
  test("lists every attempt and filters them through its URL", async ({
    page,
    api,
    freshChannel: { channel },
    demoBot,
  }) => {
    const ok = await sendSuccessThen500(api, channel.id, demoBot);

    await page.goto(`/console/channel/${channel.id}/deliveries`);
    await expect(page.getByRole("link", { name: "Deliveries" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    const rows = page.getByTestId("delivery");
    await expect(rows).toHaveCount(2);

    await page.getByLabel("Reason").selectOption("error_status_code");
    await page.getByRole("button", { name: "Apply" }).click();
    // Only the filters set go into the URL.
    await expect(page).toHaveURL(/\/deliveries\?reason=error_status_code$/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("500");
    await expect(rows.first()).toContainText("Failed");

    // From and To are UTC+9 times, picked as on Statistics; the URL holds the instant.
    const from = page.getByLabel("From (UTC+9)");
    const anHourAgo = isoToUtc9Input(new Date(Date.now() - 3_600_000).toISOString());
    await from.fill(anHourAgo);
    await page.getByRole("button", { name: "Apply" }).click();
    const query = new URLSearchParams({
      reason: "error_status_code",
      from: utc9InputToIso(anHourAgo) ?? "",
    });
    await expect(page).toHaveURL((url) => url.search === `?${query}`);
    await expect(rows).toHaveCount(1);
    await expect(from).toHaveValue(anHourAgo);

    // A link to one webhookEventId shows its attempt alone.
    await page.goto(
      `/console/channel/${channel.id}/deliveries?webhookEventId=${ok.webhookEventIds[0]}`,
    );
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Success");

    // A filter the API would refuse is named on the page, not a server error.
    await page.goto(`/console/channel/${channel.id}/deliveries?statusCode=abc`);
    await expect(
      page.getByRole("alert").filter({ hasText: "These filters cannot be used" }),
    ).toContainText("statusCode: must be an HTTP status code in decimal digits");
    await expect(rows).toHaveCount(0);
  });

  test("an error table row's count opens exactly the attempts it counts", async ({
    page,
    api,
    freshChannel: { channel },
    demoBot,
    statistics,
  }) => {
    await api.pointAt(channel.id, demoBot, { errorStatisticsAggregation: true });
    demoBot.setMode("error500");
    for (let i = 0; i < 3; i++) await api.sendText(channel.id, `broken ${i}`);
    await api.waitForDeliveries(channel.id, 3);

    await statistics.goto();
    const counts = statistics.errorsTable.getByRole("link", { name: /show the attempts/ });
    await expect(counts.first()).toBeVisible();
    const total = (await counts.allTextContents()).reduce((sum, text) => sum + Number(text), 0);
    expect(total).toBe(3);
    const first = Number(await counts.first().textContent());
    await counts.first().click();
    await expect(page).toHaveURL(/\/deliveries\?.*counted=true/);
    await expect(page.getByTestId("delivery")).toHaveCount(first);
    for (const row of await page.getByTestId("delivery").all()) {
      await expect(row).toContainText("error_status_code");
      await expect(row).toContainText("500");
    }
  });

  test("a row opens its webhook: the request body and the bot's answer", async ({
    page,
    api,
    freshChannel: { channel },
    demoBot,
  }) => {
    await sendSuccessThen500(api, channel.id, demoBot);
    await page.goto(`/console/channel/${channel.id}/deliveries?result=failed`);
    const rows = page.getByTestId("delivery");
    await expect(rows).toHaveCount(1);
    // The row's link, by keyboard as an operator without a mouse would.
    await rows
      .first()
      .getByRole("link", { name: /Details of attempt 1/ })
      .focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/deliveries\/[0-9A-Z]{26}#attempt-1$/);
    // The webhook's page is under the Deliveries tab, which says so.
    await expect(
      page
        .getByRole("navigation", { name: "Channel settings" })
        .getByRole("link", { name: "Deliveries" }),
    ).toHaveAttribute("aria-current", "true");

    const requestBody = page.getByRole("region", { name: "Request body" });
    await expect(requestBody).toContainText('"text": "broken"');
    await expect(requestBody).toContainText('"isRedelivery": false');
    await expect(page.getByRole("table", { name: "Request headers" })).toContainText(
      "x-line-signature",
    );
    await expect(
      page.getByRole("status").filter({ hasText: "x-line-signature matches" }),
    ).toBeVisible();

    const attempt = page.getByRole("region", { name: /^Attempt 1/ });
    await expect(attempt).toContainText("Failed");
    await expect(attempt).toContainText("error_status_code");
    await expect(attempt.getByRole("region", { name: "Response body" })).toContainText(
      "demo bot: internal error",
    );
    await expect(attempt.getByRole("table", { name: "Timings of attempt 1" })).toContainText("ms");

    // Redeliver now from the webhook's page: the page shows the new attempt, a redelivery the
    // bot took.
    demoBot.setMode("ok");
    await page.getByRole("button", { name: "Redeliver now" }).click();
    const second = page.getByRole("region", { name: /^Attempt 2/ });
    await expect(second).toContainText("Success");
    await expect(second).toContainText("Yes");
    const [, resent] = demoBot.recentEvents().slice(-2);
    expect(resent).toEqual({
      webhookEventId: expect.any(String),
      isRedelivery: true,
    });
    expect(
      demoBot.recentEvents().filter((e) => e.webhookEventId === resent?.webhookEventId),
    ).toEqual([
      { webhookEventId: resent?.webhookEventId, isRedelivery: false },
      { webhookEventId: resent?.webhookEventId, isRedelivery: true },
    ]);
    await expect(page.getByRole("button", { name: "Redeliver now" })).toHaveCount(0);
  });
});

test("Redeliver now sends a selected failed webhook again and its new attempt shows", async ({
  page,
  api,
  freshChannel: { channel },
  demoBot,
}) => {
  await api.pointAt(channel.id, demoBot);
  demoBot.setMode("error500");
  const sent = await api.sendText(channel.id, "please retry");
  await api.waitForDeliveries(channel.id, 1);
  demoBot.setMode("ok");

  await page.goto(`/console/channel/${channel.id}/deliveries`);
  const rows = page.getByTestId("delivery");
  await expect(rows).toHaveCount(1);
  const redeliver = page.getByRole("button", { name: "Redeliver now" });
  await expect(redeliver).toBeDisabled();
  await page.getByRole("checkbox", { name: `Select webhook ${sent.webhookId}` }).check();
  await redeliver.click();
  await expect(page.getByText("Queued for redelivery")).toBeVisible();

  // The list refreshes itself: the new attempt, a redelivery, succeeded.
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Success");
  await expect(rows.first()).toContainText("2 (redelivery)");
  await expect(rows.first()).toContainText("Delivered");
  expect(demoBot.recentEvents()).toEqual([
    { webhookEventId: sent.webhookEventIds[0], isRedelivery: false },
    { webhookEventId: sent.webhookEventIds[0], isRedelivery: true },
  ]);
  // A delivered webhook has nothing left to redeliver.
  await expect(page.getByRole("checkbox")).toHaveCount(0);
});

test("with Webhook redelivery on, a webhook waiting for its redelivery can be sent now", async ({
  page,
  api,
  freshChannel: { channel },
  demoBot,
}) => {
  // The first automatic redelivery is 10 s after the failure; the bot fails until the operator
  // sends it again, so one made meanwhile only adds a failed row and another wait.
  await api.pointAt(channel.id, demoBot, { webhookRedelivery: true });
  demoBot.setMode("error500");
  const sent = await api.sendText(channel.id, "wait for me");
  await api.waitForDeliveries(channel.id, 1);

  await page.goto(`/console/channel/${channel.id}/deliveries`);
  const rows = page.getByTestId("delivery");
  await expect(rows.first()).toContainText("Waiting for redelivery");
  await expect(
    page.getByText("are waiting for their next automatic redelivery, to send them again now"),
  ).toBeVisible();
  await page
    .getByRole("checkbox", { name: `Select webhook ${sent.webhookId}` })
    .first()
    .check();
  demoBot.setMode("ok");
  await page.getByRole("button", { name: "Redeliver now" }).click();
  await expect(page.getByText("Queued for redelivery")).toBeVisible();

  await expect(rows.first()).toContainText("Success", { timeout: 9000 });
  await expect(rows.first()).toContainText("(redelivery)");
  await expect(rows.first()).toContainText("Delivered");
  await expect(page.getByRole("checkbox")).toHaveCount(0);
});
