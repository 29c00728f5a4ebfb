import { expect, test } from "./fixtures";

test.describe("Messaging API tab", () => {
  test("aggregation cannot be switched while Use webhook is off", async ({
    page,
    messagingApi: settings,
    statistics,
  }) => {
    await settings.goto();
    const aggregation = settings.switch("Error statistics aggregation");
    await expect(aggregation).toBeDisabled();
    await expect(aggregation).toHaveAccessibleDescription(
      /Turn on Use webhook to change this setting\./,
    );
    await expect(page.getByText("Turn on Use webhook to change this setting.")).toBeVisible();

    // On with Use webhook, and disabled again (keeping its value) when Use webhook goes off.
    await settings.toggle("Use webhook");
    await expect(aggregation).toBeEnabled();
    await expect(page.getByText("Turn on Use webhook to change this setting.")).toBeHidden();
    await settings.toggle("Error statistics aggregation");
    await settings.toggle("Use webhook");
    await expect(aggregation).toBeDisabled();
    await expect(aggregation).toHaveAttribute("aria-checked", "true");

    await page.reload();
    await expect(aggregation).toBeDisabled();
    await expect(aggregation).toHaveAttribute("aria-checked", "true");

    // Statistics says nothing is counted while Use webhook is off, even with aggregation on.
    await statistics.goto();
    await expect(statistics.aggregationNotice("off")).toBeVisible();
  });

  test("redelivery asks first: Cancel leaves it off, Enable turns it on", async ({
    page,
    api,
    freshChannel,
    messagingApi: settings,
  }) => {
    await settings.goto();
    const redelivery = settings.switch("Webhook redelivery");

    await redelivery.click();
    await expect(settings.redeliveryDialog).toBeVisible();
    await expect(settings.redeliveryDialog).toContainText("webhookEventId");
    await settings.redeliveryDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(settings.redeliveryDialog).toBeHidden();
    await expect(redelivery).toHaveAttribute("aria-checked", "false");
    expect((await api.getChannel(freshChannel.channel.id)).webhookRedelivery).toBe(false);

    // Escape is a cancel too.
    await redelivery.click();
    await expect(settings.redeliveryDialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(settings.redeliveryDialog).toBeHidden();
    await expect(redelivery).toHaveAttribute("aria-checked", "false");

    await redelivery.click();
    const saved = page.waitForResponse((r) => r.request().method() === "PATCH");
    await settings.redeliveryDialog.getByRole("button", { name: "Enable" }).click();
    expect((await saved).status()).toBe(200);
    await expect(settings.redeliveryDialog).toBeHidden();
    await expect(redelivery).toHaveAttribute("aria-checked", "true");

    await page.reload();
    await expect(redelivery).toHaveAttribute("aria-checked", "true");

    // Turning it off needs no confirmation.
    await settings.toggle("Webhook redelivery");
    await expect(settings.redeliveryDialog).toBeHidden();
    await expect(redelivery).toHaveAttribute("aria-checked", "false");
  });

  test("an invalid webhook URL is refused next to the field and nothing is stored", async ({
    page,
    api,
    freshChannel,
    messagingApi: settings,
  }) => {
    const original = "https://example.com/original";
    await api.updateChannel(freshChannel.channel.id, { webhookUrl: original });
    await settings.goto();
    await expect(settings.shownWebhookUrl).toHaveText(original);

    await settings.startEditingWebhookUrl();
    await expect(settings.webhookUrlField).toHaveValue(original);

    const tooLong = `https://example.com/${"a".repeat(501 - "https://example.com/".length)}`;
    expect(tooLong).toHaveLength(501);
    const cases = [
      { url: "ftp://example.com", error: "Webhook URL must start with https:// or http://" },
      { url: tooLong, error: "Webhook URL must be at most 500 characters" },
      { url: "not a url", error: /Webhook URL must be a valid URL/ },
      {
        url: "https://user:secret@example.com/hook",
        error: "Webhook URL must not contain a user name or password",
      },
    ];
    for (const { url, error } of cases) {
      await settings.submitWebhookUrl(url);
      await expect(settings.webhookUrlField).toHaveAttribute("aria-invalid", "true");
      await expect(settings.webhookUrlField).toHaveAccessibleDescription(error);
      await expect(settings.webhookUrlField).toBeVisible();
    }

    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(settings.shownWebhookUrl).toHaveText(original);
    await page.reload();
    await expect(settings.shownWebhookUrl).toHaveText(original);
    expect((await api.getChannel(freshChannel.channel.id)).webhookUrl).toBe(original);

    // A URL of exactly 500 characters is fine, and an empty field removes the URL.
    const longest = `https://example.com/${"b".repeat(500 - "https://example.com/".length)}`;
    await settings.setWebhookUrl(longest);
    await settings.startEditingWebhookUrl();
    await settings.submitWebhookUrl("");
    await expect(settings.shownWebhookUrl).toHaveText("Not set");
    expect((await api.getChannel(freshChannel.channel.id)).webhookUrl).toBeNull();
  });

  test("a failed toggle rolls back to the stored state and says why", async ({
    page,
    api,
    freshChannel,
    messagingApi: settings,
  }) => {
    const channelUrl = `**/api/channels/${freshChannel.channel.id}`;
    let releaseResponse = () => {};
    const held = new Promise<void>((resolve) => {
      releaseResponse = resolve;
    });
    let failures = 0;
    await page.route(channelUrl, async (route) => {
      if (route.request().method() !== "PATCH" || failures > 0) return route.fallback();
      failures += 1;
      await held;
      await route.fulfill({ status: 500, json: { message: "Database is unavailable" } });
    });

    await settings.goto();
    const useWebhook = settings.switch("Use webhook");
    await useWebhook.click();
    // Optimistic: on at once, while the server has not answered yet.
    await expect(useWebhook).toHaveAttribute("aria-checked", "true");
    await expect(settings.switch("Error statistics aggregation")).toBeEnabled();
    releaseResponse();

    await expect(useWebhook).toHaveAttribute("aria-checked", "false");
    await expect(settings.switch("Error statistics aggregation")).toBeDisabled();
    await expect(settings.settingsError).toHaveText(
      "Could not save Use webhook: Database is unavailable",
    );
    expect(failures).toBe(1);
    expect((await api.getChannel(freshChannel.channel.id)).useWebhook).toBe(false);

    // The next attempt reaches the real server, succeeds and clears the error.
    await settings.toggle("Use webhook");
    await expect(useWebhook).toHaveAttribute("aria-checked", "true");
    await expect(settings.settingsError).toBeHidden();
    expect((await api.getChannel(freshChannel.channel.id)).useWebhook).toBe(true);
  });

  test("a failure without a JSON body still rolls back with a readable message", async ({
    page,
    api,
    freshChannel,
    messagingApi: settings,
  }) => {
    await api.updateChannel(freshChannel.channel.id, { useWebhook: true });
    await page.route(`**/api/channels/${freshChannel.channel.id}`, (route) =>
      route.request().method() === "PATCH"
        ? route.fulfill({ status: 502, contentType: "text/html", body: "<h1>Bad gateway</h1>" })
        : route.fallback(),
    );

    await settings.goto();
    const aggregation = settings.switch("Error statistics aggregation");
    await aggregation.click();
    await expect(settings.settingsError).toHaveText(
      "Could not save Error statistics aggregation: Request failed with status 502",
    );
    await expect(aggregation).toHaveAttribute("aria-checked", "false");
    expect((await api.getChannel(freshChannel.channel.id)).errorStatisticsAggregation).toBe(false);
  });
});
