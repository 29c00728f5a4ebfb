"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { errorStatisticsQuery, errorStatisticsTsvUrl } from "@/components/data/console-queries";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { RetentionWindows } from "@/lib/shared/retention-windows";
import { rangeProblem } from "@/lib/shared/statistics-range";
import { DetailsTable } from "./details-table";
import { rangeOf, toInstants, toRequest } from "./error-filters";
import { LazyErrorsChart } from "./lazy-charts";
import { PeriodLine, TsvDownload } from "./period-line";
import { PeriodPicker } from "./period-picker";
import { REASON_COLORS } from "./reason-colors";
import { ReasonSummary } from "./reason-summary";
import { olderPeriodNotes } from "./retention-notes";
import { useErrorFilters } from "./use-error-filters";
import { WebhookErrorsTable } from "./webhook-errors-table";

/**
 * The "Webhook errors" card: period, per-reason summary, chart, the reason/detail table and
 * LINE's table. Filters live in the URL; the data refreshes every few seconds.
 */
export function ErrorStatistics({
  channelId,
  intro,
  retention,
}: {
  channelId: string;
  intro: ReactNode;
  /** How long each kind of data is kept (the server's settings); null when retention is off. */
  retention: RetentionWindows | null;
}) {
  const [filters, setFilters] = useErrorFilters();
  const { data, error, isPending, isPlaceholderData } = useQuery(
    errorStatisticsQuery(channelId, toRequest(filters)),
  );
  const range = data && !isPlaceholderData ? data.range : rangeOf(filters);
  const validRange = rangeProblem(toInstants(range)) === null;
  const withReason = filters.reason ? ` with reason ${filters.reason}` : "";
  const tsvUrl = errorStatisticsTsvUrl(channelId, {
    from: range.from,
    to: range.to,
    reason: filters.reason,
  });

  return (
    <Card title="Webhook errors" actions={validRange && <TsvDownload href={tsvUrl} />}>
      <div className="space-y-4 py-4">
        {intro}
        <PeriodPicker filters={filters} range={range} retention={retention} onChange={setFilters} />
        <PeriodLine range={range} bucket={data?.range.bucket} updating={isPlaceholderData} />
        {data &&
          !isPlaceholderData &&
          olderPeriodNotes(data.range, data.retention, retention).map((note) => (
            <Alert key={note}>{note}</Alert>
          ))}
        {error && <Alert tone="error">Could not load error statistics: {error.message}</Alert>}
        {isPending && !error && <p className="text-sm text-muted">Loading error statistics…</p>}
        {data && data.totals.all === 0 && (
          <p className="rounded-md bg-surface px-3 py-8 text-center text-sm text-muted">
            No errors in this period
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
            <h3 className="pt-2 text-sm font-semibold">Errors by reason and detail</h3>
            <DetailsTable
              details={data.details}
              emptyText={`No details${withReason} in this period.`}
            />
            <h3 className="pt-2 text-sm font-semibold">Errors by minute</h3>
            <WebhookErrorsTable
              channelId={channelId}
              rows={data.rows}
              emptyText={`No rows${withReason} on this page.`}
              onPage={(page) => setFilters({ page })}
            />
          </>
        )}
      </div>
    </Card>
  );
}
