import "server-only";
import type { Db } from "../db/client";
import { sealChannelSecret } from "./channel-secret";
import { generateChannelSecret } from "./credentials";
import { findChannelOrThrow } from "./find-channel";

/** Replaces the channel secret; webhooks are signed with the new one from now on. */
export async function reissueChannelSecret(db: Db, channelId: string) {
  await findChannelOrThrow(db, channelId);
  const channelSecret = generateChannelSecret();
  await db.channel.update({
    where: { id: channelId },
    data: { channelSecret: sealChannelSecret(channelId, channelSecret) },
  });
  return { channelSecret };
}
