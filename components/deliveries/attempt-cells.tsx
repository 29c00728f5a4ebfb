import type { DeliveryView } from "@/components/data/console-queries";
import { Td } from "@/components/ui/table";

/**
 * The cells every list of attempts shows alike: LINE's detail (the underlying error on hover),
 * the HTTP status, the latency and which attempt it was.
 */
export function AttemptCells({ delivery }: { delivery: DeliveryView }) {
  return (
    <>
      <Td title={delivery.error ?? undefined}>{delivery.detail ?? "—"}</Td>
      <Td className="font-mono text-xs">{delivery.statusCode || "—"}</Td>
      <Td className="font-mono text-xs">{delivery.latencyMs} ms</Td>
      <Td className="text-xs">
        {delivery.attemptNumber}
        {delivery.isRedelivery ? " (redelivery)" : ""}
      </Td>
    </>
  );
}
