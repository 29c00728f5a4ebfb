"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type DeliveryView, deliveriesQuery } from "@/components/data/console-queries";
import { AttemptCells, AttemptTimeCell } from "@/components/deliveries/attempt-cells";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { HorizontalScroll } from "@/components/ui/horizontal-scroll";
import { NO_VALUE } from "@/components/ui/no-value";
import { Td } from "@/components/ui/table";

function Outcome({ delivery }: { delivery: DeliveryView }) {
  const t = useTranslations("deliveries.outcome");
  if (delivery.success) {
    return <span className="font-medium text-line-green-dark">{t("success")}</span>;
  }
  return <span className="font-mono text-xs text-danger">{delivery.reason}</span>;
}

/** The channel's latest delivery attempts, newest first; refreshes by itself. */
export function RecentDeliveries({ channelId }: { channelId: string }) {
  const { data, error, isPending } = useQuery(deliveriesQuery(channelId));
  const t = useTranslations("deliveries.recent");
  const columns = useTranslations("deliveries.columns");
  const common = useTranslations("common");
  return (
    <Card title={t("title")}>
      <HorizontalScroll label={t("title")} className="py-3">
        {isPending && <p className="text-sm text-muted">{common("loading")}</p>}
        {error && <Alert tone="error">{t("loadFailed", { message: error.message })}</Alert>}
        {data && data.deliveries.length === 0 && <p className="text-sm text-muted">{t("empty")}</p>}
        {data && data.deliveries.length > 0 && (
          <table className="w-full text-left text-sm" aria-label={t("title")}>
            <thead className="text-xs text-muted">
              <tr>
                <th className="py-1 pr-3 font-medium">{columns("time")}</th>
                <th className="py-1 pr-3 font-medium">{columns("result")}</th>
                <th className="py-1 pr-3 font-medium">{columns("detail")}</th>
                <th className="py-1 pr-3 font-medium">{columns("status")}</th>
                <th className="py-1 pr-3 font-medium">{columns("latency")}</th>
                <th className="py-1 pr-3 font-medium">{columns("attempt")}</th>
                <th className="py-1 font-medium">{columns("protocol")}</th>
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
                  <Td className="font-mono text-xs">{delivery.protocol ?? NO_VALUE}</Td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </HorizontalScroll>
    </Card>
  );
}
