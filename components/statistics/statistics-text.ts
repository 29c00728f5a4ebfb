// The form a range end takes in each language, for the Statistics tab's period line, notes and
// custom range.
import { formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { formatUtc9Minute } from "@/lib/shared/utc9";

/**
 * A range end to the minute, in UTC+9: "2026-11-27 00:00" in English (as the custom range's
 * inputs write it), "2026年11月27日 00:00" in Japanese.
 */
export function formatRangeEnd(locale: Locale, iso: string): string {
  return locale === "en"
    ? formatUtc9Minute(new Date(iso))
    : formatInstant(locale, new Date(iso), "minute");
}
