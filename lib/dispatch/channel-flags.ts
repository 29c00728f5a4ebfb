import "server-only";
import { Prisma, type SqlRunner } from "../db/client";

/** What the recorder decides per channel, for a channel that has Use webhook on. */
export interface WebhookChannelFlags {
  /** Error statistics aggregation: its failures count in the error statistics. */
  aggregating: boolean;
  /** Error notification: its failures and stopped redeliveries are emailed (ADR 20). */
  notifying: boolean;
}

/**
 * Of these channels, those that have Use webhook on now, in the caller's transaction, with the
 * settings that apply only then: one query serves every decision the recorder makes per flush
 * (the latency histograms count every attempt of these channels).
 */
export async function channelsUsingWebhook(
  db: SqlRunner,
  channelIds: readonly string[],
): Promise<Map<string, WebhookChannelFlags>> {
  if (channelIds.length === 0) return new Map();
  const rows = await db.$queryRaw<
    {
      id: string;
      errorStatisticsAggregation: boolean | number;
      errorNotification: boolean | number;
    }[]
  >`
    SELECT "id", "errorStatisticsAggregation", "errorNotification" FROM "Channel"
    WHERE "id" IN (${Prisma.join(channelIds)}) AND "useWebhook" = ${true}`;
  // SQLite answers booleans as 0 and 1.
  return new Map(
    rows.map((row) => [
      row.id,
      {
        aggregating: Boolean(row.errorStatisticsAggregation),
        notifying: Boolean(row.errorNotification),
      },
    ]),
  );
}
