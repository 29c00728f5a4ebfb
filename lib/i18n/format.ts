// Pure: times and counts as each language writes them. Times stay in UTC+9 (lib/shared/utc9.ts)
// whatever the language; the caller labels them so.
import { formatUtc9Date, utc9Parts } from "../shared/utc9";
import type { Locale } from "./locales";

const pad = (value: number) => String(value).padStart(2, "0");

/** A day in UTC+9: "2026-11-27" in English, "2026年11月27日" in Japanese. */
export function formatDay(locale: Locale, instant: Date): string {
  if (locale === "en") return formatUtc9Date(instant);
  const p = utc9Parts(instant);
  return `${p.year}年${p.month}月${p.day}日`;
}

/**
 * An instant in UTC+9: "2026-11-27 21:06:09" in English (the console's and the TSV's form),
 * "2026年11月27日 21:06:09" in Japanese; `minute` drops the seconds.
 */
export function formatInstant(
  locale: Locale,
  instant: Date,
  precision: "second" | "minute" = "second",
): string {
  const p = utc9Parts(instant);
  const time = `${pad(p.hour)}:${pad(p.minute)}${precision === "second" ? `:${pad(p.second)}` : ""}`;
  return `${formatDay(locale, instant)} ${time}`;
}

/** "1,234" in both languages (each language's own grouping). */
export function formatCount(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}
