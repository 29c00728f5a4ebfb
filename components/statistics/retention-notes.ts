import type { Translator } from "@/components/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import {
  type RetentionWindows,
  reachesHourlyOnly,
  retentionCutoffs,
} from "@/lib/shared/retention-windows";
import { UTC9_LABEL } from "@/lib/shared/utc9";
import { formatRangeEnd } from "./statistics-text";

// What the Statistics tab says about retention: how far back each kind of data goes, and, for a
// period that reaches further, what of it is shown. The API answers such a period rather than
// refusing it (docs/adr/0016-retention.md); these notes are how the tab marks it.

/** "Raw delivery attempts are kept 14 days; per-minute statistics 90 days; hourly 400 days." */
export function retentionSentence(
  t: Translator<"statistics">,
  windows: RetentionWindows | null,
): string {
  if (!windows) return t("retention.off");
  return t("retention.sentence", {
    attemptsDays: windows.attemptsDays,
    minuteDays: windows.minuteRollupsDays,
    hourDays: windows.hourRollupsDays,
  });
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
  t: Translator<"statistics">,
  locale: Locale,
  range: { from: string },
  kept: KeptFrom | null,
  windows: RetentionWindows | null,
  /** What the view loses by minute: LINE's table rows (Errors), or only minute buckets. */
  byMinute: "rows" | "buckets" = "rows",
): string[] {
  const from = Date.parse(range.from);
  if (!kept || !windows || from >= Date.parse(kept.perMinuteFrom)) return [];
  const notes = [
    t("retention.perMinuteNote", {
      days: windows.minuteRollupsDays,
      cutoff: formatRangeEnd(locale, kept.perMinuteFrom),
      zone: UTC9_LABEL,
      lost: byMinute,
    }),
  ];
  if (from < Date.parse(kept.hourlyFrom)) {
    notes.push(
      t("retention.hourlyNote", {
        days: windows.hourRollupsDays,
        cutoff: formatRangeEnd(locale, kept.hourlyFrom),
        zone: UTC9_LABEL,
      }),
    );
  }
  return notes;
}

/** Why minute buckets cannot be had for a period, or null: before the per-minute cutoff they cannot. */
export function minuteBucketHint(
  t: Translator<"statistics">,
  range: { from: string },
  windows: RetentionWindows | null,
  now = new Date(),
): string | null {
  if (!windows) return null;
  const cutoffs = retentionCutoffs(windows, now);
  return reachesHourlyOnly({ from: new Date(range.from) }, cutoffs)
    ? t("retention.minuteBucketHint", { days: windows.minuteRollupsDays })
    : null;
}
