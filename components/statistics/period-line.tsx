import { useLocale, useTranslations } from "next-intl";
import { buttonClassName } from "@/components/ui/button";
import type { Bucket } from "@/lib/shared/time-buckets";
import { UTC9_LABEL } from "@/lib/shared/utc9";
import { formatRangeEnd } from "./statistics-text";

/**
 * Under a statistics view's period picker: the period shown, in UTC+9, its buckets, and where the
 * chart starts when an automatic bucket fitted it to the data (`seriesFrom`).
 */
export function PeriodLine({
  range,
  bucket,
  seriesFrom,
  updating,
}: {
  range: { from: string; to: string };
  /** Where the answer's series starts, when later than the period's start. */
  seriesFrom?: string | undefined;
  /** The buckets of the answer shown; absent until one arrives. */
  bucket: Bucket | undefined;
  /** An answer for a new period is on its way (the previous one is still shown). */
  updating: boolean;
}) {
  const t = useTranslations("statistics");
  const locale = useLocale();
  return (
    <p className="text-xs text-muted">
      {t("periodLine.range", {
        from: formatRangeEnd(locale, range.from),
        to: formatRangeEnd(locale, range.to),
        zone: UTC9_LABEL,
      })}
      {bucket && t("periodLine.bucket", { bucketName: t(`bucketNames.${bucket}`) })}
      {seriesFrom &&
        Date.parse(seriesFrom) > Date.parse(range.from) &&
        t("periodLine.seriesFrom", { seriesFrom: formatRangeEnd(locale, seriesFrom) })}
      {updating && t("periodLine.updating")}
    </p>
  );
}

/** A statistics view's TSV download, as the card's action. */
export function TsvDownload({ href }: { href: string }) {
  const t = useTranslations("statistics");
  return (
    <a href={href} download className={buttonClassName("secondary")}>
      {t("periodLine.downloadTsv")}
    </a>
  );
}
