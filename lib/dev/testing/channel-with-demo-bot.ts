// A channel whose webhook URL points at a running demo bot, for integration tests.

import "server-only";
import type { UpdateChannelInput } from "../../channels/channel-input";
import { createChannel } from "../../channels/create-channel";
import { getChannelSecret } from "../../channels/get-channel";
import { updateChannel } from "../../channels/update-channel";
import type { Db } from "../../db/client";
import { createProvider } from "../../providers/create-provider";
import { type DemoBot, startDemoBot } from "../demo-bot/demo-bot";
import type { DemoBotMode } from "../demo-bot/modes";

/**
 * Creates a provider and channel, starts a demo bot (checking signatures with the channel's
 * current secret) in `mode`, and sets the webhook URL with Use webhook on plus `settings`.
 * The bot's close() is handed to `onCleanup`.
 */
export async function channelWithDemoBot(
  db: Db,
  {
    mode = "ok",
    settings = {},
    onCleanup,
  }: {
    mode?: DemoBotMode;
    settings?: UpdateChannelInput;
    onCleanup: (close: () => Promise<void>) => void;
  },
) {
  const owner = await createProvider(db, { name: "Test provider" }, "tester@example.com");
  const channel = await createChannel(
    db,
    owner.id,
    { name: `Bot (${mode})` },
    "tester@example.com",
  );
  const bot: DemoBot = await startDemoBot({
    port: 0,
    initialMode: mode,
    channelSecret: async () => (await getChannelSecret(db, channel.id)).channelSecret,
  });
  onCleanup(() => bot.close());
  await updateChannel(
    db,
    channel.id,
    {
      webhookUrl: `${bot.url}/webhook`,
      useWebhook: true,
      ...settings,
    },
    "tester@example.com",
  );
  return { channel, bot };
}
