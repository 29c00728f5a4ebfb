import "server-only";
import type { Db, DbTransaction } from "../db/client";
import { NotFoundError } from "../errors";
import { NUMERIC_ID_PATTERN } from "./credentials";

/** The channel row (its secret sealed: see channel-secret.ts) or NotFoundError; malformed ids are simply unknown. */
export async function findChannelOrThrow(db: Db | DbTransaction, channelId: string) {
  const channel = NUMERIC_ID_PATTERN.test(channelId)
    ? await db.channel.findUnique({ where: { id: channelId } })
    : null;
  if (!channel) throw new NotFoundError("Channel", channelId);
  return channel;
}
