import "server-only";
import { openChannelSecret } from "../../channels/channel-secret";
import type { SqlConnection } from "../../db/sql";
import type { WebhookOutcome } from "./attempt-record";
import { AttemptRecorder } from "./attempt-recorder";
import { claimDue, type DispatchChannel } from "./claim-due";
import type { ClaimedWebhook, ClaimWanted, DispatchStore } from "./dispatch-store";
import { countDue, releaseClaims, renewLeases } from "./leases";

/**
 * How often a claim also looks for webhooks whose worker died (their lease ran out): at most this
 * late beyond the lease, they are taken again.
 */
const EXPIRED_SCAN_MS = 1_000;

export interface DatabaseStoreOptions {
  /** The hot path's own connection (lib/db/sql-driver.ts); close() closes it. */
  sql: SqlConnection;
  /** The worker whose claims these are (Webhook.claimToken). */
  workerId: string;
  leaseMs: number;
  /** The key channel secrets are sealed with. */
  secretKey: Buffer;
  /**
   * How long close() waits for outcomes still to be written: the dispatcher's stop timeout
   * (WEBHOOK_STOP_TIMEOUT_MS), so a stop with the database away ends within twice that.
   */
  closeWriteMs: number;
  log: (message: string, error?: unknown) => void;
}

/** The dispatcher's database work on the calling thread, through one driver connection. */
export class DatabaseStore implements DispatchStore {
  private readonly recorder: AttemptRecorder;
  /** When a claim last looked for expired leases (0: never, so the first claim does). */
  private expiredScanAt = 0;

  constructor(private readonly options: DatabaseStoreOptions) {
    this.recorder = new AttemptRecorder(options.sql, options.workerId, (error, inARow) =>
      options.log(`could not record outcomes (${inARow} in a row; kept, trying again)`, error),
    );
  }

  async ready(): Promise<void> {
    // A first query: the connection is open before the dispatcher counts on it.
    await this.countDue();
  }

  async claim({ limit, channelLimit, held, skipChannels }: ClaimWanted): Promise<ClaimedWebhook[]> {
    const { sql, workerId, leaseMs, secretKey, log } = this.options;
    const now = new Date();
    const expired = now.getTime() - this.expiredScanAt >= Math.min(EXPIRED_SCAN_MS, leaseMs);
    if (expired) this.expiredScanAt = now.getTime();
    const { rows, channels } = await claimDue(sql, {
      workerId,
      now,
      leaseMs,
      limit,
      roomFor: (channelId) => channelLimit - (held[channelId] ?? 0),
      skipChannels,
      expired,
    });
    if (rows.length === 0) return [];
    // Channel settings are read at claim time: a channel switched off since is not sent to.
    // Each channel's secret is opened here, once per claim, not once per webhook.
    const opened = new Map<string, DispatchChannel>();
    for (const channel of channels) {
      try {
        opened.set(channel.id, {
          ...channel,
          // The secret in force now: a scheduled one from its time on.
          channelSecret: openChannelSecret(channel, secretKey, now),
        });
      } catch (error) {
        // Start-up checks every secret opens, so only a row altered since gets here; its
        // webhooks stay claimed until their lease runs out. The error names the channel, not the
        // value.
        log(`channel ${channel.id}: secret cannot be opened, not sending`, error);
      }
    }
    const claimed: ClaimedWebhook[] = [];
    for (const row of rows.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const channel = opened.get(row.channelId);
      if (channel) claimed.push({ ...row, channel });
    }
    return claimed;
  }

  record(outcome: WebhookOutcome): Promise<void> {
    return this.recorder.record(outcome);
  }

  /** Several outcomes at once (the database thread's batches); resolves once all are committed. */
  recordMany(outcomes: readonly WebhookOutcome[]): Promise<void> {
    return this.recorder.recordMany(outcomes);
  }

  get pending(): number {
    return this.recorder.pending;
  }

  flush(): Promise<void> {
    return this.recorder.flush();
  }

  release(ids: string[]): Promise<void> {
    return releaseClaims(this.options.sql, this.options.workerId, ids);
  }

  renew(ids: string[]): Promise<string[]> {
    const { sql, workerId, leaseMs } = this.options;
    const now = new Date();
    return renewLeases(sql, workerId, ids, new Date(now.getTime() + leaseMs), now);
  }

  countDue(): Promise<number> {
    return countDue(this.options.sql, new Date());
  }

  /**
   * Writes what is recorded, waiting at most closeWriteMs (the database may be away: what is
   * still unwritten then is lost with this process, and its webhooks are sent again once their
   * leases run out), and closes the connection.
   */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), this.options.closeWriteMs);
    });
    const written = await Promise.race([
      this.recorder.flush().then(() => "written" as const),
      late,
    ]);
    clearTimeout(timer);
    if (written === "late") {
      this.recorder.abandon();
      this.options.log(
        `${this.recorder.pending} outcomes not written before stopping: their webhooks are sent again once their leases run out`,
      );
    }
    await this.options.sql.close();
  }
}
