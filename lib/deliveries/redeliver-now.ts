import "server-only";
import { recordAudit } from "../audit/record-audit";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db } from "../db/client";
import { ConflictError, NotFoundError } from "../errors";
import {
  canRedeliverNow,
  isWaitingForRedelivery,
  REDELIVERABLE_STATUSES,
} from "../shared/redeliver-now";

const STATUS_WORDS: Readonly<Record<string, string>> = {
  pending: "waiting for its first send",
  sending: "being sent",
  delivered: "delivered",
  cancelled: "cancelled",
};

/**
 * An operator's "Redeliver now": queues failed or given-up webhooks of a channel to be sent once
 * more, at once, as a redelivery (`deliveryContext.isRedelivery: true`). All of them or none:
 * an unknown id is a 404 and a webhook in another state a 409, and nothing changes. The attempt
 * is made and recorded like any other (counted in statistics the same way); if it fails too, the
 * webhook goes back to failed or given up, without automatic redeliveries after it
 * (redelivery-policy.ts). A webhook waiting for its next automatic redelivery (Webhook
 * redelivery on) is sent at once as that redelivery: the schedule then goes on from its outcome,
 * as after any automatic one. Needs Use webhook on and a URL, as every send does.
 */
export async function redeliverNow(
  db: Db,
  channelId: string,
  webhookIds: readonly string[],
  actor: string,
): Promise<{ webhookIds: string[] }> {
  const ids = [...new Set(webhookIds)];
  return db.$transaction(async (tx) => {
    const channel = await findChannelOrThrow(tx, channelId);
    if (!channel.useWebhook || !channel.webhookUrl) {
      throw new ConflictError(
        "useWebhook",
        "Redeliver now needs Use webhook on and a webhook URL set for this channel",
      );
    }
    const rows = await tx.webhook.findMany({
      where: { id: { in: ids }, channelId },
      select: { id: true, status: true, attemptCount: true },
    });
    const status = new Map(rows.map((row) => [row.id, row.status]));
    // Another channel's webhook is as unknown here as an id that never existed.
    const unknown = ids.find((id) => !status.has(id));
    if (unknown) throw new NotFoundError("Webhook", unknown);
    const busy = rows.find((row) => !canRedeliverNow(row));
    if (busy) throw notRedeliverable(busy.id, busy.status);
    const now = new Date();
    for (const from of REDELIVERABLE_STATUSES) {
      const group = rows.filter((row) => row.status === from).map((row) => row.id);
      if (group.length === 0) continue;
      // The status is checked again as the rows are written: a second "Redeliver now" of the
      // same webhook at the same moment finds it pending and changes nothing.
      const { count } = await tx.webhook.updateMany({
        where: { id: { in: group }, status: from },
        data: { status: "pending", nextAttemptAt: now, manualRedeliveryFrom: from },
      });
      if (count !== group.length) throw justChanged();
    }
    const waiting = rows.filter(isWaitingForRedelivery).map((row) => row.id);
    if (waiting.length > 0) {
      // Due now instead of later. Not a manual attempt: the schedule goes on after it. A webhook
      // already queued by an operator (manualRedeliveryFrom set) was just redelivered now.
      const { count } = await tx.webhook.updateMany({
        where: {
          id: { in: waiting },
          status: "pending",
          attemptCount: { gt: 0 },
          manualRedeliveryFrom: null,
        },
        data: { nextAttemptAt: now },
      });
      if (count !== waiting.length) throw justChanged();
    }
    await recordAudit(tx, {
      providerId: channel.providerId,
      channelId,
      actor,
      action: "webhooks.redelivered_now",
      detail: { count: ids.length, webhookIds: ids.join(" ") },
    });
    return { webhookIds: ids };
  });
}

function notRedeliverable(id: string, status: string): ConflictError {
  return new ConflictError(
    "webhookIds",
    `Webhook ${JSON.stringify(id)} is ${STATUS_WORDS[status] ?? status}: only failed or given-up webhooks, or ones waiting for a redelivery, can be redelivered now`,
  );
}

function justChanged(): ConflictError {
  return new ConflictError("webhookIds", "Some of these webhooks were just changed; reload");
}
