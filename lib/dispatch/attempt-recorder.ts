import "server-only";
import type { Db, DbTransaction } from "../db/client";
import { dueDeltas, recordNotificationsDue } from "../notifications/notifications-due";
import { upsertDeliveryRollups } from "../statistics/delivery-rollups";
import { rollupDeltas, upsertRollups } from "../statistics/error-rollups";
import type { WebhookOutcome, WebhookStatus } from "./attempt-record";
import { channelsUsingWebhook, type WebhookChannelFlags } from "./channel-flags";
import { existingWebhookIds, insertAttempts, setStatus } from "./webhook-queue";

const MAX_BATCH = 256;
/** How long an outcome may wait for others to share its transaction. */
const BATCH_WINDOW_MS = 10;

/**
 * Writes attempts and webhook status changes in batches: each flush is one transaction, so an
 * attempt and its webhook's new status are stored together or not at all. Batching is what lets
 * the dispatcher keep up with a fast bot (see the dispatch benchmark in the README). Until its
 * batch commits, a webhook stays "sending" under its worker's lease: after a crash, once the lease
 * runs out, any worker sends it again (at least once).
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

  constructor(
    private readonly db: Db,
    /** The worker whose claims these outcomes end (webhook-queue.ts setStatus). */
    private readonly workerId: string,
  ) {}

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

  private async write(all: WebhookOutcome[]): Promise<void> {
    await this.db.$transaction(async (tx) => {
      // A channel deleted while its webhooks were being sent took them with it: their outcomes
      // have nothing left to belong to, and writing them would fail the whole batch.
      const existing = await existingWebhookIds(
        tx,
        all.map((outcome) => outcome.webhookId),
      );
      await this.writeIn(
        tx,
        all.filter((outcome) => existing.has(outcome.webhookId)),
      );
    });
  }

  private async writeIn(tx: DbTransaction, outcomes: WebhookOutcome[]): Promise<void> {
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
    // Every decision below depends on Use webhook being on now, in this transaction.
    const using = await channelsUsingWebhook(tx, [...new Set(attempts.map((a) => a.channelId))]);
    decideCounting(outcomes, using);
    if (attempts.length) await insertAttempts(tx, attempts);
    const { workerId } = this;
    for (const group of groups.values()) await setStatus(tx, { ...group, now, workerId });
    for (const outcome of individual) {
      await setStatus(tx, {
        ids: [outcome.webhookId],
        status: outcome.status,
        attempted: outcome.attempt !== undefined,
        nextAttemptAt: outcome.nextAttemptAt,
        now,
        workerId,
      });
    }
    const counted = attempts.filter((attempt) => attempt.counted);
    if (counted.length) {
      await upsertRollups(
        tx,
        rollupDeltas(
          counted.map((a) => ({
            channelId: a.channelId,
            attemptedAt: a.attemptedAt,
            reason: a.reason ?? "unclassified",
            detail: a.detail ?? "Unclassified webhook dispatch error",
          })),
        ),
      );
    }
    // Success rate and latency: every attempt of a channel with Use webhook on (ADR 19).
    const delivered = attempts.filter((attempt) => using.has(attempt.channelId));
    if (delivered.length) await upsertDeliveryRollups(tx, delivered);
    // Error notification: what the next emails will report, stored with what it reports (ADR 20).
    await recordNotificationsDue(
      tx,
      dueDeltas(outcomes.filter((o) => o.attempt && using.get(o.attempt.channelId)?.notifying)),
    );
  }
}

/**
 * Error statistics count an attempt only if, when it was made, the channel had Use webhook and
 * Error statistics aggregation on: on at claim time (`countable`) and still on now, inside the
 * transaction that writes it. Turning aggregation on therefore never counts attempts already
 * under way, and turning it off stops counting at once.
 */
function decideCounting(
  outcomes: readonly WebhookOutcome[],
  using: ReadonlyMap<string, WebhookChannelFlags>,
): void {
  for (const { attempt, countable } of outcomes) {
    if (attempt && !attempt.success && countable) {
      attempt.counted = using.get(attempt.channelId)?.aggregating ?? false;
    }
  }
}
