import { buttonClassName } from "@/components/ui/button";
import type { Bucket } from "@/lib/shared/time-buckets";
import { UTC9_LABEL } from "@/lib/shared/utc9";
import { formatUtc9Minute } from "./utc9-input";

export const BUCKET_NAMES: Readonly<Record<Bucket, string>> = {
  minute: "per minute",
  hour: "per hour",
  day: "per day",
};

/** Under a statistics view's period picker: the period shown, in UTC+9, and its buckets. */
export function PeriodLine({
  range,
  bucket,
  updating,
}: {
  range: { from: string; to: string };
  /** The buckets of the answer shown; absent until one arrives. */
  bucket: Bucket | undefined;
  /** An answer for a new period is on its way (the previous one is still shown). */
  updating: boolean;
}) {
  return (
    <p className="text-xs text-muted">
      {formatUtc9Minute(range.from)} – {formatUtc9Minute(range.to)} ({UTC9_LABEL})
      {bucket && `, ${BUCKET_NAMES[bucket]}`}
      {updating && " · Updating…"}
    </p>
  );
}

/** A statistics view's TSV download, as the card's action. */
export function TsvDownload({ href }: { href: string }) {
  return (
    <a href={href} download className={buttonClassName("secondary")}>
      Download TSV file
    </a>
  );
}
