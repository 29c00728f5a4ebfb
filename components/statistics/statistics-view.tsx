"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useId } from "react";
import { useChannelDetail } from "@/components/data/use-channel-detail";
import { Alert } from "@/components/ui/alert";
import type { ChannelView } from "@/lib/channels/channel-view";
import type { RetentionWindows } from "@/lib/shared/retention-windows";
import { DeliveryStatistics } from "./delivery-statistics";
import { ErrorStatistics } from "./error-statistics";
import { retentionSentence } from "./retention-notes";

/** The views; each one's label is the message `view.<value>`. */
const views = [{ value: "errors" }, { value: "deliveries" }] as const;
type View = (typeof views)[number]["value"];

/** The bold setting names in the intros' messages (`<strong>…</strong>`). */
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

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
  renderedAt,
}: {
  initialChannel: ChannelView;
  /** When the server rendered the page (ms), for a rolling period shown before its answer. */
  renderedAt: number;
  /** How long each kind of data is kept (RETENTION_* settings); null when retention is off. */
  retention: RetentionWindows | null;
}) {
  const t = useTranslations("statistics");
  const channel = useChannelDetail(initialChannel);
  const selectId = useId();
  const [view, setView] = useStatisticsView();
  const aggregating = channel.useWebhook && channel.errorStatisticsAggregation;
  const picker = (
    <div className="flex items-center gap-3">
      <label htmlFor={selectId} className="text-sm font-semibold">
        {t("view.label")}
      </label>
      <select
        id={selectId}
        value={view}
        onChange={(event) => setView(event.target.value as View)}
        className="rounded-md border border-line bg-white px-3 py-1.5 text-sm"
      >
        {views.map((view) => (
          <option key={view.value} value={view.value}>
            {t(`view.${view.value}`)}
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
          renderedAt={renderedAt}
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
        renderedAt={renderedAt}
        intro={
          <div className="space-y-3 text-sm">
            <p>{t("errorsIntro.about")}</p>
            <p className="text-muted">{retentionSentence(t, retention)}</p>
            {aggregating ? (
              <Alert tone="success">{t("errorsIntro.aggregationOn")}</Alert>
            ) : (
              <Alert>
                {t.rich("errorsIntro.aggregationOff", {
                  link: (chunks) => (
                    <Link
                      className="font-medium underline"
                      href={`/console/channel/${channel.id}/messaging-api`}
                    >
                      {chunks}
                    </Link>
                  ),
                  strong,
                })}
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
  const t = useTranslations("statistics");
  return (
    <div className="space-y-3 text-sm">
      <p>{t.rich("deliveriesIntro.about", { strong })}</p>
      <p className="text-muted">{retentionSentence(t, retention)}</p>
      {!useWebhook && <Alert>{t("deliveriesIntro.webhookOff")}</Alert>}
    </div>
  );
}
