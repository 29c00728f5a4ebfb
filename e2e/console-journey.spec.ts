import { expect, test } from "./fixtures";
import { MessagingApiPage } from "./pages/messaging-api-page";
import { StatisticsPage } from "./pages/statistics-page";

test("create a provider and a channel, configure the webhook, and keep it after a reload", async ({
  page,
  api,
  uniqueName,
}) => {
  const providerName = uniqueName("Acme");
  const channelName = uniqueName("Support bot");

  await page.goto("/console");
  await expect(page.getByRole("heading", { level: 1, name: "Providers" })).toBeVisible();
  await page.getByRole("textbox", { name: "Provider name" }).fill(providerName);
  await page.getByRole("button", { name: "Create", exact: true }).click();

  await expect(page).toHaveURL(/\/console\/provider\/\d{10}$/);
  await expect(page.getByRole("heading", { level: 1, name: providerName })).toBeVisible();
  await expect(page.getByText("This provider has no channels yet.")).toBeVisible();

  await page.getByRole("textbox", { name: "Channel name" }).fill(channelName);
  await page.getByRole("textbox", { name: "Channel description" }).fill("Answers questions");
  await page.getByRole("button", { name: "Create channel" }).click();

  await expect(page).toHaveURL(/\/console\/channel\/\d{10}\/messaging-api$/);
  const channelId = page.url().match(/channel\/(\d{10})\//)?.[1] ?? "";
  const settings = new MessagingApiPage(page, channelId);
  await expect(page.getByRole("heading", { level: 1, name: channelName })).toBeVisible();
  await expect(page.getByRole("link", { name: "Messaging API" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // A new channel starts with no URL and every switch off.
  await expect(settings.shownWebhookUrl).toHaveText("Not set");
  for (const name of [
    "Use webhook",
    "Webhook redelivery",
    "Error statistics aggregation",
  ] as const) {
    await expect(settings.switch(name)).toHaveAttribute("aria-checked", "false");
  }

  const webhookUrl = `https://bot.example.com/webhook/${channelId}`;
  await settings.setWebhookUrl(webhookUrl);

  await expect(settings.switch("Error statistics aggregation")).toBeDisabled();
  await settings.toggle("Use webhook");
  await expect(settings.switch("Use webhook")).toHaveAttribute("aria-checked", "true");
  await expect(settings.switch("Error statistics aggregation")).toBeEnabled();
  await settings.toggle("Error statistics aggregation");
  await expect(settings.switch("Error statistics aggregation")).toHaveAttribute(
    "aria-checked",
    "true",
  );

  await page.reload();
  await expect(settings.shownWebhookUrl).toHaveText(webhookUrl);
  await expect(settings.switch("Use webhook")).toHaveAttribute("aria-checked", "true");
  await expect(settings.switch("Webhook redelivery")).toHaveAttribute("aria-checked", "false");
  await expect(settings.switch("Error statistics aggregation")).toHaveAttribute(
    "aria-checked",
    "true",
  );

  // The Statistics tab agrees that errors are being counted.
  await page
    .getByRole("navigation", { name: "Channel settings" })
    .getByRole("link", { name: "Statistics" })
    .click();
  const statistics = new StatisticsPage(page, channelId);
  await expect(page).toHaveURL(statistics.url);
  await expect(statistics.view).toHaveValue("errors");
  await expect(statistics.view).toContainText("Errors");
  await expect(statistics.aggregationNotice("on")).toBeVisible();

  // The breadcrumb leads back to the provider, which now lists the channel, and to the list.
  await page
    .getByRole("navigation", { name: "Breadcrumb" })
    .getByRole("link", { name: providerName })
    .click();
  await expect(page.getByRole("list", { name: "Channels" }).getByRole("link")).toHaveText([
    new RegExp(channelName),
  ]);
  await page
    .getByRole("navigation", { name: "Breadcrumb" })
    .getByRole("link", { name: "TOP" })
    .click();
  await expect(
    page.getByRole("list", { name: "Providers" }).getByRole("link", { name: providerName }),
  ).toContainText("1 channel");

  // What the pages showed is what was stored.
  const stored = await api.getChannel(channelId);
  expect(stored).toMatchObject({
    name: channelName,
    description: "Answers questions",
    webhookUrl,
    useWebhook: true,
    webhookRedelivery: false,
    errorStatisticsAggregation: true,
  });
});
