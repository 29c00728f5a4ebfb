import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { sealChannelSecret } from "./channel-secret";
import { generateChannelSecret } from "./credentials";
import { findChannelOrThrow } from "./find-channel";

/** Replaces the channel secret; webhooks are signed with the new one from now on. */
export async function reissueChannelSecret(db: Db, channelId: string, actor: string) {
  const channelSecret = generateChannelSecret();
  await db.$transaction(async (tx) => {
    const channel = await findChannelOrThrow(tx, channelId);
    await tx.channel.update({
      where: { id: channelId },
      data: { channelSecret: sealChannelSecret(channelId, channelSecret) },
    });
    await recordAudit(tx, {
      providerId: channel.providerId,
      channelId,
      actor,
      action: "channel_secret.reissued",
    });
  });
  return { channelSecret };
}
