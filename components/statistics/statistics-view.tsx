"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId } from "react";
import { channelQuery } from "@/components/data/console-queries";
import { Alert } from "@/components/ui/alert";
import type { ChannelView } from "@/lib/channels/channel-view";
import type { RetentionWindows } from "@/lib/shared/retention-windows";
import { DeliveryStatistics } from "./delivery-statistics";
import { ErrorStatistics } from "./error-statistics";
import { retentionSentence } from "./retention-notes";

const views = [
  { value: "errors", label: "Errors" },
  { value: "deliveries", label: "Success rate and latency" },
] as const;
type View = (typeof views)[number]["value"];

/**
 * Which view the URL asks for (`?view=deliveries`), so a view can be linked to; anything else is
 * the default, Errors. Both views read the same period and bucket parameters.
 */
function useStatisticsView() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view: View = views.find((v) => v.value === searchParams.get("view"))?.value ?? "errors";
  const setView = (next: View) => {
    const params = new URLSearchParams(searchParams.toString());
    if (next === "errors") params.delete("view");
    else params.set("view", next);
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return [view, setView] as const;
}

/**
 * The Statistics tab: a drop-down chooses what to show: "Errors" (webhook error statistics) or
 * "Success rate and latency" (every attempt's outcome and latency).
 */
export function StatisticsView({
  initialChannel,
  retention,
}: {
  initialChannel: ChannelView;
  /** How long each kind of data is kept (RETENTION_* settings); null when retention is off. */
  retention: RetentionWindows | null;
}) {
  const { data: channel } = useQuery({
    ...channelQuery(initialChannel.id),
    initialData: initialChannel,
  });
  const selectId = useId();
  const [view, setView] = useStatisticsView();
  const aggregating = channel.useWebhook && channel.errorStatisticsAggregation;
  const picker = (
    <div className="flex items-center gap-3">
      <label htmlFor={selectId} className="text-sm font-semibold">
        Statistics
      </label>
      <select
        id={selectId}
        value={view}
        onChange={(event) => setView(event.target.value as View)}
        className="rounded-md border border-line bg-white px-3 py-1.5 text-sm"
      >
        {views.map((view) => (
          <option key={view.value} value={view.value}>
            {view.label}
          </option>
        ))}
      </select>
    </div>
  );

  if (view === "deliveries") {
    return (
      <div className="space-y-6">
        {picker}
        <DeliveryStatistics
          channelId={channel.id}
          retention={retention}
          intro={<DeliveriesIntro useWebhook={channel.useWebhook} retention={retention} />}
        />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {picker}
      <ErrorStatistics
        channelId={channel.id}
        retention={retention}
        intro={
          <div className="space-y-3 text-sm">
            <p>
              Error statistics show webhooks that were actually sent and failed, grouped by reason
              and detail. Times are shown in UTC+9. Requests made to verify a webhook URL are never
              counted.
            </p>
            <p className="text-muted">{retentionSentence(retention)}</p>
            {aggregating ? (
              <Alert tone="success">Error statistics aggregation is on for this channel.</Alert>
            ) : (
              <Alert>
                Error statistics aggregation is off, so failed webhooks are not being counted. To
                turn it on, open the{" "}
                <Link
                  className="font-medium underline"
                  href={`/console/channel/${channel.id}/messaging-api`}
                >
                  Messaging API
                </Link>{" "}
                tab, turn on <strong>Use webhook</strong>, then{" "}
                <strong>Error statistics aggregation</strong>. Errors counted while it was on are
                still shown below.
              </Alert>
            )}
          </div>
        }
      />
    </div>
  );
}

/** What the Success rate and latency view counts, and when it does not. */
function DeliveriesIntro({
  useWebhook,
  retention,
}: {
  useWebhook: boolean;
  retention: RetentionWindows | null;
}) {
  return (
    <div className="space-y-3 text-sm">
      <p>
        Every attempt to send a webhook (first deliveries and redeliveries) made while{" "}
        <strong>Use webhook</strong> was on: how many were made, how many succeeded, and how long
        the successful ones took. Times are shown in UTC+9. These are not error statistics: the{" "}
        <strong>Error statistics aggregation</strong> setting does not apply to them.
      </p>
      <p className="text-muted">{retentionSentence(retention)}</p>
      {!useWebhook && (
        <Alert>
          Use webhook is off, so no attempts are being made or counted. Attempts counted while it
          was on are still shown below.
        </Alert>
      )}
    </div>
  );
}
