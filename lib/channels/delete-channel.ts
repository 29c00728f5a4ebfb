import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { findChannelOrThrow } from "./find-channel";

/**
 * Deletes a channel with its webhooks (so nothing more is sent: the dispatcher claims only
 * stored webhooks, and drops the outcome of one in flight), attempts, statistics and tokens, by
 * the database's cascades. The deletion stays in the provider's audit log.
 */
export async function deleteChannel(db: Db, channelId: string, actor: string) {
  await db.$transaction(async (tx) => {
    const channel = await findChannelOrThrow(tx, channelId);
    await tx.channel.delete({ where: { id: channelId } });
    await recordAudit(tx, {
      providerId: channel.providerId,
      channelId,
      actor,
      action: "channel.deleted",
      detail: { name: channel.name, channelId },
    });
  });
}
