import "server-only";
import type { WebhookOutcome } from "./attempt-record";
import type { ClaimedRow, DispatchChannel } from "./claim-due";

/** A claimed webhook with its channel as read at claim time, the secret already opened. */
export type ClaimedWebhook = ClaimedRow & { channel: DispatchChannel };

/** What the dispatcher asks to claim; plain data, so that it can cross to a thread. */
export interface ClaimWanted {
  /** Rows to claim at most. */
  limit: number;
  /** How many rows of one channel this worker may hold at once. */
  channelLimit: number;
  /** Per channel, the rows this worker holds now (queued or in flight). */
  held: Record<string, number>;
  /** Channels not to claim for (this worker holds their share already). */
  skipChannels: string[];
}

/**
 * Everything the dispatcher asks of the database, for one worker: claim, record, renew, hand
 * back. DatabaseStore does it on the calling thread; ThreadStore on a thread of its own with its
 * own connection, so that no query, transaction or driver call ever runs on the thread that
 * reads bots' answers (docs/adr/0017-the-database-off-the-sending-thread.md).
 */
export interface DispatchStore {
  /** Resolves once the store can take calls (a thread has loaded its code and connected). */
  ready(): Promise<void>;
  claim(wanted: ClaimWanted): Promise<ClaimedWebhook[]>;
  /** Resolves once the outcome is committed (outcomes are written in batches). */
  record(outcome: WebhookOutcome): Promise<void>;
  /** Outcomes handed to record() and not yet committed. */
  readonly pending: number;
  /** Commits every outcome recorded so far. */
  flush(): Promise<void>;
  /** Gives back claimed webhooks that were not sent: pending again, for any worker. */
  release(ids: string[]): Promise<void>;
  /**
   * Extends the leases of these webhooks, the ones this worker still holds (queued, in flight,
   * or with an outcome not yet committed), and answers which were extended; the others are left
   * to run out.
   */
  renew(ids: string[]): Promise<string[]>;
  /** Webhooks due now or being sent, by any worker. */
  countDue(): Promise<number>;
  /** Commits what is recorded and closes what the store opened. */
  close(): Promise<void>;
}
