// What one attempt leaves behind: the attempt row and the webhook's next state. Plain types,
// shared by the dispatcher, the redelivery policy, the recorder and the queue's SQL.

export type WebhookStatus =
  | "pending"
  | "sending"
  | "delivered"
  | "failed"
  | "given_up"
  | "cancelled"
  /** Its channel's sending is paused: kept, not claimed, until resumed (lib/channels). */
  | "paused";

/** What an operator can redeliver now, and what it returns to when that attempt fails too. */
export type ManualRedeliveryFrom = Extract<WebhookStatus, "failed" | "given_up">;

/** One attempt as stored (DeliveryAttempt row). */
export interface AttemptRecord {
  id: string;
  webhookId: string;
  channelId: string;
  attemptedAt: Date;
  url: string;
  eventIds: string;
  attemptNumber: number;
  isRedelivery: boolean;
  success: boolean;
  reason: string | null;
  detail: string | null;
  statusCode: number;
  latencyMs: number;
  protocol: string | null;
  error: string | null;
  /** JSON object of the headers sent (content-type, user-agent, x-line-signature); not the body. */
  requestHeaders: string | null;
  /** JSON object of the response headers (lower-case names); null when no answer arrived. */
  responseHeaders: string | null;
  /** The first 4096 bytes of the response body as UTF-8; null when no answer arrived. */
  responseExcerpt: string | null;
  /** The response body was longer than the excerpt. */
  responseTruncated: boolean;
  /** Phase times in ms; null where this attempt had no such phase (see response-capture.ts). */
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  responseMs: number | null;
  /** Counted in error statistics; decided when the attempt is written (see write()). */
  counted: boolean;
}

/** What becomes of the webhook after an attempt (or without one, when it is cancelled). */
export interface WebhookOutcome {
  webhookId: string;
  status: WebhookStatus;
  /** For a webhook sent again later (redelivery). */
  nextAttemptAt?: Date;
  attempt?: AttemptRecord;
  /**
   * Use webhook and Error statistics aggregation were both on when the webhook was claimed for
   * this attempt; a failure is counted only if they still are when it is written.
   */
  countable?: boolean;
  /**
   * Webhook redelivery used up its schedule on this attempt: the webhook is given up for good,
   * which the channel's error notification reports (not set when an operator's single
   * "Redeliver now" attempt fails and the webhook returns to given up).
   */
  redeliveryStopped?: boolean;
}
