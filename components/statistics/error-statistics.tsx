"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { errorStatisticsQuery, errorStatisticsTsvUrl } from "@/components/data/console-queries";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { RetentionWindows } from "@/lib/shared/retention-windows";
import { rangeProblem } from "@/lib/shared/statistics-range";
import { DetailsTable } from "./details-table";
import { LazyErrorsChart } from "./lazy-charts";
import { PeriodLine, TsvDownload } from "./period-line";
import { PeriodPicker } from "./period-picker";
import { REASON_COLORS } from "./reason-colors";
import { ReasonSummary } from "./reason-summary";
import { olderPeriodNotes } from "./retention-notes";
import { rangeOf, toInstants, toRequest } from "./statistics-filters";
import { useClock } from "./use-clock";
import { useStatisticsFilters } from "./use-statistics-filters";
import { WebhookErrorsTable } from "./webhook-errors-table";

/**
 * The "Webhook errors" card: period, per-reason summary, chart, the reason/detail table and
 * LINE's table. Filters live in the URL; the data refreshes every few seconds.
 */
export function ErrorStatistics({
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
  const [filters, setFilters] = useStatisticsFilters();
  const now = useClock(renderedAt);
  const { data, error, isPending, isPlaceholderData } = useQuery(
    errorStatisticsQuery(channelId, toRequest(filters)),
  );
  const range = data && !isPlaceholderData ? data.range : rangeOf(filters, now());
  const validRange = rangeProblem(toInstants(range)) === null;
  const tsvUrl = errorStatisticsTsvUrl(channelId, {
    from: range.from,
    to: range.to,
    reason: filters.reason,
  });

  return (
    <Card title={t("errors.title")} actions={validRange && <TsvDownload href={tsvUrl} />}>
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
          olderPeriodNotes(t, locale, data.range, data.retention, retention).map((note) => (
            <Alert key={note}>{note}</Alert>
          ))}
        {error && <Alert tone="error">{t("errors.loadFailed", { message: error.message })}</Alert>}
        {isPending && !error && <p className="text-sm text-muted">{t("errors.loading")}</p>}
        {data && data.totals.all === 0 && (
          <p className="rounded-md bg-surface px-3 py-8 text-center text-sm text-muted">
            {t("errors.empty")}
          </p>
        )}
        {data && data.totals.all > 0 && (
          <>
            <ReasonSummary
              reasons={data.reasons}
              counts={data.totals.byReason}
              total={data.totals.all}
              colors={REASON_COLORS}
              selected={filters.reason}
              onSelect={(reason) => setFilters({ reason })}
            />
            <LazyErrorsChart
              series={data.series}
              keys={data.reasons}
              colors={REASON_COLORS}
              bucket={data.range.bucket}
              highlighted={filters.reason}
            />
            <h3 className="pt-2 text-sm font-semibold">{t("errors.detailsHeading")}</h3>
            <DetailsTable
              details={data.details}
              emptyText={
                filters.reason
                  ? t("errors.noDetailsWithReason", { reason: filters.reason })
                  : t("errors.noDetails")
              }
            />
            <h3 className="pt-2 text-sm font-semibold">{t("errors.minuteHeading")}</h3>
            <WebhookErrorsTable
              channelId={channelId}
              rows={data.rows}
              emptyText={
                filters.reason
                  ? t("errors.noRowsWithReason", { reason: filters.reason })
                  : t("errors.noRows")
              }
              onPage={(page) => setFilters({ page })}
            />
          </>
        )}
      </div>
    </Card>
  );
}
