import "server-only";
import type { Db, DbTransaction, Prisma } from "../db/client";
import {
  type DeliveryFilters,
  deliveryAttemptWhere,
  webhookCarrying,
} from "../deliveries/list-deliveries";

/** The states a replay resends: failed and given up, and delivered only when asked. */
export const RESENT_STATES = ["failed", "given_up"] as const;
export type ResentState = (typeof RESENT_STATES)[number] | "delivered";

export function resentStates(includeDelivered: boolean): ResentState[] {
  return includeDelivered ? [...RESENT_STATES, "delivered"] : [...RESENT_STATES];
}

/**
 * The channel's webhooks a replay of `filters` sends: those in one of `states` with at least one
 * attempt the filters select (the explorer lists attempts; a replay sends their webhooks, each
 * once). Null when the filters name an event no webhook of the channel carried.
 */
export async function replayedWebhooksWhere(
  db: Db | DbTransaction,
  channelId: string,
  filters: DeliveryFilters,
  states: readonly ResentState[],
): Promise<Prisma.WebhookWhereInput | null> {
  const { webhookEventId, ...attemptFilters } = filters;
  const where: Prisma.WebhookWhereInput = {
    channelId,
    status: { in: [...states] },
    attempts: { some: deliveryAttemptWhere(channelId, attemptFilters) },
  };
  if (webhookEventId) {
    const webhookId = await webhookCarrying(db as Db, webhookEventId);
    if (!webhookId) return null;
    where.id = webhookId;
  }
  return where;
}

/** Filters as stored with a job (JSON: instants as ISO text) and read back. */
export function storedFilters(filters: DeliveryFilters): string {
  return JSON.stringify(filters);
}

export function parseStoredFilters(text: string): DeliveryFilters {
  const raw = JSON.parse(text) as DeliveryFilters & { from?: string; to?: string };
  return {
    ...raw,
    ...(raw.from ? { from: new Date(raw.from) } : {}),
    ...(raw.to ? { to: new Date(raw.to) } : {}),
  };
}
