import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { withFreshId } from "../db/unique";
import { NotFoundError } from "../errors";
import { isOperational } from "../shared/channel-kinds";
import type { CreateChannelInput } from "./channel-input";
import { sealChannelSecret } from "./channel-secret";
import { toChannelView } from "./channel-view";
import {
  generateBotUserId,
  generateNumericId,
  generateSecretFor,
  NUMERIC_ID_PATTERN,
} from "./credentials";

/**
 * Creates a Messaging API channel (or an operational webhook, ADR 33) under a provider, with
 * fresh id, secret and bot user id.
 */
export async function createChannel(
  db: Db,
  providerId: string,
  input: CreateChannelInput,
  actor: string,
) {
  const provider = NUMERIC_ID_PATTERN.test(providerId)
    ? await db.provider.findUnique({ where: { id: providerId }, select: { id: true } })
    : null;
  if (!provider) throw new NotFoundError("Provider", providerId);
  const kind = input.kind ?? "line";
  const channel = await withFreshId(() =>
    db.$transaction(async (tx) => {
      const id = generateNumericId();
      const created = await tx.channel.create({
        data: {
          id,
          providerId,
          name: input.name,
          description: input.description ?? "",
          // Sealed with the id as associated data: the id must be the row's.
          channelSecret: sealChannelSecret(id, generateSecretFor(kind)),
          botUserId: generateBotUserId(),
          kind,
          ...(isOperational(kind)
            ? {
                alertTypes: input.alertTypes ? JSON.stringify(input.alertTypes) : null,
                // An alert is retried as LINE redelivers, and its failures are counted.
                webhookRedelivery: true,
                errorStatisticsAggregation: true,
              }
            : {}),
        },
      });
      await recordAudit(tx, {
        providerId,
        channelId: id,
        actor,
        action: "channel.created",
        detail: { name: created.name, channelId: id, kind },
      });
      return created;
    }),
  );
  return toChannelView(channel);
}
