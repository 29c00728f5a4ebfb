import type { ErrorStatisticsView } from "@/components/data/console-queries";
import { Table, Td, Th } from "@/components/ui/table";
import { sharePercent } from "./reason-summary";

/** Errors per (reason, detail) over the whole period, most first. */
export function DetailsTable({
  details,
  emptyText,
}: {
  details: ErrorStatisticsView["details"];
  emptyText: string;
}) {
  if (details.length === 0) return <p className="py-2 text-sm text-muted">{emptyText}</p>;
  const total = details.reduce((sum, row) => sum + row.errors, 0);
  return (
    <Table label="Errors by reason and detail">
      <thead>
        <tr>
          <Th>Reason</Th>
          <Th>Detail</Th>
          <Th className="text-right">Errors</Th>
          <Th className="text-right">Share</Th>
        </tr>
      </thead>
      <tbody>
        {details.map((row) => (
          <tr key={`${row.reason}\t${row.detail}`}>
            <Td className="font-mono text-xs">{row.reason}</Td>
            <Td>{row.detail}</Td>
            <Td className="text-right tabular-nums">{row.errors.toLocaleString("en-US")}</Td>
            <Td className="text-right text-muted tabular-nums">
              {sharePercent(row.errors, total)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
