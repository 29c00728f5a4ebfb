import type { Translator } from "@/components/i18n/translator";
import { isWaitingForRedelivery } from "@/lib/shared/redeliver-now";

const STATES = [
  "pending",
  "sending",
  "delivered",
  "failed",
  "given_up",
  "cancelled",
  "paused",
] as const;

/**
 * A webhook's state in the page's language. The API names it with a code (`given_up`); pending
 * after an attempt is "waiting for redelivery"; a code this console does not know (a newer
 * server) is shown as it is.
 */
export function webhookStateText(
  t: Translator<"deliveries">,
  webhook: { status: string; attemptCount: number },
): string {
  // A paused webhook after a failed attempt is kept too: "paused" says why it waits.
  if (isWaitingForRedelivery(webhook)) return t("states.waitingForRedelivery");
  const { status } = webhook;
  return (STATES as readonly string[]).includes(status)
    ? t(`states.${status as (typeof STATES)[number]}`)
    : status;
}
