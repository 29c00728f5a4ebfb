import { z } from "zod";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db } from "../db/client";
import { blankAsAbsent } from "../http/parse";

export const listDeliveriesQuery = z.strictObject({
  limit: z.preprocess(
    blankAsAbsent,
    z.coerce
      .number({ error: "must be a number" })
      .int("must be an integer")
      .min(1, "must be at least 1")
      .max(200, "must be at most 200")
      .default(50),
  ),
  /** An attempt id (ULID): list attempts older than it, for paging. */
  before: z.preprocess(
    blankAsAbsent,
    z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be an attempt id from a previous page")
      .optional(),
  ),
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;

/** Delivery attempts of a channel, newest first; `nextBefore` continues the list. */
export async function listDeliveries(db: Db, channelId: string, query: ListDeliveriesQuery) {
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
