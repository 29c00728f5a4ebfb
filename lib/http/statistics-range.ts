import { InvalidInputError } from "../errors";
import { retentionWindowsFromEnv } from "../retention/retention-settings";
import { type RetentionWindows, retentionCutoffs } from "../shared/retention-windows";
import { completeRange, instantProblem, rangeProblem } from "../shared/statistics-range";
import type { Bucket } from "../shared/time-buckets";

/**
 * A parsed statistics query (the endpoint's schema has checked each parameter) → the query, its
 * range and the retention cutoffs; any problem is a 400 naming the parameter. The ends given are
 * checked on their own first (so a bad `to` is named, not the `from` derived from it), then the
 * completed range, defaults included, before anything reads or streams. A range older than what
 * retention keeps is not refused: `kept` (null when retention is off) tells the queries where each
 * tier of statistics starts at `now`, and the answer says so.
 */
export function statisticsRange<Q extends { from?: Date; to?: Date; bucket?: Bucket }>(
  query: Q,
  now = new Date(),
  windows: RetentionWindows | null = retentionWindowsFromEnv(),
) {
  const problem =
    (query.from && instantProblem("from", query.from)) ||
    (query.to && instantProblem("to", query.to)) ||
    null;
  const range = completeRange(query, now);
  const rangeIssue = problem ?? rangeProblem(range, query.bucket);
  if (rangeIssue) throw InvalidInputError.of(rangeIssue.property, rangeIssue.message);
  return { query, range, kept: windows ? retentionCutoffs(windows, now) : null };
}
