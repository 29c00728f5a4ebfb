// How the statistics charts label time: ticks and tooltips in UTC+9, shared by every chart so
// that Errors and Success rate and latency read the same. Times read "21:06" in both languages;
// days read "11-27" and "2026-11-27" in English, "11/27" and "2026年11月27日" in Japanese.
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { BUCKET_MS, type Bucket } from "@/lib/shared/time-buckets";
import { formatUtc9Date, formatUtc9Time, UTC9_LABEL, utc9Parts } from "@/lib/shared/utc9";

const hhmm = (instant: Date) => formatUtc9Time(instant).slice(0, 5);

/** A day without its year, as an axis tick: "11-27", or "11/27" in Japanese. */
function shortDay(locale: Locale, instant: Date): string {
  if (locale === "en") return formatUtc9Date(instant).slice(5);
  const p = utc9Parts(instant);
  return `${p.month}/${p.day}`;
}

/** An axis tick: the day for day buckets, else the time, with the day when the chart spans days. */
export function tickFormatter(bucket: Bucket, spansDays: boolean, locale: Locale) {
  return (iso: string) => {
    const instant = new Date(iso);
    if (bucket === "day") return shortDay(locale, instant);
    return spansDays ? `${shortDay(locale, instant)} ${hhmm(instant)}` : hhmm(instant);
  };
}

/** A tooltip's heading: the bucket's day, or its start and end, in UTC+9. */
export function tooltipLabel(bucket: Bucket, locale: Locale) {
  return (label: unknown) => {
    const instant = new Date(String(label));
    if (Number.isNaN(instant.getTime())) return "";
    if (bucket === "day") return `${formatDay(locale, instant)} (${UTC9_LABEL})`;
    const end = new Date(instant.getTime() + BUCKET_MS[bucket]);
    return `${formatDay(locale, instant)} ${hhmm(instant)}–${hhmm(end)} (${UTC9_LABEL})`;
  };
}
