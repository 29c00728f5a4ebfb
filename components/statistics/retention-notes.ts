import {
  type RetentionWindows,
  reachesHourlyOnly,
  retentionCutoffs,
} from "@/lib/shared/retention-windows";
import { UTC9_LABEL } from "@/lib/shared/utc9";
import { formatUtc9Minute } from "./utc9-input";

// What the Statistics tab says about retention: how far back each kind of data goes, and, for a
// period that reaches further, what of it is shown. The API answers such a period rather than
// refusing it (docs/adr/0016-retention.md); these notes are how the tab marks it.

const days = (count: number) => `${count} ${count === 1 ? "day" : "days"}`;

/** "Raw delivery attempts are kept 14 days; per-minute statistics 90 days; hourly 400 days." */
export function retentionSentence(windows: RetentionWindows | null): string {
  if (!windows) {
    return "Retention is off: delivery attempts and statistics are kept until their channel is deleted.";
  }
  return `Raw delivery attempts are kept ${days(windows.attemptsDays)}; per-minute statistics ${days(windows.minuteRollupsDays)}; hourly statistics ${days(windows.hourRollupsDays)}.`;
}

/** Where each tier starts, as the statistics answer states it (null: retention is off). */
export interface KeptFrom {
  perMinuteFrom: string;
  hourlyFrom: string;
}

/**
 * The notes for a period, given where each tier started when it was answered: none when the
 * period lies within the per-minute window.
 */
export function olderPeriodNotes(
  range: { from: string },
  kept: KeptFrom | null,
  windows: RetentionWindows | null,
  /** What the view loses by minute: LINE's table rows (Errors), or only minute buckets. */
  byMinute = "no rows in the table by minute",
): string[] {
  const from = Date.parse(range.from);
  if (!kept || !windows || from >= Date.parse(kept.perMinuteFrom)) return [];
  const notes = [
    `Per-minute statistics are kept ${days(windows.minuteRollupsDays)}: before ${formatUtc9Minute(kept.perMinuteFrom)} (${UTC9_LABEL}) this period has hourly counts only, from the start of the hour, and ${byMinute}.`,
  ];
  if (from < Date.parse(kept.hourlyFrom)) {
    notes.push(
      `Hourly statistics are kept ${days(windows.hourRollupsDays)}: nothing before ${formatUtc9Minute(kept.hourlyFrom)} (${UTC9_LABEL}) is counted.`,
    );
  }
  return notes;
}

/** Why minute buckets cannot be had for a period, or null: before the per-minute cutoff they cannot. */
export function minuteBucketHint(
  range: { from: string },
  windows: RetentionWindows | null,
  now = new Date(),
): string | null {
  if (!windows) return null;
  const cutoffs = retentionCutoffs(windows, now);
  return reachesHourlyOnly({ from: new Date(range.from) }, cutoffs)
    ? `Per-minute statistics are kept ${days(windows.minuteRollupsDays)}`
    : null;
}
