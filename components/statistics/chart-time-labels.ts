// How the statistics charts label time: ticks and tooltips in UTC+9, shared by every chart so
// that Errors and Success rate and latency read the same.
import { BUCKET_MS, type Bucket } from "@/lib/shared/time-buckets";
import { formatUtc9Date, formatUtc9Time, UTC9_LABEL } from "@/lib/shared/utc9";

const hhmm = (instant: Date) => formatUtc9Time(instant).slice(0, 5);

/** An axis tick: the day for day buckets, else the time, with the day when the chart spans days. */
export function tickFormatter(bucket: Bucket, spansDays: boolean) {
  return (iso: string) => {
    const instant = new Date(iso);
    if (bucket === "day") return formatUtc9Date(instant).slice(5);
    return spansDays ? `${formatUtc9Date(instant).slice(5)} ${hhmm(instant)}` : hhmm(instant);
  };
}

/** A tooltip's heading: the bucket's day, or its start and end, in UTC+9. */
export function tooltipLabel(bucket: Bucket) {
  return (label: unknown) => {
    const instant = new Date(String(label));
    if (Number.isNaN(instant.getTime())) return "";
    if (bucket === "day") return `${formatUtc9Date(instant)} (${UTC9_LABEL})`;
    const end = new Date(instant.getTime() + BUCKET_MS[bucket]);
    return `${formatUtc9Date(instant)} ${hhmm(instant)}–${hhmm(end)} (${UTC9_LABEL})`;
  };
}
