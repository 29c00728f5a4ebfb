import type { DemoBot } from "../../lib/dev/demo-bot/demo-bot";
import type { ConsoleApi, QueuedWebhook } from "./console-api";

/**
 * Points the channel at the demo bot and sends two webhooks: one it accepts, then (in mode
 * error500) one it answers with 500. Resolves with the accepted one once both are recorded.
 */
export async function sendSuccessThen500(
  api: ConsoleApi,
  channelId: string,
  demoBot: DemoBot,
): Promise<QueuedWebhook> {
  await api.pointAt(channelId, demoBot);
  const ok = await api.sendText(channelId, "fine");
  await api.waitForDeliveries(channelId, 1);
  demoBot.setMode("error500");
  await api.sendText(channelId, "broken");
  await api.waitForDeliveries(channelId, 2);
  return ok;
}
