"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { type DeliveryList, exploredDeliveriesQuery } from "@/components/data/console-queries";
import { AttemptCells, AttemptTimeCell } from "@/components/deliveries/attempt-cells";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { DELIVERY_RESULTS } from "@/lib/shared/delivery-filters";
import { FAILURE_REASONS } from "@/lib/shared/failure-reasons";
import { UTC9_LABEL } from "@/lib/shared/utc9";

const RESULT_LABELS: Record<(typeof DELIVERY_RESULTS)[number], string> = {
  success: "Success",
  failed: "Failed",
  given_up: "Given up (redelivery stopped)",
  pending_redelivery: "Pending redelivery",
};

const fieldClass =
  "mt-1 block w-full rounded-md border border-line bg-white px-3 py-1.5 text-sm outline-none focus:ring-2 focus:ring-line-green/30";

/** A label and its control, tied by id: `children` renders the control with the id given. */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

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
}: {
  channelId: string;
  filters: Record<string, string | undefined>;
  filterSearch: string;
  /** The first page, read by the server page; null when the filters were refused. */
  initialPage: DeliveryList | null;
  problems: string[];
  pageSize: number;
}) {
  const list = useInfiniteQuery({
    ...exploredDeliveriesQuery(channelId, filterSearch, pageSize),
    initialData: initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
    enabled: initialPage !== null,
    staleTime: 0,
  });
  const deliveries = list.data?.pages.flatMap((page) => page.deliveries) ?? [];
  return (
    <div className="grid gap-6">
      <Card title="Filters">
        <form method="get" className="grid gap-3 py-3 sm:grid-cols-3" aria-label="Filters">
          <Field label="Result">
            {(id) => (
              <select
                id={id}
                name="result"
                defaultValue={filters.result ?? ""}
                className={fieldClass}
              >
                <option value="">Any</option>
                {DELIVERY_RESULTS.map((result) => (
                  <option key={result} value={result}>
                    {RESULT_LABELS[result]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Reason">
            {(id) => (
              <select
                id={id}
                name="reason"
                defaultValue={filters.reason ?? ""}
                className={fieldClass}
              >
                <option value="">Any</option>
                {FAILURE_REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {reason}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Detail">
            {(id) => (
              <input
                id={id}
                name="detail"
                defaultValue={filters.detail ?? ""}
                placeholder="Connection failed, 500, …"
                className={fieldClass}
              />
            )}
          </Field>
          <Field label="HTTP status">
            {(id) => (
              <input
                id={id}
                name="statusCode"
                inputMode="numeric"
                defaultValue={filters.statusCode ?? ""}
                placeholder="500 (0: no answer)"
                className={fieldClass}
              />
            )}
          </Field>
          <Field label={`From (${UTC9_LABEL} or any offset)`}>
            {(id) => (
              <input
                id={id}
                name="from"
                defaultValue={filters.from ?? ""}
                placeholder="2026-11-27T09:00:00+09:00"
                className={fieldClass}
              />
            )}
          </Field>
          <Field label="To">
            {(id) => (
              <input
                id={id}
                name="to"
                defaultValue={filters.to ?? ""}
                placeholder="2026-11-27T10:00:00+09:00"
                className={fieldClass}
              />
            )}
          </Field>
          <Field label="Sent as">
            {(id) => (
              <select
                id={id}
                name="redelivery"
                defaultValue={filters.redelivery ?? ""}
                className={fieldClass}
              >
                <option value="">First send or redelivery</option>
                <option value="false">First send</option>
                <option value="true">Redelivery</option>
              </select>
            )}
          </Field>
          <Field label="webhookEventId">
            {(id) => (
              <input
                id={id}
                name="webhookEventId"
                defaultValue={filters.webhookEventId ?? ""}
                className={`${fieldClass} font-mono`}
              />
            )}
          </Field>
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
            <Table
              label="Deliveries"
              caption={`Every attempt, newest first. Times in ${UTC9_LABEL}; a time opens the webhook's request and attempts.${filters.counted === "true" ? " Only attempts counted in the error statistics." : ""}`}
            >
              <thead>
                <tr>
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
          {list.hasNextPage && (
            <div>
              <Button disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
                {list.isFetchingNextPage ? "Loading…" : "Load older"}
              </Button>
            </div>
          )}
        </div>
      </Card>
    </div>
  );
}
