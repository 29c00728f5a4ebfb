"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  type ReplayJobView,
  replaysQuery,
  useCancelReplay,
  usePreviewReplay,
  useStartReplay,
} from "@/components/data/replay-queries";
import { RoleNote, VIEWER_NOTE } from "@/components/roles/role-note";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RateSelect } from "@/components/ui/rate-select";
import { HeaderRow, Table, Td } from "@/components/ui/table";
import { DEFAULT_REPLAY_RATE } from "@/lib/replay/replay-limits";
import { formatUtc9Minute } from "@/lib/shared/utc9";

const RATES = [10, DEFAULT_REPLAY_RATE, 100, 500, 1000] as const;

/**
 * Replay by filter: the webhooks with an attempt the explorer's filters select are counted
 * first (dry run), then sent again at a chosen rate; running and past replays below, with their
 * progress, and Cancel for one that runs.
 */
export function ReplayCard({
  channelId,
  filterSearch,
  canConfigure,
}: {
  channelId: string;
  /** The explorer's filters, as its URL holds them. */
  filterSearch: string;
  canConfigure: boolean;
}) {
  const t = useTranslations("deliveries.replay");
  const preview = usePreviewReplay(channelId);
  const start = useStartReplay(channelId);
  const [includeDelivered, setIncludeDelivered] = useState(false);
  const [rate, setRate] = useState<number>(DEFAULT_REPLAY_RATE);
  const counted = preview.data && preview.variables === filterSearch ? preview.data : null;
  const total = counted
    ? counted.byState.failed +
      counted.byState.given_up +
      (includeDelivered ? counted.byState.delivered : 0)
    : 0;
  return (
    <Card title={t("title")}>
      <div className="grid grid-cols-1 gap-3 py-3">
        <p className="text-sm text-muted">{t("intro")}</p>
        {!canConfigure && <RoleNote note={VIEWER_NOTE} />}
        {canConfigure && (
          <div className="flex flex-wrap items-center gap-3">
            <Button
              disabled={preview.isPending}
              onClick={() => {
                setIncludeDelivered(false);
                start.reset();
                preview.mutate(filterSearch);
              }}
            >
              {preview.isPending ? t("counting") : t("count")}
            </Button>
          </div>
        )}
        {preview.error && <Alert tone="error">{preview.error.message}</Alert>}
        {counted && (
          <div className="grid grid-cols-1 gap-3" aria-live="polite">
            <p className="text-sm" data-testid="replay-count">
              {t("matching", {
                failed: counted.byState.failed,
                givenUp: counted.byState.given_up,
              })}
            </p>
            {counted.byState.delivered > 0 && (
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={includeDelivered}
                  onChange={(event) => setIncludeDelivered(event.target.checked)}
                />
                <span>{t("includeDelivered", { count: counted.byState.delivered })}</span>
              </label>
            )}
            <div className="flex flex-wrap items-end gap-3">
              <RateSelect
                label={t("rate")}
                rates={RATES}
                value={rate}
                onChange={setRate}
                format={(count) => t("perSecond", { count })}
              />
              <Button
                variant="primary"
                disabled={total === 0 || start.isPending}
                onClick={() =>
                  start.mutate(
                    { filter: filterSearch, includeDelivered, ratePerSecond: rate },
                    { onSuccess: () => preview.reset() },
                  )
                }
              >
                {t("start", { count: total })}
              </Button>
            </div>
          </div>
        )}
        {start.error && <Alert tone="error">{start.error.message}</Alert>}
        <ReplayJobs channelId={channelId} canConfigure={canConfigure} />
      </div>
    </Card>
  );
}

function ReplayJobs({ channelId, canConfigure }: { channelId: string; canConfigure: boolean }) {
  const t = useTranslations("deliveries.replay");
  const { data } = useQuery(replaysQuery(channelId));
  const cancel = useCancelReplay(channelId);
  const jobs = data?.replays ?? [];
  if (jobs.length === 0) return null;
  return (
    <>
      <Table label={t("jobs")}>
        <HeaderRow
          columns={[t("started"), t("by"), t("filters"), t("progress"), t("state")]}
          actions={canConfigure}
        />
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-testid="replay-job">
              <Td className="whitespace-nowrap tabular-nums">
                {formatUtc9Minute(new Date(job.createdAt))}
              </Td>
              <Td translate="no">{job.createdBy}</Td>
              <Td>
                <code translate="no" className="text-xs">
                  {filterText(job) || t("allFilters")}
                </code>
              </Td>
              <Td className="whitespace-nowrap">
                <Progress job={job} />
              </Td>
              <Td className="whitespace-nowrap">{t(`states.${job.status}`)}</Td>
              {canConfigure && (
                <Td>
                  {job.status === "running" && (
                    <Button
                      disabled={cancel.isPending}
                      onClick={() => cancel.mutate(job.id)}
                      aria-label={t("cancelJob", {
                        started: formatUtc9Minute(new Date(job.createdAt)),
                      })}
                    >
                      {t("cancel")}
                    </Button>
                  )}
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
      {cancel.error && <Alert tone="error">{cancel.error.message}</Alert>}
    </>
  );
}

function Progress({ job }: { job: ReplayJobView }) {
  const t = useTranslations("deliveries.replay");
  return (
    <div className="grid gap-1">
      <progress
        className="h-2 w-32"
        max={job.total}
        value={job.queued}
        aria-label={t("queuedOf", { queued: job.queued, total: job.total })}
      />
      <span className="text-xs text-muted">
        {t("queuedOf", { queued: job.queued, total: job.total })} ·{" "}
        {t("sentFailed", { sent: job.sent, failed: job.failed })}
      </span>
      {job.error && <span className="text-xs text-danger">{job.error}</span>}
    </div>
  );
}

/** A job's filters as the explorer's URL writes them. */
function filterText(job: ReplayJobView): string {
  return new URLSearchParams(
    Object.entries(job.filter)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => [name, String(value)]),
  ).toString();
}
