// How the statistics charts label time: ticks and tooltips in UTC+9, shared by every chart so
// that Errors and Success rate and latency read the same. Times read "21:06" in both languages;
// days read "11-27" and "2026-11-27" in English, "11/27" and "2026年11月27日" in Japanese.
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { BUCKET_MS, type Bucket } from "@/lib/shared/time-buckets";
import {
  formatUtc9Date,
  formatUtc9Time,
  UTC9_LABEL,
  UTC9_OFFSET_MS,
  utc9Parts,
} from "@/lib/shared/utc9";

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

const MINUTE = BUCKET_MS.minute;
const HOUR = BUCKET_MS.hour;
const DAY = BUCKET_MS.day;

/** Tick steps from fine to coarse: each a round length of UTC+9 clock or calendar time. */
const TICK_STEPS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

/**
 * The bucket starts (ISO, as the series has them) to label on a time axis: those on a round
 * UTC+9 time (":00", ":10", "06:00", a midnight), at the finest step that gives at most `most`
 * of them, so that labels read 16:10, 16:20, 16:30 rather than 16:13, 16:31, 16:49. The chart may
 * still skip some where they would overlap; every one it shows is round.
 */
export function roundTicks(starts: readonly string[], bucket: Bucket, most = 6): string[] {
  const round = (iso: string, step: number) => (Date.parse(iso) + UTC9_OFFSET_MS) % step === 0;
  for (const step of TICK_STEPS) {
    if (step < BUCKET_MS[bucket]) continue;
    const ticks = starts.filter((iso) => round(iso, step));
    if (ticks.length > 0 && ticks.length <= most) return ticks;
  }
  return starts.length <= most ? [...starts] : [];
}
