import "server-only";
import type { Db } from "../db/client";
import { withFreshId } from "../db/unique";
import { NotFoundError } from "../errors";
import type { CreateChannelInput } from "./channel-input";
import { toChannelView } from "./channel-view";
import {
  generateBotUserId,
  generateChannelSecret,
  generateNumericId,
  NUMERIC_ID_PATTERN,
} from "./credentials";

/** Creates a Messaging API channel under a provider, with fresh id, secret and bot user id. */
export async function createChannel(db: Db, providerId: string, input: CreateChannelInput) {
  const provider = NUMERIC_ID_PATTERN.test(providerId)
    ? await db.provider.findUnique({ where: { id: providerId }, select: { id: true } })
    : null;
  if (!provider) throw new NotFoundError("Provider", providerId);
  const channel = await withFreshId(() =>
    db.channel.create({
      data: {
        id: generateNumericId(),
        providerId,
        name: input.name,
        description: input.description ?? "",
        channelSecret: generateChannelSecret(),
        botUserId: generateBotUserId(),
      },
    }),
  );
  return toChannelView(channel);
}
