"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId } from "react";
import { channelQuery } from "@/components/data/console-queries";
import { Alert } from "@/components/ui/alert";
import type { ChannelView } from "@/lib/channels/channel-view";
import type { RetentionWindows } from "@/lib/shared/retention-windows";
import { ErrorStatistics } from "./error-statistics";
import { retentionSentence } from "./retention-notes";

const views = [{ value: "errors", label: "Errors" }] as const;

/** The Statistics tab: a drop-down chooses what to show; "Errors" is webhook error statistics. */
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
  const aggregating = channel.useWebhook && channel.errorStatisticsAggregation;

  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <label htmlFor={selectId} className="text-sm font-semibold">
          Statistics
        </label>
        <select
          id={selectId}
          defaultValue="errors"
          className="rounded-md border border-line bg-white px-3 py-1.5 text-sm"
        >
          {views.map((view) => (
            <option key={view.value} value={view.value}>
              {view.label}
            </option>
          ))}
        </select>
      </div>
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
