import type { DemoBot } from "../demo-bot/demo-bot";

/** What the mix needs of an API client: the e2e one (HTTP) or the in-process one. */
export interface DeliveryMixApi<Queued> {
  pointAt(channelId: string, target: DemoBot): Promise<unknown>;
  sendText(channelId: string, text: string): Promise<Queued>;
  waitForDeliveries(channelId: string, count: number): Promise<unknown>;
}

/**
 * Points the channel at the demo bot and sends two webhooks: one it accepts, then (in mode
 * error500) one it answers with 500. Resolves with the accepted one once both are recorded.
 */
export async function sendSuccessThen500<Queued>(
  api: DeliveryMixApi<Queued>,
  channelId: string,
  demoBot: DemoBot,
): Promise<Queued> {
  await api.pointAt(channelId, demoBot);
  const ok = await api.sendText(channelId, "fine");
  await api.waitForDeliveries(channelId, 1);
  demoBot.setMode("error500");
  await api.sendText(channelId, "broken");
  await api.waitForDeliveries(channelId, 2);
  return ok;
}
