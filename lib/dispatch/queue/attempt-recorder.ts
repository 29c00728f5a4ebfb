import "server-only";
import type { SqlConnection } from "../../db/sql";
import type { WebhookOutcome } from "./attempt-record";
import { writeOutcomes } from "./record-outcomes";

const MAX_BATCH = 256;
/** How long an outcome may wait for others to share its transaction. */
const BATCH_WINDOW_MS = 10;
/** A batch that could not be written is tried again after this, doubling up to the most. */
const RETRY_FIRST_MS = 100;
const RETRY_MOST_MS = 5_000;

type Entry = { outcome: WebhookOutcome; done: () => void };

/**
 * Writes attempts and webhook status changes in batches: each flush is one transaction, so an
 * attempt and its webhook's new status are stored together or not at all. Batching is what lets
 * the dispatcher keep up with a fast bot (see docs/benchmarks.md, Dispatch). Until its
 * batch commits, a webhook stays "sending" under its worker's lease: after a crash, once the lease
 * runs out, any worker sends it again (at least once).
 *
 * An outcome is never dropped while the process lives: a batch that cannot be written (the
 * database is down, restarting or full) is kept and tried again, with outcomes that came since,
 * after a growing pause. Writing is idempotent (record-outcomes.ts): a batch whose commit was
 * lost on the way back after it succeeded changes nothing when written again.
 */
export class AttemptRecorder {
  private buffer: Entry[] = [];
  private writing = 0;
  private timer: NodeJS.Timeout | null = null;
  /** The batch being written (and retried), if any: one at a time, oldest first. */
  private current: Promise<void> | null = null;
  private retryMs = 0;
  private idle: (() => void)[] = [];
  /** Set when the store closes: a batch being retried is tried no more. */
  private abandoned = false;

  constructor(
    private readonly db: SqlConnection,
    /** The worker whose claims these outcomes end (record-outcomes.ts setStatuses). */
    private readonly workerId: string,
    /** Told of each failed write, with how many in a row have failed; the batch is kept. */
    private readonly onWriteFailed: (error: unknown, failuresInARow: number) => void = () => {},
  ) {}

  /** Outcomes not yet committed. */
  get pending(): number {
    return this.buffer.length + this.writing;
  }

  /** Resolves once the outcome is committed. */
  record(outcome: WebhookOutcome): Promise<void> {
    return new Promise((done) => this.add({ outcome, done }));
  }

  /**
   * Records several outcomes (a message from the sending thread) without a promise each: resolves
   * once every one is committed.
   */
  recordMany(outcomes: readonly WebhookOutcome[]): Promise<void> {
    return new Promise((resolve) => {
      let left = outcomes.length;
      if (left === 0) return resolve();
      const done = () => {
        if (--left === 0) resolve();
      };
      for (const outcome of outcomes) this.add({ outcome, done });
    });
  }

  private add(entry: Entry): void {
    this.buffer.push(entry);
    if (this.current) return; // the batch being written takes what came meanwhile next
    if (this.buffer.length >= MAX_BATCH) this.startWrite();
    else this.timer ??= setTimeout(() => this.startWrite(), BATCH_WINDOW_MS);
  }

  /** Resolves once everything recorded so far is committed (however long the database is away). */
  flush(): Promise<void> {
    if (!this.current) this.startWrite();
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private startWrite(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.current || this.buffer.length === 0 || this.abandoned) return;
    const batch = this.buffer.splice(0, MAX_BATCH);
    this.writing += batch.length;
    this.current = this.writeUntilCommitted(batch).finally(() => {
      this.writing -= batch.length;
      this.current = null;
      if (this.buffer.length > 0) this.startWrite();
      else for (const resolve of this.idle.splice(0)) resolve();
    });
  }

  /** Stops trying again (the store is closing); what is unwritten stays so. */
  abandon(): void {
    this.abandoned = true;
  }

  private async writeUntilCommitted(batch: Entry[]): Promise<void> {
    const outcomes = batch.map((entry) => entry.outcome);
    for (let failures = 1; !this.abandoned; failures++) {
      try {
        await this.db.transaction((tx) => writeOutcomes(tx, this.workerId, outcomes));
        this.retryMs = 0;
        for (const entry of batch) entry.done();
        return;
      } catch (error) {
        this.onWriteFailed(error, failures);
        this.retryMs = Math.min(
          RETRY_MOST_MS,
          this.retryMs === 0 ? RETRY_FIRST_MS : this.retryMs * 2,
        );
        await new Promise((resolve) => setTimeout(resolve, this.retryMs));
      }
    }
  }
}
