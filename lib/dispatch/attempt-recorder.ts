import type { Db } from "../db/client";
import { insertAttempts, setStatus } from "./webhook-queue";

export type WebhookStatus =
  | "pending"
  | "sending"
  | "delivered"
  | "failed"
  | "given_up"
  | "cancelled";

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
}

/** What becomes of the webhook after an attempt (or without one, when it is cancelled). */
export interface WebhookOutcome {
  webhookId: string;
  status: WebhookStatus;
  /** For a webhook sent again later (redelivery). */
  nextAttemptAt?: Date;
  attempt?: AttemptRecord;
}

const MAX_BATCH = 256;
/** How long an outcome may wait for others to share its transaction. */
const BATCH_WINDOW_MS = 10;

/**
 * Writes attempts and webhook status changes in batches: each flush is one transaction, so an
 * attempt and its webhook's new status are stored together or not at all. Batching is what lets
 * the dispatcher keep up with a fast bot (see the dispatch benchmark in the README). Until its
 * batch commits, a webhook stays "sending": after a crash it is sent again (at least once).
 */
export class AttemptRecorder {
  private buffer: {
    outcome: WebhookOutcome;
    done: () => void;
    failed: (error: unknown) => void;
  }[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private writing = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db) {}

  /** Outcomes not yet committed. */
  get pending(): number {
    return this.buffer.length + this.writing;
  }

  /** Resolves once the outcome is committed. */
  record(outcome: WebhookOutcome): Promise<void> {
    return new Promise((done, failed) => {
      this.buffer.push({ outcome, done, failed });
      if (this.buffer.length >= MAX_BATCH) this.flushNow();
      else this.timer ??= setTimeout(() => this.flushNow(), BATCH_WINDOW_MS);
    });
  }

  /** Commits everything recorded so far. */
  flush(): Promise<void> {
    this.flushNow();
    return this.flushing;
  }

  private flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0) return;
    const batch = this.buffer.splice(0, this.buffer.length);
    this.writing += batch.length;
    this.flushing = this.flushing.then(async () => {
      try {
        await this.write(batch.map((entry) => entry.outcome));
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.failed(error);
      } finally {
        this.writing -= batch.length;
      }
    });
  }

  private async write(outcomes: WebhookOutcome[]): Promise<void> {
    const attempts = outcomes.flatMap((outcome) => (outcome.attempt ? [outcome.attempt] : []));
    // Outcomes that change only status and attempt count are written as one UPDATE per kind;
    // the few with their own next attempt time are written one by one.
    const groups = new Map<string, { status: WebhookStatus; attempted: boolean; ids: string[] }>();
    const individual: WebhookOutcome[] = [];
    for (const outcome of outcomes) {
      if (outcome.nextAttemptAt) {
        individual.push(outcome);
        continue;
      }
      const attempted = outcome.attempt !== undefined;
      const key = `${outcome.status}:${attempted}`;
      const group = groups.get(key) ?? { status: outcome.status, attempted, ids: [] };
      group.ids.push(outcome.webhookId);
      groups.set(key, group);
    }
    const now = new Date();
    await this.db.$transaction([
      ...(attempts.length ? [insertAttempts(this.db, attempts)] : []),
      ...[...groups.values()].map((group) => setStatus(this.db, { ...group, now })),
      ...individual.map((outcome) =>
        this.db.webhook.update({
          where: { id: outcome.webhookId },
          data: {
            status: outcome.status,
            claimToken: null,
            nextAttemptAt: outcome.nextAttemptAt,
            ...(outcome.attempt ? { attemptCount: { increment: 1 } } : {}),
          },
        }),
      ),
    ]);
  }
}
