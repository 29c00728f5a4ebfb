import { db } from "@/lib/db/client";
import { deliveryStatistics } from "@/lib/http/endpoints/statistics";
import { route } from "@/lib/http/handler";
import { statisticsRange } from "@/lib/http/statistics-range";
import { queryDeliveryStatistics } from "@/lib/statistics/query-delivery-statistics";

/** Success rate and latency of a channel (from the histogram rollups): totals and a series. */
export const GET = route(deliveryStatistics, async ({ params, query: asked }) => {
  const { query, range, kept } = statisticsRange(asked);
  return Response.json(await queryDeliveryStatistics(db(), params.channelId, query, range, kept), {
    headers: { "cache-control": "no-store" },
  });
});
