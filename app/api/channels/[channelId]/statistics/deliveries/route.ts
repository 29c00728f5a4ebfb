import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseDeliveryStatisticsRequest } from "@/lib/http/parse-statistics-request";
import { queryDeliveryStatistics } from "@/lib/statistics/query-delivery-statistics";

/** Success rate and latency of a channel (from the histogram rollups): totals and a series. */
export const GET = route<{ channelId: string }>(async (request, { channelId }) => {
  const { query, range, kept } = parseDeliveryStatisticsRequest(request);
  return Response.json(await queryDeliveryStatistics(db(), channelId, query, range, kept), {
    headers: { "cache-control": "no-store" },
  });
});
