// Which webhooks an operator can send again at once with "Redeliver now": pure, so the console's
// buttons and the server's check read the same rule.

/** The most webhooks one "Redeliver now" sends again. */
export const REDELIVER_NOW_LIMIT = 100;

/** A webhook that failed (Webhook redelivery off) or was given up after its redeliveries. */
export const REDELIVERABLE_STATUSES = ["failed", "given_up"] as const;
export type RedeliverableStatus = (typeof REDELIVERABLE_STATUSES)[number];

export function isRedeliverable(status: string): status is RedeliverableStatus {
  return (REDELIVERABLE_STATUSES as readonly string[]).includes(status);
}

/**
 * A webhook waiting for its next automatic redelivery (Webhook redelivery on): pending again after
 * a failed attempt. "Redeliver now" sends it at once, as that next redelivery.
 */
export function isWaitingForRedelivery(webhook: { status: string; attemptCount: number }): boolean {
  return webhook.status === "pending" && webhook.attemptCount > 0;
}

/** Whether "Redeliver now" takes this webhook: failed, given up, or waiting for a redelivery. */
export function canRedeliverNow(webhook: { status: string; attemptCount: number }): boolean {
  return isRedeliverable(webhook.status) || isWaitingForRedelivery(webhook);
}
