import { useTranslations } from "next-intl";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { NO_VALUE } from "@/components/ui/no-value";
import { Table, Td, Th } from "@/components/ui/table";
import { type DeliveryPoint, deliveryRows } from "@/lib/shared/delivery-rows";
import { UTC9_LABEL } from "@/lib/shared/utc9";

/**
 * One row per bucket with attempts, newest first: the rows of the TSV download. The headings are
 * the page's language; the TSV's own header stays English (lib/shared/delivery-rows.ts).
 */
export function DeliveryTable({
  series,
  emptyText,
}: {
  series: readonly DeliveryPoint[];
  emptyText: string;
}) {
  const t = useTranslations("statistics");
  const f = useConsoleFormat();
  const rows = deliveryRows(series);
  if (rows.length === 0) return <p className="py-2 text-sm text-muted">{emptyText}</p>;
  return (
    <Table label={t("deliveryTable.label")}>
      <thead>
        <tr>
          <Th>{t("deliveryTable.date", { zone: UTC9_LABEL })}</Th>
          <Th>{t("deliveryTable.start")}</Th>
          <Th className="text-right">{t("deliveryTable.attempts")}</Th>
          <Th className="text-right">{t("deliveryTable.successes")}</Th>
          <Th className="text-right">{t("deliveryTable.successRate")}</Th>
          <Th className="text-right">p50</Th>
          <Th className="text-right">p95</Th>
          <Th className="text-right">p99</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.date} ${row.start}`}>
            <Td className="tabular-nums">{row.date}</Td>
            <Td className="tabular-nums">{row.start}</Td>
            <Td className="text-right tabular-nums">{f.count(row.attempts)}</Td>
            <Td className="text-right tabular-nums">{f.count(row.successes)}</Td>
            <Td className="text-right tabular-nums">
              {row.successRate ? `${row.successRate} %` : NO_VALUE}
            </Td>
            <Td className="text-right tabular-nums">{row.p50 ? `${row.p50} ms` : NO_VALUE}</Td>
            <Td className="text-right tabular-nums">{row.p95 ? `${row.p95} ms` : NO_VALUE}</Td>
            <Td className="text-right tabular-nums">{row.p99 ? `${row.p99} ms` : NO_VALUE}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
