import "server-only";
import { recordAudit } from "../audit/record-audit";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db } from "../db/client";
import { newUlid } from "../ids/new-ulid";
import { generateAccessToken, hashAccessToken } from "./access-token-credentials";

/**
 * Issues a long-lived channel access token and revokes every earlier one of the channel, in one
 * transaction. The token is returned here and only here: the database keeps its hash.
 */
export async function issueChannelAccessToken(db: Db, channelId: string, actor: string) {
  const accessToken = generateAccessToken();
  const issued = await db.$transaction(async (tx) => {
    const channel = await findChannelOrThrow(tx, channelId);
    const now = new Date();
    const revoked = await tx.channelAccessToken.updateMany({
      where: { channelId, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordAudit(tx, {
      providerId: channel.providerId,
      channelId,
      actor,
      action: "access_token.issued",
      detail: { revokedEarlier: revoked.count > 0 },
    });
    return tx.channelAccessToken.create({
      data: {
        id: newUlid(),
        channelId,
        tokenHash: hashAccessToken(accessToken),
        createdAt: now,
      },
    });
  });
  return { accessToken, issuedAt: issued.createdAt.toISOString() };
}
