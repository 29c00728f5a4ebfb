import { db } from "@/lib/db/client";
import { errorStatistics } from "@/lib/http/endpoints/statistics";
import { route } from "@/lib/http/handler";
import { statisticsRange } from "@/lib/http/statistics-range";
import { queryErrorStatistics } from "@/lib/statistics/query-error-statistics";

/** Error statistics of a channel (from the rollups): totals, details, series, LINE's rows. */
export const GET = route(errorStatistics, async ({ params, query: asked }) => {
  const { query, range, kept } = statisticsRange(asked);
  return Response.json(await queryErrorStatistics(db(), params.channelId, query, range, kept), {
    headers: { "cache-control": "no-store" },
  });
});
