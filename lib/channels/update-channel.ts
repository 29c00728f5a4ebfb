import "server-only";
import type { Db } from "../db/client";
import { ConflictError } from "../errors";
import type { UpdateChannelInput } from "./channel-input";
import { toChannelView } from "./channel-view";
import { findChannelOrThrow } from "./find-channel";

/**
 * Applies a partial settings change. Like LINE's console, Error statistics aggregation can only
 * be switched while Use webhook is on (in the resulting state), so the check and the write share
 * one transaction: a concurrent "Use webhook off" cannot slip between them.
 */
export async function updateChannel(db: Db, channelId: string, input: UpdateChannelInput) {
  const updated = await db.$transaction(async (tx) => {
    // Write first, to take the row's lock before reading the state the rule depends on: reads
    // do not wait for a concurrent update (PostgreSQL, READ COMMITTED), so without the lock a
    // "Use webhook off" committed in between would go unseen. Matches nothing for unknown ids.
    await tx.channel.updateMany({ where: { id: channelId }, data: { updatedAt: new Date() } });
    const current = await findChannelOrThrow(tx, channelId);
    const useWebhook = input.useWebhook ?? current.useWebhook;
    const aggregationChanges =
      input.errorStatisticsAggregation !== undefined &&
      input.errorStatisticsAggregation !== current.errorStatisticsAggregation;
    if (aggregationChanges && !useWebhook) {
      throw new ConflictError(
        "errorStatisticsAggregation",
        "Error statistics aggregation can only be changed while Use webhook is on",
      );
    }
    const updated = await tx.channel.update({ where: { id: channelId }, data: input });
    if (input.webhookRedelivery === false || input.useWebhook === false) {
      // Turning Webhook redelivery (or Use webhook) off cancels the redeliveries waiting.
      await tx.webhook.updateMany({
        where: { channelId, status: "pending", attemptCount: { gt: 0 } },
        data: { status: "cancelled" },
      });
    }
    return updated;
  });
  return toChannelView(updated);
}
