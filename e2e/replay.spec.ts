// Replay by filter in the Deliveries tab: the dry run counts, the replay sends each matching
// webhook once more as a redelivery, and its progress shows until it is done.
import { expect, test } from "./fixtures";

test("the Deliveries tab counts the webhooks a filter selects and replays them", async ({
  page,
  api,
  freshChannel: { channel },
  demoBot,
}) => {
  await api.pointAt(channel.id, demoBot);
  demoBot.setMode("error500");
  for (let i = 1; i <= 3; i++) await api.sendText(channel.id, `failing ${i}`);
  await api.waitForDeliveries(channel.id, 3);
  demoBot.setMode("ok");
  await api.sendText(channel.id, "fine");
  await api.waitForDeliveries(channel.id, 4);

  await page.goto(`/console/channel/${channel.id}/deliveries?result=failed`);
  const replay = page.locator("section", {
    has: page.getByRole("heading", { name: "Replay by filter" }),
  });
  await replay.getByRole("button", { name: "Count matching webhooks" }).click();
  await expect(replay.getByTestId("replay-count")).toHaveText(
    "3 failed webhooks and 0 given up match these filters.",
  );
  await replay.getByLabel("Send at most").selectOption("10");
  await replay.getByRole("button", { name: "Replay 3 webhooks" }).click();
  const job = replay.getByTestId("replay-job");
  await expect(job).toHaveCount(1);
  await expect(job).toContainText("result=failed");
  await expect(job).toContainText("Done", { timeout: 15_000 });
  await expect(job).toContainText("3 of 3 queued");
  await expect(job).toContainText("3 sent, 0 failed again", { timeout: 15_000 });

  const deliveries = await api.waitForDeliveries(channel.id, 7);
  const redelivered = deliveries.filter((delivery) => delivery.isRedelivery);
  expect(redelivered).toHaveLength(3);
  expect(redelivered.every((delivery) => delivery.success)).toBe(true);

  // Nothing failed is left; the delivered ones are offered only as an explicit choice.
  await page.goto(`/console/channel/${channel.id}/deliveries`);
  await replay.getByRole("button", { name: "Count matching webhooks" }).click();
  await expect(replay.getByTestId("replay-count")).toHaveText(
    "0 failed webhooks and 0 given up match these filters.",
  );
  await expect(replay.getByRole("button", { name: "Replay 0 webhooks" })).toBeDisabled();
  await replay.getByLabel(/Also resend 4 webhooks that were delivered/).check();
  await expect(replay.getByRole("button", { name: "Replay 4 webhooks" })).toBeEnabled();
});
