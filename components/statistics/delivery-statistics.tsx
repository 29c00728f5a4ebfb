"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import {
  deliveryStatisticsQuery,
  deliveryStatisticsTsvUrl,
} from "@/components/data/console-queries";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { NO_VALUE } from "@/components/ui/no-value";
import { formatLatency, formatSuccessRate } from "@/lib/shared/delivery-rows";
import type { RetentionWindows } from "@/lib/shared/retention-windows";
import { rangeProblem } from "@/lib/shared/statistics-range";
import { DELIVERY_LINES } from "./delivery-lines";
import { DeliveryTable } from "./delivery-table";
import { LazyDeliveryChart } from "./lazy-charts";
import { PeriodLine, TsvDownload } from "./period-line";
import { PeriodPicker } from "./period-picker";
import { olderPeriodNotes } from "./retention-notes";
import { rangeOf, toInstants, toRequest } from "./statistics-filters";
import { useClock } from "./use-clock";
import { useStatisticsFilters } from "./use-statistics-filters";

/**
 * The "Success rate and latency" card: the same period picker (and URL filters) as the errors,
 * totals over the period, a chart and a table per bucket, and the TSV download of that table.
 */
export function DeliveryStatistics({
  channelId,
  intro,
  retention,
  renderedAt,
}: {
  channelId: string;
  intro: ReactNode;
  /** How long each kind of data is kept (the server's settings); null when retention is off. */
  retention: RetentionWindows | null;
  /** When the server rendered the page (ms): the period's end until the first answer. */
  renderedAt: number;
}) {
  const t = useTranslations("statistics");
  const locale = useLocale();
  const f = useConsoleFormat();
  const [filters, setFilters] = useStatisticsFilters();
  const now = useClock(renderedAt);
  const { range: requested, bucket } = toRequest(filters);
  const { data, error, isPending, isPlaceholderData } = useQuery(
    deliveryStatisticsQuery(channelId, { range: requested, ...(bucket ? { bucket } : {}) }),
  );
  const range = data && !isPlaceholderData ? data.range : rangeOf(filters, now());
  const validRange = rangeProblem(toInstants(range)) === null;
  const tsvUrl = deliveryStatisticsTsvUrl(channelId, {
    from: range.from,
    to: range.to,
    bucket: data?.range.bucket ?? bucket,
  });
  const totals = data?.totals;

  return (
    <Card title={t("deliveries.title")} actions={validRange && <TsvDownload href={tsvUrl} />}>
      <div className="space-y-4 py-4">
        {intro}
        <PeriodPicker filters={filters} range={range} retention={retention} onChange={setFilters} />
        <PeriodLine
          range={range}
          bucket={data?.range.bucket}
          seriesFrom={data?.range.seriesFrom}
          updating={isPlaceholderData}
        />
        {data &&
          !isPlaceholderData &&
          olderPeriodNotes(t, locale, data.range, data.retention, retention, "buckets").map(
            (note) => <Alert key={note}>{note}</Alert>,
          )}
        {error && (
          <Alert tone="error">{t("deliveries.loadFailed", { message: error.message })}</Alert>
        )}
        {isPending && !error && <p className="text-sm text-muted">{t("deliveries.loading")}</p>}
        {data && totals && totals.attempts === 0 && (
          <p className="rounded-md bg-surface px-3 py-8 text-center text-sm text-muted">
            {t("deliveries.empty")}
          </p>
        )}
        {data && totals && totals.attempts > 0 && (
          <>
            <dl
              aria-label={t("deliveries.totals")}
              className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5"
            >
              <Total label={t("deliveries.attempts")} value={f.count(totals.attempts)} />
              <Total
                label={t("deliveries.successRate")}
                value={`${formatSuccessRate(totals.successRate)} %`}
                color="var(--color-line-green)"
              />
              {DELIVERY_LINES.filter((line) => line.axis === "ms").map((line) => (
                <Total
                  key={line.key}
                  label={t(`deliveries.${line.key}`)}
                  value={latencyText(totals[line.key])}
                  color={line.color}
                />
              ))}
            </dl>
            <p className="text-xs text-muted">
              {t("deliveries.latencyNote", { percent: Math.round(data.relativeError * 100) })}
            </p>
            <LazyDeliveryChart series={data.series} bucket={data.range.bucket} />
            <h3 className="pt-2 text-sm font-semibold">
              {t("deliveries.tableHeading", {
                bucketName: t(`bucketNames.${data.range.bucket}`),
              })}
            </h3>
            <DeliveryTable series={data.series} emptyText={t("deliveries.emptyTable")} />
          </>
        )}
      </div>
    </Card>
  );
}

const latencyText = (ms: number | null) => (ms === null ? NO_VALUE : `${formatLatency(ms)} ms`);

/** A total, drawn as the Errors view's reason tiles are; `color`: its line in the chart. */
function Total({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <div className="rounded-md border border-line bg-white px-3 py-2">
      <dt className="flex items-center gap-2 text-xs text-muted">
        {color && (
          <span
            aria-hidden
            className="size-2.5 shrink-0 rounded-sm"
            style={{ backgroundColor: color }}
          />
        )}
        {label}
      </dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
