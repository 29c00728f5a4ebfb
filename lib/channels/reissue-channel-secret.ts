import "server-only";
import type { Db } from "../db/client";
import { generateChannelSecret } from "./credentials";
import { findChannelOrThrow } from "./find-channel";

/** Replaces the channel secret; webhooks are signed with the new one from now on. */
export async function reissueChannelSecret(db: Db, channelId: string) {
  await findChannelOrThrow(db, channelId);
  const channel = await db.channel.update({
    where: { id: channelId },
    data: { channelSecret: generateChannelSecret() },
  });
  return { channelSecret: channel.channelSecret };
}
