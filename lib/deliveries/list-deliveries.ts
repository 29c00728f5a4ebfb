import "server-only";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db, Prisma } from "../db/client";
import { InvalidInputError } from "../errors";
import type { DeliveryResult } from "../shared/delivery-filters";

/** Which attempts to list; every filter given must hold (AND). */
export interface DeliveryFilters {
  /**
   * success / failed: the attempt's own outcome. given_up / pending_redelivery: attempts of
   * webhooks whose redelivery stopped, or that are waiting to be sent again.
   */
  result?: DeliveryResult;
  /** LINE's reason and detail, as the error statistics name them. */
  reason?: string;
  detail?: string;
  /** The HTTP status the bot answered (0: no answer). */
  statusCode?: number;
  /** attemptedAt ≥ from and < to. */
  from?: Date;
  to?: Date;
  /** First sends or redeliveries only. */
  redelivery?: boolean;
  /** Attempts counted in the error statistics (what a statistics row counts). */
  counted?: boolean;
  /** Attempts whose webhook carried this webhookEventId. */
  webhookEventId?: string;
}

export interface ListDeliveriesOptions extends DeliveryFilters {
  /** How many attempts, newest first. */
  limit: number;
  /** An attempt id: list attempts older than it (the previous page's `nextBefore`). */
  before?: string;
}

function whereOf(channelId: string, query: ListDeliveriesOptions) {
  const where = deliveryAttemptWhere(channelId, query);
  if (query.before) where.id = { lt: query.before };
  return where;
}

/**
 * The attempts the filters select (all but `webhookEventId`, which names a webhook: see
 * webhookCarrying); InvalidInputError when `to` is not after `from`. The replay by filter selects
 * its webhooks with it too (lib/replay/).
 */
export function deliveryAttemptWhere(
  channelId: string,
  query: DeliveryFilters,
): Prisma.DeliveryAttemptWhereInput {
  if (query.from && query.to && query.from >= query.to) {
    throw InvalidInputError.of("to", "must be after from");
  }
  const where: Prisma.DeliveryAttemptWhereInput = { channelId };
  if (query.result === "success") where.success = true;
  if (query.result === "failed") where.success = false;
  if (query.result === "given_up") where.webhook = { status: "given_up" };
  // A redelivery is due: pending again after at least one attempt.
  if (query.result === "pending_redelivery") {
    where.webhook = { status: { in: ["pending", "sending"] }, attemptCount: { gt: 0 } };
  }
  if (query.reason !== undefined) where.reason = query.reason;
  if (query.detail !== undefined) where.detail = query.detail;
  if (query.statusCode !== undefined) where.statusCode = query.statusCode;
  if (query.from || query.to) {
    where.attemptedAt = {
      ...(query.from ? { gte: query.from } : {}),
      ...(query.to ? { lt: query.to } : {}),
    };
  }
  if (query.redelivery !== undefined) where.isRedelivery = query.redelivery;
  if (query.counted !== undefined) where.counted = query.counted;
  return where;
}

/**
 * The webhook that carried an event, through the event index (one row per event): every attempt
 * of that webhook sent the event, and no other attempt did.
 */
export async function webhookCarrying(db: Db, webhookEventId: string): Promise<string | null> {
  const row = await db.webhookEvent.findUnique({ where: { webhookEventId } });
  return row?.webhookId ?? null;
}

/** Delivery attempts of a channel, newest first, filtered; `nextBefore` continues the list. */
export async function listDeliveries(db: Db, channelId: string, query: ListDeliveriesOptions) {
  await findChannelOrThrow(db, channelId);
  const where = whereOf(channelId, query);
  if (query.webhookEventId) {
    const webhookId = await webhookCarrying(db, query.webhookEventId);
    if (!webhookId) return { deliveries: [], nextBefore: null };
    // Another channel's webhook matches nothing here: the channel is part of `where`.
    where.webhookId = webhookId;
  }
  const rows = await db.deliveryAttempt.findMany({
    where,
    orderBy: { id: "desc" },
    take: query.limit,
    include: { webhook: { select: { status: true, attemptCount: true } } },
  });
  const deliveries = rows.map((row) => ({
    id: row.id,
    webhookId: row.webhookId,
    attemptedAt: row.attemptedAt.toISOString(),
    url: row.url,
    webhookEventIds: JSON.parse(row.eventIds) as string[],
    attemptNumber: row.attemptNumber,
    isRedelivery: row.isRedelivery,
    success: row.success,
    reason: row.reason,
    detail: row.detail,
    statusCode: row.statusCode,
    latencyMs: row.latencyMs,
    protocol: row.protocol,
    error: row.error,
    counted: row.counted,
    /** The webhook's state now: delivered, failed, given_up, pending (a redelivery due), ... */
    webhookStatus: row.webhook.status,
    /** How many attempts the webhook has had: pending after one, it waits for a redelivery. */
    webhookAttemptCount: row.webhook.attemptCount,
  }));
  const last = deliveries.at(-1);
  return { deliveries, nextBefore: deliveries.length === query.limit && last ? last.id : null };
}
