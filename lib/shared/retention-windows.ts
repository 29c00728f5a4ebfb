// How far back each kind of data goes (the RETENTION_* settings), and where that puts the
// oldest instant kept at a given moment. The retention job deletes by these cutoffs
// (lib/retention/), and the statistics read no further back than them, so that an answer does
// not depend on when the job last ran (docs/adr/0016-retention.md).
import { BUCKET_MS } from "./time-buckets";

/** Days each kind of data is kept; null where retention is off (RETENTION=off: kept for ever). */
export interface RetentionWindows {
  /** Raw delivery attempts (Recent deliveries) and the finished webhooks they belong to. */
  attemptsDays: number;
  /** Per-minute error statistics: LINE's table rows, minute buckets. */
  minuteRollupsDays: number;
  /** Hourly error statistics: hour and day buckets, totals. */
  hourRollupsDays: number;
}

/** The oldest instant of each kind of data that is kept; anything before it is deleted. */
export interface RetentionCutoffs {
  attempts: Date;
  /** A whole hour, so that an hour has all of its minutes or none. */
  minuteRollups: Date;
  /** A whole hour. */
  hourRollups: Date;
}

const HOUR_MS = BUCKET_MS.hour;
const DAY_MS = BUCKET_MS.day;

function wholeHourBefore(ms: number): Date {
  return new Date(Math.floor(ms / HOUR_MS) * HOUR_MS);
}

/**
 * Where each window starts at `now`. The rollup cutoffs are floored to the hour (a UTC hour is a
 * UTC+9 hour too): up to an hour more is kept, and the hourly tier can tell exactly which of its
 * hours still have their minutes.
 */
export function retentionCutoffs(windows: RetentionWindows, now: Date): RetentionCutoffs {
  const nowMs = now.getTime();
  return {
    attempts: new Date(nowMs - windows.attemptsDays * DAY_MS),
    minuteRollups: wholeHourBefore(nowMs - windows.minuteRollupsDays * DAY_MS),
    hourRollups: wholeHourBefore(nowMs - windows.hourRollupsDays * DAY_MS),
  };
}

/**
 * A statistics range as far as the kept data can answer it: before the per-minute cutoff only
 * hourly counts exist, so an end that lies there is widened to the whole hour around it.
 */
export function rangeForKeptStatistics<T extends { from: Date; to: Date }>(
  range: T,
  cutoffs: RetentionCutoffs | null,
): T {
  if (!cutoffs || range.from >= cutoffs.minuteRollups) return range;
  const from = wholeHourBefore(range.from.getTime());
  const toFloor = wholeHourBefore(range.to.getTime());
  const to =
    range.to < cutoffs.minuteRollups && toFloor < range.to
      ? new Date(toFloor.getTime() + HOUR_MS)
      : range.to;
  return { ...range, from, to };
}

/** Whether a range reaches back to where only hourly counts are kept (no minute buckets there). */
export function reachesHourlyOnly(
  range: { from: Date },
  cutoffs: RetentionCutoffs | null,
): boolean {
  return cutoffs !== null && range.from < cutoffs.minuteRollups;
}
