import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { openChannelSecret } from "./channel-secret";
import { toChannelView } from "./channel-view";
import { findChannelOrThrow } from "./find-channel";

export async function getChannel(db: Db, channelId: string) {
  return toChannelView(await findChannelOrThrow(db, channelId));
}

/** The channel secret, for the console's own code (tests, the demo bot). */
export async function getChannelSecret(db: Db, channelId: string) {
  const channel = await findChannelOrThrow(db, channelId);
  return { channelSecret: openChannelSecret(channel) };
}

/** The channel secret, for the Basic settings tab's reveal button; each reveal is logged. */
export async function revealChannelSecret(db: Db, channelId: string, actor: string) {
  const channel = await findChannelOrThrow(db, channelId);
  const channelSecret = openChannelSecret(channel);
  await recordAudit(db, {
    providerId: channel.providerId,
    channelId,
    actor,
    action: "channel_secret.revealed",
  });
  return { channelSecret };
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
