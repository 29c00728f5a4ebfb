// Pausing a failing bot's sending, in the Messaging API tab: the rule is set there, a paused
// channel says since when and shows its last errors, events sent meanwhile are kept, and Resume
// sends them all. (The rule's own timing, on both databases: lib/channels/pause-sending.int.test.ts.)
import { expect, test } from "./fixtures";

test("the Messaging API tab sets the pause rule, shows a paused channel and resumes it", async ({
  page,
  api,
  freshChannel: { channel },
  demoBot,
}) => {
  await api.pointAt(channel.id, demoBot);
  demoBot.setMode("error500");
  await api.sendText(channel.id, "failing 1");
  await api.sendText(channel.id, "failing 2");
  await api.waitForDeliveries(channel.id, 2);

  await page.goto(`/console/channel/${channel.id}/messaging-api`);
  await expect(page.getByText("Off: every event is sent, however long")).toBeVisible();
  await page.getByRole("switch", { name: "Pause when failing" }).click();
  await page.getByLabel("Minutes of failures").fill("5");
  await page.getByLabel("At least this many failed attempts").fill("3");
  await page.getByRole("button", { name: "Save rule" }).click();
  await expect(
    page.getByText("Pauses when every attempt has failed for 5 minutes (at least 3 attempts)."),
  ).toBeVisible();
  expect((await api.getChannel(channel.id)).pauseRule).toEqual({ minutes: 5, attempts: 3 });

  await api.pauseSending(channel.id);
  demoBot.setMode("ok");
  for (let i = 1; i <= 3; i++) await api.sendText(channel.id, `kept ${i}`);
  await page.reload();
  const paused = page.getByRole("region", { name: "Sending is paused" });
  await expect(paused).toBeVisible();
  await expect(paused.getByTestId("paused-last-error")).toHaveCount(2);
  await expect(paused.getByTestId("paused-last-error").first()).toContainText(
    "error_status_code / 500",
  );
  // Kept, not sent: the bot saw only the two failures.
  expect((await api.deliveries(channel.id)).deliveries).toHaveLength(2);

  await paused.getByLabel("Send the kept webhooks at").selectOption("50");
  await paused.getByRole("button", { name: "Resume sending" }).click();
  await expect(
    page.getByText("Sending resumed: 3 kept webhooks are being sent, oldest first."),
  ).toBeVisible();
  await expect(paused).toBeHidden();
  await api.waitForDeliveries(channel.id, 5);
});
