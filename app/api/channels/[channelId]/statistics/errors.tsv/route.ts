import { db } from "@/lib/db/client";
import { errorStatisticsTsv } from "@/lib/http/endpoints/statistics";
import { route } from "@/lib/http/handler";
import { statisticsRange } from "@/lib/http/statistics-range";
import { formatUtc9Date } from "@/lib/shared/utc9";
import { streamErrorRowsTsv } from "@/lib/statistics/stream-error-rows";

/**
 * The same rows as LINE's "Download TSV file", streamed. Everything that can refuse the request
 * (the query, the range, the channel) is settled before the body starts: once the 200 is sent,
 * a failure could only cut the download short.
 */
export const GET = route(errorStatisticsTsv, async ({ params: { channelId }, query: asked }) => {
  const { query, range, kept } = statisticsRange(asked);
  const name = `webhook-errors-${channelId}-${formatUtc9Date(range.from)}-${formatUtc9Date(range.to)}.tsv`;
  const body = await streamErrorRowsTsv(db(), channelId, range, query.reason, kept);
  return new Response(body, {
    headers: {
      "content-type": "text/tab-separated-values; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
