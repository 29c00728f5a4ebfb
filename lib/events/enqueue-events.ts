import "server-only";
import type { Db } from "../db/client";
import { prismaSqlConnection } from "../db/prisma-sql";
import type { SendEventsInput } from "./event-input";
import { toWebhookInputs } from "./event-input";
import { ingestWebhooks } from "./ingest-events";

export type EnqueueResult =
  | { queued: true; webhookId: string; webhookEventIds: string[] }
  | { queued: false; webhookEventIds: string[]; message: string };

/**
 * Stores one request's events (lib/events/event-input.ts) through a Prisma client, as the events
 * route stores them on its driver connection (ingestWebhooks): for tests and scripts. An array
 * of events is one webhook per event; the answer names the first.
 */
export async function enqueueEvents(
  db: Db,
  channelId: string,
  input: SendEventsInput,
  now = Date.now(),
): Promise<EnqueueResult> {
  const result = await ingestWebhooks(
    prismaSqlConnection(db),
    channelId,
    toWebhookInputs(input),
    now,
  );
  const webhookEventIds = result.webhookEventIds.flat();
  if (!result.queued) return { queued: false, webhookEventIds, message: result.message };
  return { queued: true, webhookId: result.webhookIds[0] ?? "", webhookEventIds };
}
