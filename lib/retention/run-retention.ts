import "server-only";
import { type Db, dialectOf } from "../db/client";
import type { DatabaseConfig } from "../db/config";
import {
  type RetentionCutoffs,
  type RetentionWindows,
  retentionCutoffs,
} from "../shared/retention-windows";
import { DELETIONS, type RetentionKind } from "./delete-batches";
import { whileHoldingRunLock } from "./run-lock";

/** Rows one statement deletes at most: a few milliseconds of the database's write lock. */
export const DEFAULT_BATCH_SIZE = 1000;
/** The least pause between two batches. */
export const DEFAULT_PAUSE_MS = 100;

export interface RetentionPassOptions {
  windows: RetentionWindows;
  /** The moment the windows are measured from; the same for the whole pass. */
  now?: Date;
  batchSize?: number;
  pauseMs?: number;
  /** Ends the pass at the next batch boundary (the process is stopping). */
  signal?: AbortSignal;
  /** Called after each batch; the pass waits for it (tests hold a pass open with it). */
  onBatch?: (batch: { kind: RetentionKind; deleted: number }) => void | Promise<void>;
}

export type RetentionCounts = Record<RetentionKind, number>;

export type RetentionPass =
  /** Another process holds the lock and is running a pass. */
  | { ran: false }
  | {
      ran: true;
      cutoffs: RetentionCutoffs;
      /** Rows deleted, per kind. */
      deleted: RetentionCounts;
      /** DELETE statements run, per kind (the last of each deletes fewer than a batch). */
      batches: RetentionCounts;
      /** Ended early by `signal` or a lost lock; the next pass goes on from there. */
      interrupted: boolean;
    };

const zeroCounts = (): RetentionCounts => ({
  attempts: 0,
  notifications: 0,
  webhooks: 0,
  minuteRollups: 0,
  hourRollups: 0,
  deliveryMinuteRollups: 0,
  deliveryHourRollups: 0,
  deliveryDayRollups: 0,
});

/**
 * One retention pass: deletes what is older than each window, in batches of at most `batchSize`
 * rows, each batch one statement and so one short transaction, with a pause after each as long
 * as the batch took (at least `pauseMs`). The pass never holds the database for more than a
 * batch at a time, and takes at most about half of its time: the dispatcher's claims and writes
 * go in between. Only one process runs a pass at a time (whileHoldingRunLock).
 */
export async function runRetention(
  db: Db,
  database: DatabaseConfig,
  options: RetentionPassOptions,
): Promise<RetentionPass> {
  const pass = await whileHoldingRunLock(database, (lost) =>
    deleteExpired(db, options, options.signal ? AbortSignal.any([options.signal, lost]) : lost),
  );
  return pass ?? { ran: false };
}

async function deleteExpired(
  db: Db,
  {
    windows,
    now = new Date(),
    batchSize = DEFAULT_BATCH_SIZE,
    pauseMs = DEFAULT_PAUSE_MS,
    onBatch,
  }: RetentionPassOptions,
  signal: AbortSignal,
): Promise<RetentionPass> {
  const cutoffs = retentionCutoffs(windows, now);
  const deleted = zeroCounts();
  const batches = zeroCounts();
  for (const { kind, cutoff, batch } of DELETIONS) {
    const statement = batch(dialectOf(db), cutoff(cutoffs), batchSize);
    for (;;) {
      if (signal.aborted) return { ran: true, cutoffs, deleted, batches, interrupted: true };
      const started = performance.now();
      const count = await db.$executeRaw(statement);
      const took = performance.now() - started;
      deleted[kind] += count;
      batches[kind]++;
      await onBatch?.({ kind, deleted: count });
      if (count < batchSize) break;
      await pause(Math.max(pauseMs, took), signal);
    }
  }
  return { ran: true, cutoffs, deleted, batches, interrupted: false };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
