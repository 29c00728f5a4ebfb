// What one attempt leaves behind: the attempt row and the webhook's next state. Plain types,
// shared by the dispatcher, the redelivery policy, the recorder and the queue's SQL.

export type WebhookStatus =
  | "pending"
  | "sending"
  | "delivered"
  | "failed"
  | "given_up"
  | "cancelled";

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
}
