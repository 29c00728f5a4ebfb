import "server-only";
import { recordAudit } from "../audit/record-audit";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db } from "../db/client";
import { ConflictError } from "../errors";
import { newUlid } from "../ids/new-ulid";
import { isOperational } from "../shared/channel-kinds";
import { generateAccessToken, hashAccessToken } from "./access-token-credentials";

/**
 * Issues a long-lived channel access token; every earlier one of the channel stops working at
 * once, or `oldTokenValidMinutes` later (at most 24 hours: the new token and the old ones then
 * work side by side, and a running bot moves over without an outage). A reissue only ever brings
 * an old token's end closer. One transaction. The token is returned here and only here: the
 * database keeps its hash.
 */
export async function issueChannelAccessToken(
  db: Db,
  channelId: string,
  actor: string,
  {
    oldTokenValidMinutes = 0,
    now = new Date(),
  }: { oldTokenValidMinutes?: number; now?: Date } = {},
) {
  const accessToken = generateAccessToken();
  const until = new Date(now.getTime() + oldTokenValidMinutes * 60_000);
  const issued = await db.$transaction(async (tx) => {
    const channel = await findChannelOrThrow(tx, channelId);
    if (isOperational(channel.kind)) {
      throw new ConflictError("kind", "An operational webhook has no Messaging API, so no token");
    }
    const working = await tx.channelAccessToken.count({
      where: { channelId, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] },
    });
    // revokedAt is when a token stops working: set for those still without one, moved earlier
    // for those that would work longer.
    await tx.channelAccessToken.updateMany({
      where: { channelId, OR: [{ revokedAt: null }, { revokedAt: { gt: until } }] },
      data: { revokedAt: until },
    });
    await recordAudit(tx, {
      providerId: channel.providerId,
      channelId,
      actor,
      action: "access_token.issued",
      detail: {
        revokedEarlier: working > 0,
        ...(working > 0 && until > now ? { earlierValidUntil: until.toISOString() } : {}),
      },
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
  return {
    accessToken,
    issuedAt: issued.createdAt.toISOString(),
    /** Until when the earlier tokens still work; null: they stopped (or there were none). */
    oldTokensValidUntil: until > now ? until.toISOString() : null,
  };
}
