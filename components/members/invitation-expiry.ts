// How the console words an invitation's expiry. Pure, for the components and their tests: the
// words come from the caller's translator ("members"), the time from its formatter (UTC+9).
import type { Translator } from "@/components/i18n/translator";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days left until `expiresAt`, rounded to the nearest: a link made a moment ago for 7
 * days says 7, not 6. At least 0.
 */
export function daysLeft(expiresAt: string, now: Date): number {
  return Math.max(0, Math.round((new Date(expiresAt).getTime() - now.getTime()) / DAY_MS));
}

/**
 * "in 7 days (until 2026-12-04 17:05:09 UTC+9)"; `instant` writes a time in UTC+9 in the page's
 * language (useConsoleFormat().instant, or formatInstant in tests).
 */
export function describeExpiry(
  expiresAt: string,
  now: Date,
  t: Translator<"members">,
  instant: (value: Date) => string,
): string {
  const days = daysLeft(expiresAt, now);
  const until = instant(new Date(expiresAt));
  if (days === 0) return t("expiry.today", { until });
  return t("expiry.inDays", { days, until });
}
