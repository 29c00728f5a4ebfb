import "server-only";
import type { SqlConnection } from "../../db/sql";
import type { WebhookOutcome } from "../attempt-record";
import { writeOutcomes } from "./record-outcomes";

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
    private readonly db: SqlConnection,
    /** The worker whose claims these outcomes end (record-outcomes.ts setStatuses). */
    private readonly workerId: string,
  ) {}

  /** Outcomes not yet committed. */
  get pending(): number {
    return this.buffer.length + this.writing;
  }

  /** Resolves once the outcome is committed. */
  record(outcome: WebhookOutcome): Promise<void> {
    return new Promise((done, failed) => this.add({ outcome, done, failed }));
  }

  /**
   * Records several outcomes (a message from the sending thread) without a promise each: resolves
   * once every one is committed or has failed, with the failures by index.
   */
  recordMany(outcomes: readonly WebhookOutcome[]): Promise<{ index: number; error: unknown }[]> {
    return new Promise((resolve) => {
      const failures: { index: number; error: unknown }[] = [];
      let left = outcomes.length;
      if (left === 0) return resolve(failures);
      const settled = () => {
        if (--left === 0) resolve(failures);
      };
      outcomes.forEach((outcome, index) => {
        this.add({
          outcome,
          done: settled,
          failed: (error) => {
            failures.push({ index, error });
            settled();
          },
        });
      });
    });
  }

  private add(entry: (typeof this.buffer)[number]): void {
    this.buffer.push(entry);
    if (this.buffer.length >= MAX_BATCH) this.flushNow();
    else this.timer ??= setTimeout(() => this.flushNow(), BATCH_WINDOW_MS);
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

  private write(all: WebhookOutcome[]): Promise<void> {
    return this.db.transaction((tx) => writeOutcomes(tx, this.workerId, all));
  }
}
