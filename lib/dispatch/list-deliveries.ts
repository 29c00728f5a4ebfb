import "server-only";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db } from "../db/client";

export interface ListDeliveriesOptions {
  /** How many attempts, newest first. */
  limit: number;
  /** An attempt id: list attempts older than it (the previous page's `nextBefore`). */
  before?: string;
}

/** Delivery attempts of a channel, newest first; `nextBefore` continues the list. */
export async function listDeliveries(db: Db, channelId: string, query: ListDeliveriesOptions) {
  await findChannelOrThrow(db, channelId);
  const rows = await db.deliveryAttempt.findMany({
    where: { channelId, ...(query.before ? { id: { lt: query.before } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit,
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
  }));
  const last = deliveries.at(-1);
  return { deliveries, nextBefore: deliveries.length === query.limit && last ? last.id : null };
}
