import "server-only";
import { createChannel } from "../../channels/create-channel";
import { updateChannel } from "../../channels/update-channel";
import type { Db } from "../../db/client";
import { createProvider } from "../../providers/create-provider";

export const DEMO_PROVIDER_NAME = "Demo provider";
export const DEMO_CHANNEL_NAME = "Demo bot";

/**
 * Gives a fresh console something to look at: one provider with one Messaging API channel.
 * With `demoBotUrl`, the channel sends its webhooks to the bundled demo bot; with `adminUserId`,
 * that operator is the provider's Admin. Does nothing once
 * any provider exists, so restarts never duplicate it or undo edits.
 */
export async function seedDemo(
  db: Db,
  options: { demoBotUrl?: string; adminUserId?: string } = {},
): Promise<{ providerId: string; channelId: string } | null> {
  if ((await db.provider.count()) > 0) return null;
  const provider = await createProvider(
    db,
    { name: DEMO_PROVIDER_NAME },
    "demo seed",
    options.adminUserId,
  );
  const channel = await createChannel(
    db,
    provider.id,
    {
      name: DEMO_CHANNEL_NAME,
      description: "Seeded by npm start.",
    },
    "demo seed",
  );
  if (options.demoBotUrl) {
    // Point the demo channel at the bundled demo bot, with webhooks and statistics on, so the
    // first thing a newcomer sees is real deliveries.
    await updateChannel(
      db,
      channel.id,
      {
        webhookUrl: options.demoBotUrl,
        useWebhook: true,
        errorStatisticsAggregation: true,
      },
      "demo seed",
    );
  }
  return { providerId: provider.id, channelId: channel.id };
}

/** The seeded demo channel, while a provider and channel of the demo's names exist. */
export async function findDemoChannel(db: Db): Promise<string | null> {
  const channel = await db.channel.findFirst({
    where: { name: DEMO_CHANNEL_NAME, provider: { name: DEMO_PROVIDER_NAME } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return channel?.id ?? null;
}
