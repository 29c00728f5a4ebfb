// The console by keyboard alone: the channel tabs, the Statistics drop-down and period, a switch,
// and a confirm dialog that keeps focus inside and gives it back when it closes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 60 } = {}) {
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target, `reached by ${max} presses of Tab`).toBeFocused();
}

test("tabs, the Statistics view and period, a switch and a confirm dialog, by keyboard only", async ({
  page,
  freshChannel: { channel },
  basicSettings,
  messagingApi,
}) => {
  await basicSettings.goto();
  const tabs = page.getByRole("navigation", { name: "Channel settings" });

  // Tabs: Statistics opens with Enter.
  await tabTo(page, tabs.getByRole("link", { name: "Statistics" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/console/channel/${channel.id}/statistics`);

  // The view drop-down changes with the arrow keys.
  const view = page.getByRole("combobox", { name: "Statistics" });
  await tabTo(page, view);
  await page.keyboard.press("ArrowDown");
  await expect(view).toHaveValue("deliveries");
  await expect(page).toHaveURL(/view=deliveries/);
  await expect(
    page.getByRole("heading", { level: 2, name: "Success rate and latency" }),
  ).toBeVisible();
  await view.focus();
  await page.keyboard.press("ArrowUp");
  await expect(view).toHaveValue("errors");

  // The period is a radio group: Tab into it, arrows move the choice.
  const period = page.getByRole("group", { name: "Period" });
  await tabTo(page, period.getByRole("radio", { name: "Last 24 hours" }));
  await page.keyboard.press("ArrowRight");
  await expect(period.getByRole("radio", { name: "Last 7 days" })).toBeChecked();
  await expect(period.getByRole("radio", { name: "Last 7 days" })).toBeFocused();

  // A switch: Space turns it on, and a screen reader reads its name and state.
  await messagingApi.goto();
  const useWebhook = messagingApi.switch("Use webhook");
  await tabTo(page, useWebhook);
  const saved = page.waitForResponse(
    (response) =>
      response.request().method() === "PATCH" &&
      response.url().endsWith(`/api/channels/${channel.id}`),
  );
  await page.keyboard.press("Space");
  expect((await saved).status()).toBe(200);
  await expect(useWebhook).toHaveAttribute("aria-checked", "true");
  await expect(useWebhook).toBeFocused();

  // A confirm dialog: focus moves in, Tab and Shift+Tab stay in, Escape closes it and focus
  // returns to the button that opened it.
  await basicSettings.goto();
  const issue = basicSettings.issueSecretButton;
  await tabTo(page, issue);
  await page.keyboard.press("Enter");
  const dialog = basicSettings.reissueSecretDialog;
  await expect(dialog).toBeVisible();
  const focusInDialog = () =>
    dialog.evaluate((element) => element.contains(document.activeElement));
  expect(await focusInDialog(), "focus moves into the dialog").toBe(true);
  for (let presses = 0; presses < 6; presses += 1) {
    await page.keyboard.press("Tab");
    expect(await focusInDialog(), `focus in the dialog after Tab ${presses + 1}`).toBe(true);
  }
  for (let presses = 0; presses < 6; presses += 1) {
    await page.keyboard.press("Shift+Tab");
    expect(await focusInDialog(), `focus in the dialog after Shift+Tab ${presses + 1}`).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(issue).toBeFocused();
});

test("LINE's table pages by keyboard, and focus stays on Next at the last page", async ({
  page,
  api,
  freshChannel: { channel },
  statistics,
}) => {
  test.setTimeout(90_000);
  // A bot answering each webhook with another 5xx: 51 details, so 51 rows, two pages of 50.
  let answered = 0;
  const bot = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(500 + (answered++ % 60)).end();
    });
  });
  await new Promise<void>((resolve) => bot.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = bot.address() as AddressInfo;
    await api.updateChannel(channel.id, {
      webhookUrl: `http://127.0.0.1:${port}/webhook`,
      useWebhook: true,
      errorStatisticsAggregation: true,
    });
    await api.sendTextsAndWait(channel.id, 51, "paging");
  } finally {
    bot.close();
  }

  await statistics.goto();
  const pages = page.getByRole("navigation", { name: "Webhook errors pages" });
  await expect(pages).toContainText("Page 1 of 2");
  const next = pages.getByRole("button", { name: "Next" });
  // From the table's last count link (Tab from the top would pass all 50 of them first).
  await statistics.errorsTable.getByRole("link").last().focus();
  await tabTo(page, next);
  await page.keyboard.press("Enter");
  await expect(pages).toContainText("Page 2 of 2");
  // At the end Next says it is unavailable, and keeps focus: Enter again changes nothing.
  await expect(next).toHaveAttribute("aria-disabled", "true");
  await expect(next).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pages).toContainText("Page 2 of 2");
  await expect(next).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(pages.getByRole("button", { name: "Previous" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pages).toContainText("Page 1 of 2");
});

test("an edit in place gives focus back to its Edit button, Escape cancels it, and Verify keeps focus", async ({
  page,
  api,
  freshChannel: { channel },
  demoBot,
  messagingApi,
}) => {
  await api.pointAt(channel.id, demoBot);
  await messagingApi.goto();
  const url = await messagingApi.shownWebhookUrl.textContent();
  const edit = page.getByRole("button", { name: "Edit", exact: true });

  // Escape: the field goes, the URL is as it was, focus is on Edit again.
  await edit.focus();
  await page.keyboard.press("Enter");
  await expect(messagingApi.webhookUrlField).toBeFocused();
  await page.keyboard.type("/changed");
  await page.keyboard.press("Escape");
  await expect(messagingApi.webhookUrlField).toBeHidden();
  await expect(messagingApi.shownWebhookUrl).toHaveText(url ?? "");
  await expect(edit).toBeFocused();

  // Enter saves, and focus comes back to Edit.
  await page.keyboard.press("Enter");
  await messagingApi.webhookUrlField.fill(`${url}?v=2`);
  await page.keyboard.press("Enter");
  await expect(messagingApi.shownWebhookUrl).toHaveText(`${url}?v=2`);
  await expect(edit).toBeFocused();

  // Verify: the result appears and focus stays on the button.
  await tabTo(page, messagingApi.verifyButton);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Success (200)")).toBeVisible();
  await expect(messagingApi.verifyButton).toBeFocused();

  // An edit in place of another kind (the channel name, on Basic settings) does the same.
  await page.goto(`/console/channel/${channel.id}/basics`);
  const editName = page.getByRole("button", { name: "Edit channel name" });
  await editName.focus();
  await page.keyboard.press("Enter");
  const name = page.getByRole("textbox", { name: "Channel name" });
  await expect(name).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(name).toBeHidden();
  await expect(editName).toBeFocused();
  await page.keyboard.press("Enter");
  await name.fill("Renamed by keyboard");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Renamed by keyboard" })).toBeVisible();
  await expect(editName).toBeFocused();
});
