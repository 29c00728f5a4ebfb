import "server-only";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db } from "../db/client";

/**
 * Whether the channel has a valid long-lived token, and since when; never the token itself. Also
 * until when an earlier token still works, after a reissue that gave it a grace period.
 */
export async function getChannelAccessTokenStatus(db: Db, channelId: string, now = new Date()) {
  await findChannelOrThrow(db, channelId);
  const [current, outgoing] = await Promise.all([
    db.channelAccessToken.findFirst({
      where: { channelId, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
    db.channelAccessToken.findFirst({
      where: { channelId, revokedAt: { gt: now } },
      orderBy: { revokedAt: "desc" },
      select: { revokedAt: true },
    }),
  ]);
  return {
    issued: current !== null,
    issuedAt: current?.createdAt.toISOString() ?? null,
    /** Until when an earlier token still works; null: none does. */
    oldTokensValidUntil: outgoing?.revokedAt?.toISOString() ?? null,
  };
}
