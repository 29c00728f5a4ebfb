import { InvalidInputError } from "../errors";
import { completeRange, rangeProblem } from "../shared/statistics-range";
import { parseSearchParams } from "./parse";
import { errorStatisticsInput } from "./statistics-input";

/** Query string → validated options and range; any problem is a 400 naming the parameter. */
export function parseStatisticsRequest(request: Request, now = new Date()) {
  const query = parseSearchParams(request, errorStatisticsInput);
  const range = completeRange(query, now);
  const problem = rangeProblem(range, query.bucket);
  if (problem) throw InvalidInputError.of(problem.property, problem.message);
  return { query, range };
}
