import "server-only";
import { Worker } from "node:worker_threads";
import type { DatabaseConfig } from "../../db/config";
import type { WebhookOutcome } from "./attempt-record";
import type { ClaimedWebhook, ClaimWanted, DispatchStore } from "./dispatch-store";
import type { StoreCall, StoreReply, StoreThreadData } from "./store-protocol";

type Call = StoreCall extends infer C ? (C extends StoreCall ? Omit<C, "id"> : never) : never;

export interface ThreadStoreOptions {
  database: DatabaseConfig;
  workerId: string;
  leaseMs: number;
  secretKey: Buffer;
  /** How long closing waits for outcomes still to be written (DatabaseStoreOptions). */
  closeWriteMs: number;
  /** The thread stopped unexpectedly: nothing more can be claimed or recorded. */
  onFailure: (error: Error) => void;
}

/**
 * The dispatcher's database work on a worker thread of its own (store-thread.ts), with its own
 * connection: claiming, renewing and recording cost the sending thread one message each, never a
 * query. Outcomes are posted in batches, one message per turn of the event loop.
 */
export class ThreadStore implements DispatchStore {
  private readonly thread: Worker;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private outbox: { outcome: WebhookOutcome; done: () => void; failed: (e: Error) => void }[] = [];
  private posting: NodeJS.Immediate | null = null;
  private unacknowledged = 0;
  private failure: Error | null = null;
  private closing = false;

  constructor(options: ThreadStoreOptions) {
    const workerData: StoreThreadData = {
      database: options.database,
      workerId: options.workerId,
      leaseMs: options.leaseMs,
      secretKey: new Uint8Array(options.secretKey),
      closeWriteMs: options.closeWriteMs,
    };
    this.thread = new Worker(new URL("./store-thread-entry.mjs", import.meta.url), {
      workerData,
      // The thread loads the same server-only modules as this one.
      execArgv: ["--conditions=react-server"],
    });
    this.thread.on("message", (reply: StoreReply) => this.settle(reply));
    const stopped = (error: Error) => {
      if (this.failure) return;
      this.failure = error;
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
      for (const entry of this.outbox.splice(0)) entry.failed(error);
      if (!this.closing) options.onFailure(error);
    };
    this.thread.on("error", (error) => stopped(error));
    this.thread.on("exit", (code) =>
      stopped(new Error(`the dispatcher's database thread exited (code ${code})`)),
    );
  }

  private settle(reply: StoreReply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new Error(reply.error));
  }

  private call<T>(message: Call): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.thread.postMessage({ ...message, id });
    });
  }

  async ready(): Promise<void> {
    await this.call({ call: "ready" });
  }

  claim(wanted: ClaimWanted): Promise<ClaimedWebhook[]> {
    return this.call({ call: "claim", wanted });
  }

  record(outcome: WebhookOutcome): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((done, failed) => {
      this.outbox.push({ outcome, done, failed });
      this.posting ??= setImmediate(() => this.postOutbox());
    });
  }

  private postOutbox(): void {
    if (this.posting) clearImmediate(this.posting);
    this.posting = null;
    const batch = this.outbox.splice(0);
    if (batch.length === 0) return;
    this.unacknowledged += batch.length;
    // Answered once every outcome is committed; an error only if the thread itself stopped.
    this.call<void>({ call: "record", outcomes: batch.map((entry) => entry.outcome) })
      .then(
        () => {
          for (const entry of batch) entry.done();
        },
        (error: Error) => {
          for (const entry of batch) entry.failed(error);
        },
      )
      .finally(() => {
        this.unacknowledged -= batch.length;
      });
  }

  /** How busy the database thread has been since it started, 0 to 1 (its event loop's use). */
  utilization(): number {
    return this.thread.performance.eventLoopUtilization().utilization;
  }

  get pending(): number {
    return this.outbox.length + this.unacknowledged;
  }

  async flush(): Promise<void> {
    this.postOutbox();
    await this.call({ call: "flush" });
  }

  release(ids: string[]): Promise<void> {
    return this.call({ call: "release", ids });
  }

  renew(ids: string[]): Promise<string[]> {
    return this.call({ call: "renew", ids });
  }

  countDue(): Promise<number> {
    return this.call({ call: "countDue" });
  }

  async close(): Promise<void> {
    if (this.failure) return;
    this.postOutbox();
    await this.call({ call: "close" });
    this.closing = true;
    await this.thread.terminate();
  }
}
