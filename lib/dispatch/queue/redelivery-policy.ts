// What becomes of a webhook after an attempt: a pure rule, kept apart from the dispatcher's
// machinery so it can be read and tested on its own (the schedule:
// docs/adr/0009-webhook-redelivery.md).

import type { SendResult } from "../send/send-webhook";
import type { AttemptRecord, ManualRedeliveryFrom, WebhookOutcome } from "./attempt-record";
import { storableText, storedHeaders } from "./stored-response";

/**
 * The attempt row's columns for a send result: success, or reason and detail, status, latency;
 * what the bot answered (headers, the start of the body) and where the time went.
 */
export function resultColumns(result: SendResult) {
  const responseHeaders = storedHeaders(result.responseHeaders);
  // No headers means no answer arrived: then there is no body either, not an empty one.
  const answered = responseHeaders !== null || result.status !== 0;
  return {
    success: result.ok,
    reason: result.ok ? null : result.reason,
    detail: result.ok ? null : result.detail,
    statusCode: result.status,
    latencyMs: result.latencyMs,
    protocol: result.protocol,
    error: result.ok ? null : result.error,
    responseHeaders,
    responseExcerpt: answered ? storableText(result.responseExcerpt) : null,
    responseTruncated: result.responseTruncated,
    dnsMs: result.timings.dnsMs,
    connectMs: result.timings.connectMs,
    tlsMs: result.timings.tlsMs,
    responseMs: result.timings.responseMs,
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
  if (delay === undefined) {
    return { webhookId, status: "given_up", attempt, redeliveryStopped: true };
  }
  return {
    webhookId,
    status: "pending",
    nextAttemptAt: new Date(attempt.attemptedAt.getTime() + result.latencyMs + delay),
    attempt,
  };
}
