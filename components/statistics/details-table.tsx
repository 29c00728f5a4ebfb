import { useTranslations } from "next-intl";
import type { ErrorStatisticsView } from "@/components/data/console-queries";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { Table, Td, Th } from "@/components/ui/table";
import { explainDetail } from "./failure-explanations";
import { sharePercent } from "./reason-summary";

/** Errors per (reason, detail) over the whole period, most first. */
export function DetailsTable({
  details,
  emptyText,
}: {
  details: ErrorStatisticsView["details"];
  emptyText: string;
}) {
  const t = useTranslations("statistics");
  const f = useConsoleFormat();
  if (details.length === 0) return <p className="py-2 text-sm text-muted">{emptyText}</p>;
  const total = details.reduce((sum, row) => sum + row.errors, 0);
  return (
    <Table label={t("detailsTable.label")}>
      <thead>
        <tr>
          <Th>{t("detailsTable.reason")}</Th>
          <Th>{t("detailsTable.detail")}</Th>
          <Th className="text-right">{t("detailsTable.errors")}</Th>
          <Th className="text-right">{t("detailsTable.share")}</Th>
          <Th>{t("explanations.column")}</Th>
        </tr>
      </thead>
      <tbody>
        {details.map((row) => (
          <tr key={`${row.reason}\t${row.detail}`}>
            <Td translate="no" className="whitespace-nowrap font-mono text-xs">
              {row.reason}
            </Td>
            <Td translate="no" className="min-w-40">
              {row.detail}
            </Td>
            <Td className="text-right tabular-nums">{f.count(row.errors)}</Td>
            <Td className="whitespace-nowrap text-right text-muted tabular-nums">
              {sharePercent(row.errors, total)}
            </Td>
            {/* Wide enough to read as a sentence: on a phone the table scrolls instead. */}
            <Td className="min-w-64 text-xs text-muted">
              {explainDetail(t, row.reason, row.detail)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
