import { expect, test } from "./fixtures";

const HEX_32 = /^[0-9a-f]{32}$/;

test("the channel secret is masked, can be revealed, and reissuing replaces it", async ({
  page,
  api,
  freshChannel,
}) => {
  const channelId = freshChannel.channel.id;
  await page.goto(`/console/channel/${channelId}/basics`);
  await expect(page.getByRole("heading", { name: "Basic settings" })).toBeVisible();
  await expect(page.getByText(channelId, { exact: true })).toBeVisible();

  const secret = page.getByTestId("channel-secret");
  await expect(secret).toHaveText("•".repeat(32));

  await page.getByRole("button", { name: "Show" }).click();
  await expect(secret).toHaveText(HEX_32);
  const original = (await secret.textContent()) ?? "";
  expect(original).toBe(await api.getChannelSecret(channelId));

  await page.getByRole("button", { name: "Hide" }).click();
  await expect(secret).toHaveText("•".repeat(32));

  // Cancel keeps the secret.
  const dialog = page.getByRole("dialog", { name: "Reissue the channel secret?" });
  await page.getByRole("button", { name: "Issue" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await api.getChannelSecret(channelId)).toBe(original);

  // Reissue replaces it and shows the new one at once.
  await page.getByRole("button", { name: "Issue" }).click();
  await dialog.getByRole("button", { name: "Reissue" }).click();
  await expect(dialog).toBeHidden();
  await expect(secret).toHaveText(HEX_32);
  await expect(secret).not.toHaveText(original);
  const reissued = (await secret.textContent()) ?? "";
  expect(await api.getChannelSecret(channelId)).toBe(reissued);

  // After a reload it is masked again, and revealing shows the new secret.
  await page.reload();
  await expect(secret).toHaveText("•".repeat(32));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(secret).toHaveText(reissued);

  // The secret never travels with the channel resource.
  expect(JSON.stringify(await api.getChannel(channelId))).not.toContain(reissued);
});
