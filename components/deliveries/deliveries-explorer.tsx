"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type DeliveryList, exploredDeliveriesQuery } from "@/components/data/console-queries";
import { AttemptCells, AttemptTimeCell } from "@/components/deliveries/attempt-cells";
import { EventIdList } from "@/components/deliveries/event-id-list";
import { SelectField, TextInputField } from "@/components/deliveries/filter-fields";
import { RedeliverNowButton } from "@/components/deliveries/redeliver-now-button";
import { ReplayCard } from "@/components/deliveries/replay-card";
import { webhookStateText } from "@/components/deliveries/webhook-state";
import { isoToUtc9Input, utc9InputToIso } from "@/components/statistics/utc9-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LoadOlder } from "@/components/ui/load-older";
import { NO_VALUE } from "@/components/ui/no-value";
import { Table, Td, Th } from "@/components/ui/table";
import { DELIVERY_RESULTS } from "@/lib/shared/delivery-filters";
import { FAILURE_REASONS } from "@/lib/shared/failure-reasons";
import { canRedeliverNow } from "@/lib/shared/redeliver-now";
import { UTC9_LABEL } from "@/lib/shared/utc9";

/**
 * Every attempt of the channel, newest first, filtered by what its URL says: a plain GET form, so
 * a filtered view is a link (the statistics link here) and works before any script runs.
 */
/** A filter's instant as the UTC+9 picker shows it; what does not read as one, as it is. */
function utc9InputOf(iso: string | undefined): string | undefined {
  return iso && !Number.isNaN(Date.parse(iso)) ? isoToUtc9Input(iso) : iso;
}

/**
 * The filters as the page's query: only those set (no `?result=&reason=&…`), From and To as the
 * instants their UTC+9 pickers show. A time that does not read goes as typed, for the page to
 * name the problem.
 */
function filterQuery(form: FormData): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of form) {
    if (typeof value !== "string" || value === "") continue;
    const instant = name === "from" || name === "to" ? utc9InputToIso(value) : null;
    query.set(name, instant ?? value);
  }
  return query;
}

/** The webhook an attempt row belongs to, as the redelivery rules read it. */
const webhookOf = (delivery: DeliveryList["deliveries"][number]) => ({
  status: delivery.webhookStatus,
  attemptCount: delivery.webhookAttemptCount,
});

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
  const router = useRouter();
  const [watchUntil, setWatchUntil] = useState(0);
  const list = useInfiniteQuery({
    ...exploredDeliveriesQuery(channelId, filterSearch, pageSize),
    initialData: initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
    enabled: initialPage !== null,
    staleTime: 0,
    refetchInterval: () => (Date.now() < watchUntil ? 1000 : false),
  });
  const deliveries = list.data?.pages.flatMap((page) => page.deliveries) ?? [];
  const t = useTranslations("deliveries.explorer");
  const columns = useTranslations("deliveries.columns");
  const outcome = useTranslations("deliveries.outcome");
  const deliveriesText = useTranslations("deliveries");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (webhookId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(webhookId)) next.add(webhookId);
      return next;
    });
  return (
    <div className="grid grid-cols-1 gap-6">
      <Card title={t("filters")}>
        <form
          method="get"
          className="grid grid-cols-1 gap-3 py-3 sm:grid-cols-3"
          aria-label={t("filters")}
          onSubmit={(event) => {
            event.preventDefault();
            router.push(`?${filterQuery(new FormData(event.currentTarget))}`);
          }}
        >
          <SelectField
            label={t("result")}
            name="result"
            value={filters.result}
            options={[
              ["", t("any")],
              ...DELIVERY_RESULTS.map((result) => [result, t(`results.${result}`)] as const),
            ]}
          />
          <SelectField
            label={t("reason")}
            name="reason"
            value={filters.reason}
            // LINE's reason codes, as LINE writes them.
            options={[
              ["", t("any")],
              ...FAILURE_REASONS.map((reason) => [reason, reason] as const),
            ]}
          />
          <TextInputField
            label={t("detail")}
            name="detail"
            value={filters.detail}
            placeholder={t("detailPlaceholder")}
          />
          <TextInputField
            label={t("httpStatus")}
            name="statusCode"
            value={filters.statusCode}
            placeholder={t("httpStatusPlaceholder")}
            inputMode="numeric"
          />
          <TextInputField
            label={t("from", { zone: UTC9_LABEL })}
            name="from"
            type="datetime-local"
            value={utc9InputOf(filters.from)}
          />
          <TextInputField
            label={t("to", { zone: UTC9_LABEL })}
            name="to"
            type="datetime-local"
            value={utc9InputOf(filters.to)}
          />
          <SelectField
            label={t("sentAs")}
            name="redelivery"
            value={filters.redelivery}
            options={[
              ["", t("sentAsAny")],
              ["false", t("firstSend")],
              ["true", t("redelivery")],
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
              {t("apply")}
            </Button>
            <a href="?" className="text-sm underline">
              {t("clear")}
            </a>
          </div>
        </form>
      </Card>
      <Card title={t("deliveries")}>
        <div className="grid grid-cols-1 gap-3 py-3">
          {problems.length > 0 && (
            <Alert tone="error">{t("problems", { problems: problems.join("; ") })}</Alert>
          )}
          {initialPage && deliveries.length === 0 && (
            <p className="text-sm text-muted">{t("noMatch")}</p>
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
                  ? t("selectHint")
                  : t("selected", { count: String(selected.size) })}
              </span>
            </div>
          )}
          {deliveries.length > 0 && (
            <Table
              label={t("deliveries")}
              caption={filters.counted === "true" ? t("captionCounted") : t("caption")}
            >
              <thead>
                <tr>
                  <Th>
                    <span className="sr-only">{columns("select")}</span>
                  </Th>
                  <Th>{columns("time")}</Th>
                  <Th>{columns("result")}</Th>
                  <Th>{columns("reason")}</Th>
                  <Th>{columns("detail")}</Th>
                  <Th>{columns("status")}</Th>
                  <Th>{columns("latency")}</Th>
                  <Th>{columns("attempt")}</Th>
                  <Th>{columns("webhookNow")}</Th>
                  <Th translate="no">webhookEventIds</Th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.id} data-testid="delivery">
                    <Td>
                      {canRedeliverNow(webhookOf(delivery)) && (
                        <input
                          type="checkbox"
                          aria-label={t("selectWebhook", { id: delivery.webhookId })}
                          checked={selected.has(delivery.webhookId)}
                          disabled={!canConfigure}
                          onChange={() => toggle(delivery.webhookId)}
                        />
                      )}
                    </Td>
                    <AttemptTimeCell channelId={channelId} delivery={delivery} />
                    <Td>
                      {delivery.success ? (
                        <span className="font-medium text-line-green-dark">
                          {outcome("success")}
                        </span>
                      ) : (
                        <span className="text-danger">{outcome("failed")}</span>
                      )}
                    </Td>
                    <Td className="font-mono text-xs">{delivery.reason ?? NO_VALUE}</Td>
                    <AttemptCells delivery={delivery} />
                    <Td className="text-xs whitespace-nowrap" data-state={delivery.webhookStatus}>
                      {webhookStateText(deliveriesText, webhookOf(delivery))}
                    </Td>
                    <Td>
                      <EventIdList ids={delivery.webhookEventIds} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {list.error && (
            <Alert tone="error">{t("loadFailed", { message: list.error.message })}</Alert>
          )}
          <LoadOlder pages={list} />
        </div>
      </Card>
      <ReplayCard channelId={channelId} filterSearch={filterSearch} canConfigure={canConfigure} />
    </div>
  );
}
