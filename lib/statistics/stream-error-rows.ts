import "server-only";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db } from "../db/client";
import type { FailureReason } from "../shared/failure-reasons";
import type { RetentionCutoffs } from "../shared/retention-windows";
import type { StatisticsRange } from "../shared/statistics-range";
import { toLineRow, tsvHeader, tsvLine } from "./line-rows";

const PAGE = 1000;

/**
 * LINE's error table as TSV (UTF-8, header first, newest first), streamed page by page so a
 * 90-day download never sits in memory whole. Resolves only once the channel is known to exist,
 * so an unknown channel is still a 404. With retention (`kept`), rows start at the per-minute
 * cutoff, as the JSON answer's do.
 */
export async function streamErrorRowsTsv(
  db: Db,
  channelId: string,
  range: StatisticsRange,
  reason?: FailureReason,
  kept: RetentionCutoffs | null = null,
): Promise<ReadableStream<Uint8Array>> {
  const channel = await findChannelOrThrow(db, channelId);
  const encoder = new TextEncoder();
  const where = {
    channelId: channel.id,
    windowStart: {
      gte: kept && kept.minuteRollups > range.from ? kept.minuteRollups : range.from,
      lt: range.to,
    },
    ...(reason ? { reason } : {}),
  };
  let cursor = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${tsvHeader}\n`));
        return;
      }
      const page = await db.errorRollup.findMany({
        where,
        orderBy: [{ windowStart: "desc" }, { reason: "asc" }, { detail: "asc" }],
        skip: cursor,
        take: PAGE,
      });
      cursor += page.length;
      if (page.length) {
        controller.enqueue(
          encoder.encode(page.map((row) => `${tsvLine(toLineRow(row))}\n`).join("")),
        );
      }
      if (page.length < PAGE) controller.close();
    },
  });
}
