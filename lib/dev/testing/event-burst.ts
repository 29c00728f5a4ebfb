// Bursts of stored events for the dispatcher's multi-process tests.
import "server-only";
import type { Db } from "../../db/client";
import { enqueueEvents } from "../../events/enqueue-events";

/** Stores `count` webhooks of one event each, 25 at a time; returns their event ids. */
export async function storeBurst(db: Db, channelId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 25) {
    const stored = await Promise.all(
      Array.from({ length: Math.min(25, count - start) }, (_, i) =>
        enqueueEvents(db, channelId, { text: `event ${start + i}` }),
      ),
    );
    for (const result of stored) ids.push(...result.webhookEventIds);
  }
  return ids;
}
