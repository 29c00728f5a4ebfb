import { isoToUtc9Input } from "../components/statistics/utc9-input";
import { expect, test } from "./fixtures";

const HEX_32 = /^[0-9a-f]{32}$/;

test("the channel secret is masked, can be revealed, and reissuing replaces it", async ({
  page,
  api,
  basicSettings,
}) => {
  const channelId = basicSettings.channelId;
  await basicSettings.goto();
  await expect(page.getByText(channelId, { exact: true })).toBeVisible();

  const secret = basicSettings.channelSecret;
  await expect(secret).toHaveText("•".repeat(32));

  await basicSettings.showSecretButton.click();
  await expect(secret).toHaveText(HEX_32);
  const original = (await secret.textContent()) ?? "";
  expect(original).toBe(await api.getChannelSecret(channelId));

  await basicSettings.hideSecretButton.click();
  await expect(secret).toHaveText("•".repeat(32));

  // Cancel keeps the secret.
  const dialog = basicSettings.reissueSecretDialog;
  await basicSettings.issueSecretButton.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await api.getChannelSecret(channelId)).toBe(original);

  // Reissue replaces it and shows the new one at once.
  await basicSettings.issueSecretButton.click();
  await dialog.getByRole("button", { name: "Reissue" }).click();
  await expect(dialog).toBeHidden();
  await expect(secret).toHaveText(HEX_32);
  await expect(secret).not.toHaveText(original);
  const reissued = (await secret.textContent()) ?? "";
  expect(await api.getChannelSecret(channelId)).toBe(reissued);

  // After a reload it is masked again, and revealing shows the new secret.
  await page.reload();
  await expect(secret).toHaveText("•".repeat(32));
  await basicSettings.showSecretButton.click();
  await expect(secret).toHaveText(reissued);

  // The secret never travels with the channel resource.
  expect(JSON.stringify(await api.getChannel(channelId))).not.toContain(reissued);

  // Reissued for an hour from now: the current secret still signs, and the page shows the new
  // one with the time it takes over (UTC+9) and the minutes left.
  const inAnHour = isoToUtc9Input(new Date(Date.now() + 3_600_000).toISOString());
  await basicSettings.issueSecretButton.click();
  await dialog.getByLabel("At a time I choose").check();
  await dialog.getByRole("button", { name: "Reissue" }).click();
  await expect(dialog.getByText("Choose when the new secret takes over.")).toBeVisible();
  await dialog.getByLabel("From (UTC+9)").fill(inAnHour);
  await dialog.getByRole("button", { name: "Reissue" }).click();
  await expect(dialog).toBeHidden();
  await expect(secret).toHaveText(reissued);
  const scheduled = page.getByTestId("scheduled-channel-secret");
  await expect(scheduled).toContainText(
    `signing webhooks from ${inAnHour.replace("T", " ")}:00 (UTC+9), in `,
  );
  await expect(scheduled).toContainText(/in (59|60) minutes/);
  await expect(scheduled.locator("code")).toHaveText(HEX_32);
  await expect(scheduled.locator("code")).not.toHaveText(reissued);
  expect(await api.getChannelSecret(channelId)).toBe(reissued);
});
