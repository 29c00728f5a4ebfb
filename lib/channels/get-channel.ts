import "server-only";
import type { Db } from "../db/client";
import { openChannelSecret } from "./channel-secret";
import { toChannelView } from "./channel-view";
import { findChannelOrThrow } from "./find-channel";

export async function getChannel(db: Db, channelId: string) {
  return toChannelView(await findChannelOrThrow(db, channelId));
}

/** The channel secret, for the Basic settings tab's reveal button. */
export async function getChannelSecret(db: Db, channelId: string) {
  const channel = await findChannelOrThrow(db, channelId);
  return { channelSecret: openChannelSecret(channel) };
}

/** The channel with its provider's name, for the breadcrumb of the channel pages. */
export async function getChannelWithProvider(db: Db, channelId: string) {
  const channel = await findChannelOrThrow(db, channelId);
  const provider = await db.provider.findUniqueOrThrow({
    where: { id: channel.providerId },
    select: { id: true, name: true },
  });
  return { channel: toChannelView(channel), provider };
}
