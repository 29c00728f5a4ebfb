import { expect, test } from "./fixtures";
import { sendSuccessThen500 } from "./support/delivery-mix";

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
    await expect(page).toHaveURL(/[?&]reason=error_status_code(&|$)/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("500");
    await expect(rows.first()).toContainText("Failed");

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
  });
});
