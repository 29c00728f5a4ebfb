import "server-only";
import { openChannelSecret } from "../channels/channel-secret";
import type { Channel, Db } from "../db/client";
import type { WebhookOutcome } from "./attempt-record";
import { AttemptRecorder } from "./attempt-recorder";
import type { ClaimedWebhook, ClaimWanted, DispatchStore } from "./dispatch-store";
import { claimDue, releaseClaims, renewLeases } from "./webhook-queue";

export interface DatabaseStoreOptions {
  db: Db;
  /** The worker whose claims these are (Webhook.claimToken). */
  workerId: string;
  leaseMs: number;
  /** The key channel secrets are sealed with. */
  secretKey: Buffer;
  log: (message: string, error?: unknown) => void;
  /** Whether close() disconnects `db` (a client the store was given to own). */
  ownsClient?: boolean;
}

/** The dispatcher's database work on the calling thread, through one Prisma client. */
export class DatabaseStore implements DispatchStore {
  private readonly recorder: AttemptRecorder;

  constructor(private readonly options: DatabaseStoreOptions) {
    this.recorder = new AttemptRecorder(options.db, options.workerId);
  }

  async ready(): Promise<void> {}

  async claim({ limit, channelLimit, held, skipChannels }: ClaimWanted): Promise<ClaimedWebhook[]> {
    const { db, workerId, leaseMs, secretKey, log } = this.options;
    const rows = await claimDue(db, {
      workerId,
      now: new Date(),
      leaseMs,
      limit,
      roomFor: (channelId) => channelLimit - (held[channelId] ?? 0),
      skipChannels,
    });
    if (rows.length === 0) return [];
    // Channel settings are read at claim time: a channel switched off since is not sent to.
    // Each channel's secret is opened here, once per claim, not once per webhook.
    const channels = new Map<string, Channel>();
    for (const channel of await db.channel.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.channelId))] } },
    })) {
      try {
        channels.set(channel.id, {
          ...channel,
          channelSecret: openChannelSecret(channel, secretKey),
        });
      } catch (error) {
        // Start-up checks every secret opens, so only a row altered since gets here; its
        // webhooks stay claimed until the next start. The error names the channel, not the value.
        log(`channel ${channel.id}: secret cannot be opened, not sending`, error);
      }
    }
    const claimed: ClaimedWebhook[] = [];
    for (const row of rows.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const channel = channels.get(row.channelId);
      if (channel) claimed.push({ ...row, channel });
    }
    return claimed;
  }

  record(outcome: WebhookOutcome): Promise<void> {
    return this.recorder.record(outcome);
  }

  get pending(): number {
    return this.recorder.pending;
  }

  flush(): Promise<void> {
    return this.recorder.flush();
  }

  async release(ids: string[]): Promise<void> {
    await releaseClaims(this.options.db, this.options.workerId, ids);
  }

  async renew(): Promise<void> {
    const { db, workerId, leaseMs } = this.options;
    await renewLeases(db, workerId, new Date(Date.now() + leaseMs));
  }

  countDue(): Promise<number> {
    return this.options.db.webhook.count({
      where: { status: { in: ["pending", "sending"] }, nextAttemptAt: { lte: new Date() } },
    });
  }

  async close(): Promise<void> {
    await this.recorder.flush();
    if (this.options.ownsClient) await this.options.db.$disconnect();
  }
}
