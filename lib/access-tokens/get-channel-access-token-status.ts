import "server-only";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db } from "../db/client";

/** Whether the channel has a valid long-lived token, and since when; never the token itself. */
export async function getChannelAccessTokenStatus(db: Db, channelId: string) {
  await findChannelOrThrow(db, channelId);
  const current = await db.channelAccessToken.findFirst({
    where: { channelId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return { issued: current !== null, issuedAt: current?.createdAt.toISOString() ?? null };
}
