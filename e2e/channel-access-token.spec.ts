import { expect, test } from "./fixtures";

const TOKEN = /^[A-Za-z0-9+/]{171}=$/;

test("a long-lived channel access token is shown once, and reissuing asks first", async ({
  page,
  context,
  api,
  baseURL,
  messagingApi,
}) => {
  const channelId = messagingApi.channelId;
  // With a URL set, LINE's GET endpoint answers 200 to a working token (404 without one).
  await api.updateChannel(channelId, { webhookUrl: "https://bot.example.com/hook" });
  await messagingApi.goto();
  const card = messagingApi.accessTokenCard;
  const token = messagingApi.accessToken;
  const status = messagingApi.accessTokenStatus;
  await expect(status).toHaveText("Not issued");
  await expect(token).toBeHidden();

  // Issue: no confirmation needed while there is no token to lose.
  await card.getByRole("button", { name: "Issue", exact: true }).click();
  await expect(token).toHaveText(TOKEN);
  await expect(card.getByText("it will not be shown again")).toBeVisible();
  await expect(status).toHaveText(/^Issued \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC\+9\)$/);
  const first = (await token.textContent()) ?? "";
  expect((await api.getAccessTokenStatus(channelId)).issued).toBe(true);

  // Copy puts it on the clipboard.
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await card.getByRole("button", { name: "Copy" }).click();
  await expect(card.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

  // It is shown once: after a reload only the issue time remains.
  await page.reload();
  await expect(status).toHaveText(/^Issued /);
  await expect(token).toBeHidden();
  expect(await page.content()).not.toContain(first);

  // Reissue asks first; Cancel keeps the token.
  const dialog = messagingApi.reissueAccessTokenDialog;
  await card.getByRole("button", { name: "Reissue" }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("stops working");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(token).toBeHidden();
  const endpoint = "/v2/bot/channel/webhook/endpoint";
  const withFirst = { headers: { authorization: `Bearer ${first}` } };
  expect((await page.request.get(endpoint, withFirst)).status()).toBe(200);

  // Confirming shows a new token, and the old one stops working.
  await card.getByRole("button", { name: "Reissue" }).click();
  await dialog.getByRole("button", { name: "Reissue" }).click();
  await expect(dialog).toBeHidden();
  await expect(token).toHaveText(TOKEN);
  const second = (await token.textContent()) ?? "";
  expect(second).not.toBe(first);
  expect((await page.request.get(endpoint, withFirst)).status()).toBe(401);
  const withSecond = { headers: { authorization: `Bearer ${second}` } };
  expect((await page.request.get(endpoint, withSecond)).status()).toBe(200);

  // Reissued with the current token kept for an hour: both work, and the page says until when.
  await card.getByRole("button", { name: "Reissue" }).click();
  await dialog.getByLabel("The current token keeps working").selectOption({ label: "For 1 hour" });
  await dialog.getByRole("button", { name: "Reissue" }).click();
  await expect(token).not.toHaveText(second);
  const third = (await token.textContent()) ?? "";
  await expect(page.getByTestId("old-access-token")).toHaveText(
    /^The previous token keeps working until \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC\+9\)\.$/,
  );
  expect((await page.request.get(endpoint, withSecond)).status()).toBe(200);
  const withThird = { headers: { authorization: `Bearer ${third}` } };
  expect((await page.request.get(endpoint, withThird)).status()).toBe(200);
  expect((await page.request.get(endpoint, withFirst)).status()).toBe(401);
});
