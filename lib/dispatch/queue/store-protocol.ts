// The messages between a dispatcher (thread-store.ts) and its database thread (store-thread.ts).
// Everything crossing is plain data: structured clone carries Dates, Buffers and channel rows.
import type { DatabaseConfig } from "../../db/config";
import type { WebhookOutcome } from "./attempt-record";
import type { ClaimWanted } from "./dispatch-store";

/** What the database thread is started with (workerData). */
export interface StoreThreadData {
  database: DatabaseConfig;
  workerId: string;
  leaseMs: number;
  secretKey: Uint8Array;
  closeWriteMs: number;
}

export type StoreCall =
  | { id: number; call: "claim"; wanted: ClaimWanted }
  /** Many outcomes in one message: posting one per outcome would cost more than sending. */
  | { id: number; call: "record"; outcomes: WebhookOutcome[] }
  | { id: number; call: "release" | "renew"; ids: string[] }
  | { id: number; call: "ready" | "countDue" | "flush" | "close" };

/** Replies to calls; id 0 is the thread saying it is ready for calls. */
export type StoreReply =
  | { id: number; ok: true; value?: unknown }
  | { id: number; ok: false; error: string };
