import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseStatisticsRequest } from "@/lib/http/parse-statistics-request";
import { queryErrorStatistics } from "@/lib/statistics/query-error-statistics";

/** Error statistics of a channel (from the rollups): totals, details, series, LINE's rows. */
export const GET = route<{ channelId: string }>(async (request, { channelId }) => {
  const { query, range, kept } = parseStatisticsRequest(request);
  return Response.json(await queryErrorStatistics(db(), channelId, query, range, kept), {
    headers: { "cache-control": "no-store" },
  });
});
