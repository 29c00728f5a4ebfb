import { Table, Td, Th } from "@/components/ui/table";
import { type DeliveryPoint, deliveryRows } from "@/lib/shared/delivery-rows";
import { UTC9_LABEL } from "@/lib/shared/utc9";

/** One row per bucket with attempts, newest first: the rows of the TSV download. */
export function DeliveryTable({
  series,
  emptyText,
}: {
  series: readonly DeliveryPoint[];
  emptyText: string;
}) {
  const rows = deliveryRows(series);
  if (rows.length === 0) return <p className="py-2 text-sm text-muted">{emptyText}</p>;
  return (
    <Table label="Success rate and latency by period">
      <thead>
        <tr>
          <Th>Date ({UTC9_LABEL})</Th>
          <Th>Start</Th>
          <Th className="text-right">Attempts</Th>
          <Th className="text-right">Successes</Th>
          <Th className="text-right">Success rate</Th>
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
            <Td className="text-right tabular-nums">{row.attempts.toLocaleString("en-US")}</Td>
            <Td className="text-right tabular-nums">{row.successes.toLocaleString("en-US")}</Td>
            <Td className="text-right tabular-nums">
              {row.successRate ? `${row.successRate} %` : "–"}
            </Td>
            <Td className="text-right tabular-nums">{row.p50 ? `${row.p50} ms` : "–"}</Td>
            <Td className="text-right tabular-nums">{row.p95 ? `${row.p95} ms` : "–"}</Td>
            <Td className="text-right tabular-nums">{row.p99 ? `${row.p99} ms` : "–"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
