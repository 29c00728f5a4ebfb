import { parseSearchParams } from "../http/parse";
import { HttpError } from "../http/respond";
import { errorStatisticsQuery, RangeProblem, resolveRange } from "./statistics-query";

/** Query string → validated query and range; any problem is a 400 naming the parameter. */
export function parseStatisticsRequest(request: Request, now = new Date()) {
  const query = parseSearchParams(request, errorStatisticsQuery);
  try {
    return { query, range: resolveRange(query, now) };
  } catch (error) {
    if (!(error instanceof RangeProblem)) throw error;
    throw new HttpError(400, `${error.property}: ${error.message}`, [
      { property: error.property, message: error.message },
    ]);
  }
}
