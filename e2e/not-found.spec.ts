import { expect, test } from "./fixtures";

// A well-formed id that no provider or channel has (ids are random 10-digit numbers, so a clash
// is a one-in-nine-billion event), and ids that cannot be ids at all.
const unknownPaths = [
  "/console/channel/1000000000",
  "/console/channel/1000000000/messaging-api",
  "/console/channel/1000000000/basics",
  "/console/channel/1000000000/statistics",
  "/console/channel/not-an-id/messaging-api",
  "/console/channel/012345678/basics",
  "/console/provider/1000000000",
  "/console/provider/abc",
];

for (const path of unknownPaths) {
  test(`${path} shows the 404 page with status 404`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Back to providers" }).click();
    await expect(page).toHaveURL("/console");
  });
}

test("an unknown webhook of a channel shows its own 404 inside the channel, with the way back", async ({
  page,
  freshChannel: { channel },
}) => {
  const response = await page.goto(
    `/console/channel/${channel.id}/deliveries/01JZZZZZZZZZZZZZZZZZZZZZZZ`,
  );
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: channel.name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Webhook not found" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Channel settings" });
  await expect(tabs.getByRole("link", { name: "Deliveries" })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await page.getByRole("link", { name: "Back to Deliveries" }).click();
  await expect(page).toHaveURL(`/console/channel/${channel.id}/deliveries`);
});
