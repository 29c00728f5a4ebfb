// What becomes of a webhook after an attempt: a pure rule, kept apart from the dispatcher's
// machinery so it can be read and tested on its own (the schedule:
// docs/adr/0009-webhook-redelivery.md).
import type { AttemptRecord, ManualRedeliveryFrom, WebhookOutcome } from "./attempt-record";
import type { SendResult } from "./send-webhook";

/** The attempt row's columns for a send result: success, or reason and detail, status, latency. */
export function resultColumns(result: SendResult) {
  return {
    success: result.ok,
    reason: result.ok ? null : result.reason,
    detail: result.ok ? null : result.detail,
    statusCode: result.status,
    latencyMs: result.latencyMs,
    protocol: result.protocol,
    error: result.ok ? null : result.error,
  };
}

/**
 * Delivered on success. A failure is final unless Webhook redelivery is on: then the same
 * webhook is due again after the next delay of the schedule, and given up once it is used up.
 * An operator's "Redeliver now" is one attempt: if it fails, the webhook is back where it was
 * (failed, or given up), and no automatic redelivery follows it.
 */
export function outcomeAfter(
  webhookId: string,
  result: SendResult,
  attempt: AttemptRecord,
  {
    redelivery,
    schedule,
    manualRedeliveryFrom = null,
  }: {
    redelivery: boolean;
    schedule: readonly number[];
    manualRedeliveryFrom?: ManualRedeliveryFrom | null;
  },
): WebhookOutcome {
  if (result.ok) return { webhookId, status: "delivered", attempt };
  if (manualRedeliveryFrom) return { webhookId, status: manualRedeliveryFrom, attempt };
  if (!redelivery) return { webhookId, status: "failed", attempt };
  const delay = schedule[attempt.attemptNumber - 1];
  if (delay === undefined) return { webhookId, status: "given_up", attempt };
  return {
    webhookId,
    status: "pending",
    nextAttemptAt: new Date(attempt.attemptedAt.getTime() + result.latencyMs + delay),
    attempt,
  };
}
