"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type DeliveryList, exploredDeliveriesQuery } from "@/components/data/console-queries";
import { AttemptCells, AttemptTimeCell } from "@/components/deliveries/attempt-cells";
import { SelectField, TextInputField } from "@/components/deliveries/filter-fields";
import { RedeliverNowButton } from "@/components/deliveries/redeliver-now-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LoadOlder } from "@/components/ui/load-older";
import { Table, Td, Th } from "@/components/ui/table";
import { DELIVERY_RESULTS } from "@/lib/shared/delivery-filters";
import { FAILURE_REASONS } from "@/lib/shared/failure-reasons";
import { isRedeliverable } from "@/lib/shared/redeliver-now";
import { UTC9_LABEL } from "@/lib/shared/utc9";

const RESULT_LABELS: Record<(typeof DELIVERY_RESULTS)[number], string> = {
  success: "Success",
  failed: "Failed",
  given_up: "Given up (redelivery stopped)",
  pending_redelivery: "Pending redelivery",
};

/**
 * Every attempt of the channel, newest first, filtered by what its URL says: a plain GET form, so
 * a filtered view is a link (the statistics link here) and works before any script runs.
 */
export function DeliveriesExplorer({
  channelId,
  filters,
  filterSearch,
  initialPage,
  problems,
  pageSize,
  canConfigure,
}: {
  channelId: string;
  filters: Record<string, string | undefined>;
  filterSearch: string;
  /** The first page, read by the server page; null when the filters were refused. */
  initialPage: DeliveryList | null;
  problems: string[];
  pageSize: number;
  /** Whether the operator may redeliver (Members and Admins). */
  canConfigure: boolean;
}) {
  // After "Redeliver now" the list refreshes itself for a while, so the new attempts show up
  // without a reload; otherwise it stays as read (the filters describe a moment).
  const [watchUntil, setWatchUntil] = useState(0);
  const list = useInfiniteQuery({
    ...exploredDeliveriesQuery(channelId, filterSearch, pageSize),
    initialData: initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
    enabled: initialPage !== null,
    staleTime: 0,
    refetchInterval: () => (Date.now() < watchUntil ? 1000 : false),
  });
  const deliveries = list.data?.pages.flatMap((page) => page.deliveries) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (webhookId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(webhookId)) next.add(webhookId);
      return next;
    });
  return (
    <div className="grid gap-6">
      <Card title="Filters">
        <form method="get" className="grid gap-3 py-3 sm:grid-cols-3" aria-label="Filters">
          <SelectField
            label="Result"
            name="result"
            value={filters.result}
            options={[
              ["", "Any"],
              ...DELIVERY_RESULTS.map((result) => [result, RESULT_LABELS[result]] as const),
            ]}
          />
          <SelectField
            label="Reason"
            name="reason"
            value={filters.reason}
            options={[["", "Any"], ...FAILURE_REASONS.map((reason) => [reason, reason] as const)]}
          />
          <TextInputField
            label="Detail"
            name="detail"
            value={filters.detail}
            placeholder="Connection failed, 500, …"
          />
          <TextInputField
            label="HTTP status"
            name="statusCode"
            value={filters.statusCode}
            placeholder="500 (0: no answer)"
            inputMode="numeric"
          />
          <TextInputField
            label={`From (${UTC9_LABEL} or any offset)`}
            name="from"
            value={filters.from}
            placeholder="2026-11-27T09:00:00+09:00"
          />
          <TextInputField
            label="To"
            name="to"
            value={filters.to}
            placeholder="2026-11-27T10:00:00+09:00"
          />
          <SelectField
            label="Sent as"
            name="redelivery"
            value={filters.redelivery}
            options={[
              ["", "First send or redelivery"],
              ["false", "First send"],
              ["true", "Redelivery"],
            ]}
          />
          <TextInputField
            label="webhookEventId"
            name="webhookEventId"
            value={filters.webhookEventId}
            monospace
          />
          {filters.counted && <input type="hidden" name="counted" value={filters.counted} />}
          <div className="flex items-end gap-2">
            <Button type="submit" variant="primary">
              Apply
            </Button>
            <a href="?" className="text-sm underline">
              Clear
            </a>
          </div>
        </form>
      </Card>
      <Card title="Deliveries">
        <div className="grid gap-3 py-3">
          {problems.length > 0 && (
            <Alert tone="error">These filters cannot be used: {problems.join("; ")}</Alert>
          )}
          {initialPage && deliveries.length === 0 && (
            <p className="text-sm text-muted">No delivery attempts match these filters.</p>
          )}
          {deliveries.length > 0 && (
            <div className="flex flex-wrap items-center gap-3">
              <RedeliverNowButton
                channelId={channelId}
                webhookIds={[...selected]}
                canConfigure={canConfigure}
                onQueued={() => {
                  setSelected(new Set());
                  setWatchUntil(Date.now() + 20_000);
                }}
              />
              <span className="text-xs text-muted">
                {selected.size === 0
                  ? "Select failed or given-up webhooks to send them again now."
                  : `${selected.size} selected.`}
              </span>
            </div>
          )}
          {deliveries.length > 0 && (
            <Table
              label="Deliveries"
              caption={`Every attempt, newest first. Times in ${UTC9_LABEL}; a time opens the webhook's request and attempts.${filters.counted === "true" ? " Only attempts counted in the error statistics." : ""}`}
            >
              <thead>
                <tr>
                  <Th>
                    <span className="sr-only">Select</span>
                  </Th>
                  <Th>Time ({UTC9_LABEL})</Th>
                  <Th>Result</Th>
                  <Th>Reason</Th>
                  <Th>Detail</Th>
                  <Th>Status</Th>
                  <Th>Latency</Th>
                  <Th>Attempt</Th>
                  <Th>Webhook now</Th>
                  <Th>webhookEventIds</Th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.id} data-testid="delivery">
                    <Td>
                      {isRedeliverable(delivery.webhookStatus) && (
                        <input
                          type="checkbox"
                          aria-label={`Select webhook ${delivery.webhookId}`}
                          checked={selected.has(delivery.webhookId)}
                          disabled={!canConfigure}
                          onChange={() => toggle(delivery.webhookId)}
                        />
                      )}
                    </Td>
                    <AttemptTimeCell channelId={channelId} delivery={delivery} />
                    <Td>
                      {delivery.success ? (
                        <span className="font-medium text-line-green-dark">Success</span>
                      ) : (
                        <span className="text-danger">Failed</span>
                      )}
                    </Td>
                    <Td className="font-mono text-xs">{delivery.reason ?? "—"}</Td>
                    <AttemptCells delivery={delivery} />
                    <Td className="text-xs">{delivery.webhookStatus}</Td>
                    <Td className="break-all font-mono text-xs">
                      {delivery.webhookEventIds.join(", ")}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {list.error && (
            <Alert tone="error">Deliveries could not be loaded: {list.error.message}</Alert>
          )}
          <LoadOlder pages={list} />
        </div>
      </Card>
    </div>
  );
}
