import {
  choiceSetting,
  type Env,
  InvalidSettingError,
  intSettingBetween,
} from "../settings/read-env";
import type { RetentionWindows } from "../shared/retention-windows";

/** What the retention job deletes and how often it looks (docs/operations.md, Retention). */
export interface RetentionSettings {
  /** RETENTION=off: nothing is ever deleted (but with its channel). */
  enabled: boolean;
  windows: RetentionWindows;
  /** Time from the end of one pass to the start of the next. */
  intervalMs: number;
}

/** 100 years: any more and "now minus the window" stops being a date both databases take. */
const MAX_DAYS = 36_500;
/** The longest delay Node's timers take (a longer one fires at once). */
const MAX_INTERVAL_MS = 2_147_483_647;

export function retentionSettingsFromEnv(env: Env = process.env): RetentionSettings {
  const days = (name: string, fallback: number) =>
    intSettingBetween(env, name, fallback, { min: 1, max: MAX_DAYS });
  const windows: RetentionWindows = {
    attemptsDays: days("RETENTION_ATTEMPTS_DAYS", 14),
    minuteRollupsDays: days("RETENTION_MINUTE_ROLLUPS_DAYS", 90),
    hourRollupsDays: days("RETENTION_HOUR_ROLLUPS_DAYS", 400),
  };
  // The statistics read whole hours from the hourly rollups and only the edges and LINE's rows
  // from the per-minute ones: an hour deleted before its minutes would vanish from the totals
  // while its rows still show.
  if (windows.hourRollupsDays < windows.minuteRollupsDays) {
    const hourSet = Boolean(env.RETENTION_HOUR_ROLLUPS_DAYS?.trim());
    throw hourSet
      ? new InvalidSettingError(
          "RETENTION_HOUR_ROLLUPS_DAYS",
          `at least RETENTION_MINUTE_ROLLUPS_DAYS (${windows.minuteRollupsDays}): hourly statistics summarize the per-minute ones`,
          String(windows.hourRollupsDays),
        )
      : new InvalidSettingError(
          "RETENTION_MINUTE_ROLLUPS_DAYS",
          `at most RETENTION_HOUR_ROLLUPS_DAYS (${windows.hourRollupsDays}): hourly statistics summarize the per-minute ones`,
          String(windows.minuteRollupsDays),
        );
  }
  return {
    enabled: choiceSetting(env, "RETENTION", { on: true, off: false }, true),
    windows,
    intervalMs: intSettingBetween(env, "RETENTION_INTERVAL_MS", 3_600_000, {
      min: 1,
      max: MAX_INTERVAL_MS,
    }),
  };
}

/** The windows the statistics and the Statistics tab go by: null when retention is off. */
export function retentionWindowsFromEnv(env: Env = process.env): RetentionWindows | null {
  const settings = retentionSettingsFromEnv(env);
  return settings.enabled ? settings.windows : null;
}
