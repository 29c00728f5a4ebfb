"use client";

import { useTranslations } from "next-intl";
import { SegmentedControl } from "@/components/ui/segmented-control";
import type { RetentionWindows } from "@/lib/shared/retention-windows";
import { bucketProblem } from "@/lib/shared/statistics-range";
import { BUCKETS, type Bucket } from "@/lib/shared/time-buckets";
import { CustomRangeForm } from "./custom-range-form";
import { minuteBucketHint } from "./retention-notes";
import {
  PERIODS,
  type Period,
  rangeOf,
  type StatisticsFilters,
  toInstants,
} from "./statistics-filters";
import { isoToUtc9Input, utc9InputToIso } from "./utc9-input";

/** Whole minutes, as the datetime-local inputs show them. */
const toMinute = (iso: string) => utc9InputToIso(isoToUtc9Input(iso)) ?? iso;

/** Period (a preset or a custom UTC+9 range) and chart bucket size. */
export function PeriodPicker({
  filters,
  range,
  retention,
  onChange,
}: {
  filters: StatisticsFilters;
  /** The range on screen, resolved; a new custom range starts from it. */
  range: { from: string; to: string };
  /** How long each kind of data is kept; null when retention is off. */
  retention: RetentionWindows | null;
  onChange: (patch: Partial<StatisticsFilters>) => void;
}) {
  const t = useTranslations("statistics");
  // A bucket that would give too many points for the range (as the API counts them) is not
  // offered, nor minute buckets before the per-minute statistics' cutoff (the API answers per hour).
  const bucketHint = (next: { from: string; to: string }, bucket: Bucket) =>
    bucketProblem(toInstants(next), bucket) !== null
      ? t("periodPicker.tooManyPoints")
      : bucket === "minute"
        ? minuteBucketHint(t, next, retention)
        : null;
  const fits = (next: { from: string; to: string }, bucket: Bucket) =>
    bucketHint(next, bucket) === null;
  const keepBucket = (next: { from: string; to: string }) =>
    filters.bucket && fits(next, filters.bucket) ? filters.bucket : undefined;

  function choosePeriod(period: Period) {
    if (period === "custom") {
      // A new custom range starts as the range on screen, so nothing jumps.
      const next = { from: toMinute(range.from), to: toMinute(range.to) };
      onChange({ period, ...next, bucket: keepBucket(next) });
    } else {
      const preset = { ...filters, period, from: undefined, to: undefined };
      onChange({ period, from: undefined, to: undefined, bucket: keepBucket(rangeOf(preset)) });
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <SegmentedControl
          legend={t("periodPicker.period")}
          options={PERIODS.map((period) => ({
            value: period.value,
            label: t(`periods.${period.value}`),
          }))}
          value={filters.period}
          onChange={choosePeriod}
        />
        <SegmentedControl
          legend={t("periodPicker.bucket")}
          value={filters.bucket ?? "auto"}
          onChange={(value) => onChange({ bucket: value === "auto" ? undefined : value })}
          options={(["auto", ...BUCKETS] as const).map((value) => {
            const hint = value === "auto" ? null : bucketHint(range, value);
            return {
              value,
              label: t(`periodPicker.${value}`),
              disabled: hint !== null,
              hint: hint ?? undefined,
            };
          })}
        />
      </div>
      {filters.period === "custom" && filters.from && filters.to && (
        <CustomRangeForm
          key={`${filters.from}/${filters.to}`}
          from={filters.from}
          to={filters.to}
          onApply={(next) => onChange({ ...next, bucket: keepBucket(next) })}
        />
      )}
    </div>
  );
}
