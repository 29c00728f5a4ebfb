import { useTranslations } from "next-intl";
import type { ErrorStatisticsView } from "@/components/data/console-queries";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { errorRowFilterSearch } from "@/lib/shared/delivery-filters";
import { UTC9_LABEL } from "@/lib/shared/utc9";

/**
 * LINE's table: one row per 60-second window and (reason, detail), newest first. Start and End
 * are the first and last error in the window; the API gives them already in UTC+9. The cells are
 * the TSV's; the column names are in the page's language (the TSV keeps LINE's English ones).
 */
export function WebhookErrorsTable({
  channelId,
  rows,
  emptyText,
  onPage,
}: {
  /** Each row's count links to the channel's Deliveries tab filtered to exactly its attempts. */
  channelId: string;
  rows: ErrorStatisticsView["rows"];
  emptyText: string;
  onPage: (page: number) => void;
}) {
  const t = useTranslations("statistics");
  const f = useConsoleFormat();
  const pageCount = Math.max(1, Math.ceil(rows.total / rows.pageSize));
  const first = (rows.page - 1) * rows.pageSize + 1;
  const last = first + rows.items.length - 1;
  return (
    <div className="space-y-3 py-3">
      {rows.items.length === 0 ? (
        <p className="text-sm text-muted">{emptyText}</p>
      ) : (
        <Table
          label={t("webhookErrorsTable.label")}
          caption={t("webhookErrorsTable.caption", {
            first: f.count(first),
            last: f.count(last),
            total: f.count(rows.total),
            zone: UTC9_LABEL,
          })}
        >
          <thead>
            <tr>
              <Th>{t("webhookErrorsTable.columns.date")}</Th>
              <Th>{t("webhookErrorsTable.columns.start")}</Th>
              <Th>{t("webhookErrorsTable.columns.end")}</Th>
              <Th>{t("webhookErrorsTable.columns.reason")}</Th>
              <Th>{t("webhookErrorsTable.columns.detail")}</Th>
              <Th className="text-right">{t("webhookErrorsTable.columns.errors")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.items.map((row) => (
              <tr key={`${row.date} ${row.start}\t${row.reason}\t${row.detail}`}>
                <Td className="whitespace-nowrap font-mono text-xs">{row.date}</Td>
                <Td className="whitespace-nowrap font-mono text-xs">{row.start}</Td>
                <Td className="whitespace-nowrap font-mono text-xs">{row.end}</Td>
                <Td className="whitespace-nowrap font-mono text-xs">{row.reason}</Td>
                <Td translate="no" className="min-w-40">
                  {row.detail}
                </Td>
                <Td className="text-right tabular-nums">
                  <a
                    className="underline"
                    href={`/console/channel/${encodeURIComponent(channelId)}/deliveries?${errorRowFilterSearch(row)}`}
                    aria-label={t("webhookErrorsTable.showAttempts", {
                      errors: row.errors,
                      reason: row.reason,
                      detail: row.detail,
                      start: row.start,
                    })}
                  >
                    {row.errors}
                  </a>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {(rows.items.length > 0 || rows.page > 1) && (
        <Pagination
          label={t("webhookErrorsTable.pages")}
          page={rows.page}
          pageCount={pageCount}
          onPage={onPage}
        />
      )}
    </div>
  );
}
