"use client";

import { useQuery } from "@tanstack/react-query";
import { type DeliveryView, deliveriesQuery } from "@/components/data/console-queries";
import { AttemptCells, AttemptTimeCell } from "@/components/deliveries/attempt-cells";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Td } from "@/components/ui/table";
import { UTC9_LABEL } from "@/lib/shared/utc9";

function Outcome({ delivery }: { delivery: DeliveryView }) {
  if (delivery.success) {
    return <span className="font-medium text-line-green-dark">Success</span>;
  }
  return <span className="font-mono text-xs text-danger">{delivery.reason}</span>;
}

/** The channel's latest delivery attempts, newest first; refreshes by itself. */
export function RecentDeliveries({ channelId }: { channelId: string }) {
  const { data, error, isPending } = useQuery(deliveriesQuery(channelId));
  return (
    <Card title="Recent deliveries">
      <div className="overflow-x-auto py-3">
        {isPending && <p className="text-sm text-muted">Loading…</p>}
        {error && <Alert tone="error">Could not load deliveries: {error.message}</Alert>}
        {data && data.deliveries.length === 0 && (
          <p className="text-sm text-muted">
            No webhooks sent yet. Send a test message, or turn on Use webhook and let events come.
          </p>
        )}
        {data && data.deliveries.length > 0 && (
          <table className="w-full text-left text-sm" aria-label="Recent deliveries">
            <thead className="text-xs text-muted">
              <tr>
                <th className="py-1 pr-3 font-medium">Time ({UTC9_LABEL})</th>
                <th className="py-1 pr-3 font-medium">Result</th>
                <th className="py-1 pr-3 font-medium">Detail</th>
                <th className="py-1 pr-3 font-medium">Status</th>
                <th className="py-1 pr-3 font-medium">Latency</th>
                <th className="py-1 pr-3 font-medium">Attempt</th>
                <th className="py-1 font-medium">Protocol</th>
              </tr>
            </thead>
            <tbody>
              {data.deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <AttemptTimeCell channelId={channelId} delivery={delivery} />
                  <Td>
                    <Outcome delivery={delivery} />
                  </Td>
                  <AttemptCells delivery={delivery} />
                  <Td className="font-mono text-xs">{delivery.protocol ?? "—"}</Td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}
