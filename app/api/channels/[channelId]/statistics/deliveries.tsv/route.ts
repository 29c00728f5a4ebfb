import { db } from "@/lib/db/client";
import { deliveryStatisticsTsv } from "@/lib/http/endpoints/statistics";
import { route } from "@/lib/http/handler";
import { statisticsRange } from "@/lib/http/statistics-range";
import { toDeliveryTsv } from "@/lib/shared/delivery-rows";
import { formatUtc9Date } from "@/lib/shared/utc9";
import { queryDeliveryStatistics } from "@/lib/statistics/query-delivery-statistics";

/**
 * The success rate and latency table as TSV, one line per bucket of the range. At most
 * MAX_BUCKETS lines, so it is built whole rather than streamed like the errors TSV.
 */
export const GET = route(deliveryStatisticsTsv, async ({ params: { channelId }, query: asked }) => {
  const { query, range, kept } = statisticsRange(asked);
  const statistics = await queryDeliveryStatistics(db(), channelId, query, range, kept);
  const name = `webhook-deliveries-${channelId}-${formatUtc9Date(range.from)}-${formatUtc9Date(range.to)}.tsv`;
  return new Response(toDeliveryTsv(statistics.series), {
    headers: {
      "content-type": "text/tab-separated-values; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
