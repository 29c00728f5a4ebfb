"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { RedeliverNowButton } from "./redeliver-now-button";

/** How long the page re-reads itself after "Redeliver now", once a second. */
const WATCH_MS = 20_000;

/**
 * "Redeliver now" on a webhook's page. The page is rendered on the server, so after queuing it
 * refreshes itself for a while: the new attempt shows once the dispatcher has made it.
 */
export function WebhookRedeliverAction({
  channelId,
  webhookId,
  canConfigure,
}: {
  channelId: string;
  webhookId: string;
  canConfigure: boolean;
}) {
  const router = useRouter();
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(() => router.refresh(), 1000);
    const stop = setTimeout(() => setWatching(false), WATCH_MS);
    return () => {
      clearInterval(timer);
      clearTimeout(stop);
    };
  }, [watching, router]);
  return (
    <RedeliverNowButton
      channelId={channelId}
      webhookIds={[webhookId]}
      canConfigure={canConfigure}
      onQueued={() => setWatching(true)}
    />
  );
}
