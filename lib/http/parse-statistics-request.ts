import { InvalidInputError } from "../errors";
import { completeRange, instantProblem, rangeProblem } from "../shared/statistics-range";
import { parseSearchParams } from "./parse";
import { errorStatisticsInput } from "./statistics-input";

/**
 * Query string → validated options and range; any problem is a 400 naming the parameter. The
 * ends given are checked on their own first (so a bad `to` is named, not the `from` derived from
 * it), then the completed range, defaults included, before anything reads or streams.
 */
export function parseStatisticsRequest(request: Request, now = new Date()) {
  const query = parseSearchParams(request, errorStatisticsInput);
  const problem =
    (query.from && instantProblem("from", query.from)) ||
    (query.to && instantProblem("to", query.to)) ||
    null;
  const range = completeRange(query, now);
  const rangeIssue = problem ?? rangeProblem(range, query.bucket);
  if (rangeIssue) throw InvalidInputError.of(rangeIssue.property, rangeIssue.message);
  return { query, range };
}
