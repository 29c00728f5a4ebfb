import "server-only";
import { hostname } from "node:os";
import { channelSecretKey } from "../crypto/secret-key";
import type { DatabaseConfig } from "../db/config";
import { openSqlConnection } from "../db/sql-driver";
import type { StoredEvent } from "../events/complete-event";
import { newUlid } from "../ids/new-ulid";
import { describeError } from "../logging/describe-error";
import { type ConsoleMetrics, processMetrics } from "../metrics/console-metrics";
import { traceAttempt } from "../telemetry/attempt-span";
import type { DispatchSettings } from "./dispatch-settings";
import { sendOptionsFrom } from "./dispatch-settings";
import type { AttemptRecord, WebhookOutcome } from "./queue/attempt-record";
import { DatabaseStore } from "./queue/database-store";
import type { ClaimedWebhook, DispatchStore } from "./queue/dispatch-store";
import { outcomeAfter, resultColumns } from "./queue/redelivery-policy";
import { ThreadStore } from "./queue/thread-store";
import { ConnectionPool } from "./send/connection-pool";
import { buildRequestFor } from "./send/request-for-channel";
import { type SendOptions, sendWebhook } from "./send/send-webhook";

type Send = typeof sendWebhook;

/** Claims hold up to this many rounds of work (globally and per channel): queued or in flight. */
const PREFETCH_ROUNDS = 4;

export interface DispatcherOptions {
  /**
   * Its database, and where its database work runs: on a thread of its own with its own
   * connection (what the console's dispatcher process, `npm run worker` and the benchmark use),
   * or with `thread: false` on this thread, still with a connection of its own (tests).
   */
  storage: { database: DatabaseConfig; thread?: boolean };
  settings: DispatchSettings;
  /** Replaceable for the benchmark's baseline; defaults to the real sender. */
  send?: Send;
  log?: (message: string, error?: unknown) => void;
  /** The key channel secrets are sealed with; defaults to the process's (channelSecretKey). */
  secretKey?: Buffer;
  /** The database thread stopped: this dispatcher can do nothing more. Defaults to logging. */
  onStoreFailure?: (error: Error) => void;
  /** Where attempts and leases are counted; defaults to the process's (tests bring their own). */
  metrics?: ConsoleMetrics;
}

/**
 * Sends stored webhooks: it claims due webhooks under a lease, sends each with bounded
 * concurrency (per process, and per channel across every worker, so one slow bot cannot hold
 * every slot), and records every attempt. Runs in the server process or in workers of their own
 * (`npm run worker`); any number share one PostgreSQL database, one SQLite file takes one
 * (docs/adr/0015-leased-claims-and-workers.md).
 */
export class Dispatcher {
  private readonly store: DispatchStore;
  private readonly settings: DispatchSettings;
  private readonly send: Send;
  private readonly sendOptions: SendOptions;
  private readonly pool: ConnectionPool;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly metrics: ConsoleMetrics;
  /** This worker, in every claim it makes: host, process and a ULID for this start. */
  readonly workerId = `${hostname()}:${process.pid}:${newUlid()}`;
  private heartbeat: NodeJS.Timeout | null = null;
  /** Claimed webhooks waiting for a free slot, oldest first. */
  private readonly queue: ClaimedWebhook[] = [];
  /** Per channel: webhooks queued or in flight. */
  private readonly heldByChannel = new Map<string, number>();
  private readonly inFlightByChannel = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  /**
   * Webhooks whose leases this worker renews: claimed and not yet recorded (queued, in flight,
   * or with an outcome waiting to commit), each with what this worker knows of its lease. One it
   * gives up on is left to its lease, so that any worker sends it again once the lease runs out.
   */
  private readonly leased = new Map<string, Lease>();
  /** Claims dropped unsent since the last renewal because their lease ran out (logged there). */
  private leaseRanOut = 0;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private wakeRequested = false;
  /**
   * False after a claim came back short (nothing more was due), so that finishing attempts do
   * not each cost a query that finds nothing. New events, the poll timer and a channel making
   * room for a round set it again.
   */
  private mayHaveMore = true;
  /**
   * Counts what sets mayHaveMore (new events, a channel making room): one that comes while a
   * claim runs must outlive that claim's short answer, or a channel with a backlog waits for the
   * poll timer after every round (found by bench:load's end-to-end phase).
   */
  private hints = 0;
  /**
   * Channels whose last claim was cut short by their own limit (they held as much as they may):
   * more of theirs is likely due, so they are claimed for again as soon as a round's worth is
   * free. Set by each claim; a channel that came back short of its room leaves.
   */
  private readonly saturated = new Set<string>();

  constructor(options: DispatcherOptions) {
    this.settings = options.settings;
    this.send = options.send ?? sendWebhook;
    this.metrics = options.metrics ?? processMetrics();
    // Built once: it reads the CA bundle from disk.
    const sendOptions = sendOptionsFrom(options.settings);
    this.pool = new ConnectionPool(sendOptions);
    this.sendOptions = { ...sendOptions, pool: this.pool };
    this.log =
      options.log ??
      ((message, error) =>
        console.error(
          `[dispatcher] ${message}${error === undefined ? "" : `: ${describeError(error)}`}`,
        ));
    const where = {
      workerId: this.workerId,
      leaseMs: options.settings.leaseMs,
      secretKey: options.secretKey ?? channelSecretKey(),
      closeWriteMs: options.settings.stopTimeoutMs,
    };
    const { database, thread = true } = options.storage;
    this.store = thread
      ? new ThreadStore({
          ...where,
          database,
          onFailure:
            options.onStoreFailure ?? ((error) => this.log("database thread stopped", error)),
        })
      : new DatabaseStore({ ...where, sql: openSqlConnection(database), log: this.log });
  }

  /**
   * Starts claiming. Nothing is reset: what a dead worker was sending is claimed again, by any
   * worker, once its lease runs out; a live worker's claims are never touched.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.store.ready();
    } catch (error) {
      this.running = false;
      throw error;
    }
    this.loopDone = this.loop();
    // Renewed three times per lease, so one late tick does not lose it.
    this.heartbeat = setInterval(() => void this.renew(), Math.max(50, this.settings.leaseMs / 3));
    this.heartbeat.unref();
  }

  /**
   * Renews the leases of what this worker still holds, and learns which it still holds: a lease
   * the database did not renew (another worker took the webhook after it ran out) is not counted
   * on again. An outcome the database has not taken for a whole lease is given back: its lease is
   * left to run out, so that a worker that cannot record does not hold its webhooks (and their
   * channels' slots) for as long as it lives. Its outcome is still kept and written when it can be.
   */
  private async renew(): Promise<void> {
    const asked = Date.now();
    const ids: string[] = [];
    let givenBack = 0;
    for (const [id, lease] of this.leased) {
      if (lease.handedOver !== undefined && asked - lease.handedOver >= this.settings.leaseMs) {
        this.leased.delete(id);
        givenBack++;
      } else ids.push(id);
    }
    this.metrics.lostLeases("given_back", givenBack);
    this.metrics.lostLeases("ran_out", this.leaseRanOut);
    if (givenBack > 0) {
      this.log(`${givenBack} webhooks given back: their outcomes were not recorded within a lease`);
    }
    if (this.leaseRanOut > 0) {
      this.log(`${this.leaseRanOut} claimed webhooks not sent: their leases ran out first`);
      this.leaseRanOut = 0;
    }
    try {
      const renewed = await this.store.renew(ids);
      const until = asked + this.settings.leaseMs;
      for (const id of renewed) {
        const lease = this.leased.get(id);
        if (lease) lease.until = until;
      }
      this.metrics.renewedLeases(renewed.length);
      // Held still, unrecorded, and not renewed: another worker took it once its lease ran out.
      const kept = new Set(renewed);
      const taken = ids.filter((id) => {
        const lease = this.leased.get(id);
        return !kept.has(id) && lease !== undefined && lease.handedOver === undefined;
      });
      this.metrics.lostLeases("taken", taken.length);
    } catch (error) {
      this.log("could not renew leases", error);
    }
  }

  /** New work was stored: look for it now rather than at the next poll. */
  notify(): void {
    this.mayHaveMore = true;
    this.hints++;
    this.wake();
  }

  private wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /**
   * Stops claiming and hands back what was claimed but not started (pending again, for any
   * worker), waits up to `settings.stopTimeoutMs` for attempts in flight, and commits their
   * records. An attempt still in flight after that is left to its lease: it runs out and another
   * worker sends the webhook again. Returns how many were left so.
   */
  async stop(): Promise<number> {
    this.running = false;
    this.wake();
    await this.loopDone;
    const unsent = this.queue.splice(0).map((webhook) => webhook.id);
    try {
      await this.store.release(unsent);
    } catch (error) {
      // The database is away: they are taken again once their leases run out.
      this.log(`could not give back ${unsent.length} claimed webhooks`, error);
    }
    for (const id of unsent) this.leased.delete(id);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), this.settings.stopTimeoutMs);
    });
    const finished = await Promise.race([
      Promise.allSettled([...this.inFlight]).then(() => "done" as const),
      deadline,
    ]);
    clearTimeout(timer);
    const abandoned = finished === "late" ? this.inFlight.size : 0;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    await this.store.close();
    this.pool.close();
    return abandoned;
  }

  /**
   * How busy the database thread has been since it started (0 to 1), for the benchmark; null
   * when the database work runs on this thread.
   */
  databaseThreadUtilization(): number | null {
    return this.store instanceof ThreadStore ? this.store.utilization() : null;
  }

  /** Resolves when nothing is due, in flight or unrecorded (tests and benchmarks wait on it). */
  async whenIdle(pollMs = 20): Promise<void> {
    for (;;) {
      if (this.inFlight.size === 0 && this.queue.length === 0 && this.store.pending === 0) {
        await this.store.flush();
        const due = await this.store.countDue();
        if (due === 0 && this.inFlight.size === 0 && this.queue.length === 0) return;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  // Claims run ahead of sending: PREFETCH_ROUNDS times the concurrency is held (queued or in
  // flight), so a finished attempt starts the next one at once instead of waiting for the
  // database, and each claim takes a batch of about `concurrency` rows.
  private get prefetchLimit(): number {
    return this.settings.concurrency * PREFETCH_ROUNDS;
  }

  /** Claiming fewer rows than this at once costs more in round trips than it gains. */
  private get minimumClaim(): number {
    return this.settings.concurrency;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      try {
        const room = this.prefetchLimit - this.queue.length - this.inFlight.size;
        const starving = this.queue.length === 0 && this.inFlight.size < this.settings.concurrency;
        // Outcomes waiting to be written count too: a worker that cannot record (its database is
        // away) stops taking more work than it could keep.
        const recording = this.store.pending < this.prefetchLimit * 2;
        if (
          this.mayHaveMore &&
          recording &&
          (room >= this.minimumClaim || (room > 0 && starving))
        ) {
          const hints = this.hints;
          const claimed = await this.claim(room);
          this.queue.push(...claimed);
          this.pump();
          this.mayHaveMore = claimed.length === room || this.hints !== hints;
          if (this.mayHaveMore) continue;
        }
      } catch (error) {
        this.log("could not claim webhooks", error);
      }
      if (await this.sleep()) this.mayHaveMore = true;
    }
  }

  /** Waits for a wake-up or the poll interval; true when the interval ran out. */
  private sleep(): Promise<boolean> {
    if (this.wakeRequested || !this.running) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(true), this.settings.pollIntervalMs);
      const done = (timedOut: boolean) => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve(timedOut);
      };
      this.wakeUp = () => done(false);
    });
  }

  private async claim(limit: number): Promise<ClaimedWebhook[]> {
    // One worker serves a channel at a time (queue/claim-due.ts), so the limits kept here
    // hold across workers: in flight at most channelConcurrency, held a few rounds ahead.
    const channelLimit = this.settings.channelConcurrency * PREFETCH_ROUNDS;
    const full = [...this.heldByChannel]
      .filter(([, count]) => count >= channelLimit)
      .map(([channelId]) => channelId);
    const held = Object.fromEntries(this.heldByChannel);
    const asked = Date.now();
    const claimed = await this.store.claim({ limit, channelLimit, held, skipChannels: full });
    const got = new Map<string, number>();
    const fresh: ClaimedWebhook[] = [];
    for (const webhook of claimed) {
      const lease = this.leased.get(webhook.id);
      if (lease) {
        // Its lease ran out while this worker still held it (renewals failed) and this worker
        // took it again: it is already queued, in flight or recorded here; the lease is new.
        lease.until = asked + this.settings.leaseMs;
        continue;
      }
      adjust(this.heldByChannel, webhook.channelId, +1);
      adjust(got, webhook.channelId, +1);
      this.leased.set(webhook.id, { until: asked + this.settings.leaseMs });
      fresh.push(webhook);
    }
    // Against the room each channel had when the claim was asked, not against what it holds
    // now: attempts finish while a claim runs.
    for (const [channelId, count] of got) {
      if (count >= channelLimit - (held[channelId] ?? 0)) this.saturated.add(channelId);
      else this.saturated.delete(channelId);
    }
    return fresh;
  }

  /** Starts queued webhooks while global and per-channel slots are free. */
  private pump(): void {
    for (let i = 0; i < this.queue.length && this.inFlight.size < this.settings.concurrency; ) {
      const webhook = this.queue[i] as ClaimedWebhook;
      if (
        (this.inFlightByChannel.get(webhook.channelId) ?? 0) >= this.settings.channelConcurrency
      ) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.launch(webhook);
    }
  }

  private launch(webhook: ClaimedWebhook): void {
    const { channelId } = webhook;
    adjust(this.inFlightByChannel, channelId, +1);
    const attempt = this.attempt(webhook)
      .catch((error) => {
        // Nothing was handed to the store: stop renewing, so the webhook is sent again.
        this.leased.delete(webhook.id);
        this.log(`attempt for webhook ${webhook.id} was not recorded`, error);
      })
      .finally(() => {
        this.inFlight.delete(attempt);
        adjust(this.inFlightByChannel, channelId, -1);
        const held = adjust(this.heldByChannel, channelId, -1);
        this.pump();
        // A channel that held all it may has room for a round again. (Not "held fell to the
        // mark": a claim can land while others finish and lift it past the mark unseen.)
        const channelRoomMark = this.settings.channelConcurrency * (PREFETCH_ROUNDS - 1);
        if (held <= channelRoomMark && this.saturated.delete(channelId)) {
          this.mayHaveMore = true;
          this.hints++;
        }
        // Refill once a round's worth of slots is free, before the queue runs dry: sending
        // never waits for a claim, and each claim takes a batch, not one row.
        if (this.mayHaveMore && this.queue.length <= this.settings.concurrency) this.wake();
      });
    this.inFlight.add(attempt);
  }

  /**
   * Whether this worker may still send the webhook: its lease holds for a third of a lease more
   * at least. Less means renewals failed (this process was frozen, or the database was away),
   * and another worker may hold it now: it is not sent, and is left to whoever holds it, or to
   * any worker once the lease has run out. Checked as late as possible before the request is
   * handed to a connection; a process frozen between the check and the write still writes that
   * one request when it resumes, which no check inside the process can prevent.
   */
  private stillHeld(webhookId: string): boolean {
    const lease = this.leased.get(webhookId);
    if (lease && lease.until - Date.now() >= this.settings.leaseMs / 3) return true;
    this.leased.delete(webhookId);
    this.leaseRanOut++;
    return false;
  }

  private async attempt(webhook: ClaimedWebhook): Promise<void> {
    const { channel } = webhook;
    // Settings may have changed since the events were accepted; LINE sends nothing then, and a
    // redelivery is only sent while Webhook redelivery is still on. An operator's "Redeliver
    // now" does not depend on that setting; without a webhook to send to, its webhook is left
    // as it was.
    const manual = webhook.manualRedeliveryFrom;
    const redelivering = webhook.attemptCount > 0;
    if (
      !channel.useWebhook ||
      !channel.webhookUrl ||
      (redelivering && !manual && !channel.webhookRedelivery)
    ) {
      this.keep({ webhookId: webhook.id, status: manual ?? "cancelled" });
      return;
    }
    const events = JSON.parse(webhook.events) as StoredEvent[];
    const attemptNumber = webhook.attemptCount + 1;
    const isRedelivery = attemptNumber > 1;
    const request = buildRequestFor(channel, events, isRedelivery, Date.now());
    if (!this.stillHeld(webhook.id)) return;
    const attemptedAt = new Date();
    const result = await this.send(channel.webhookUrl, request, this.sendOptions);
    this.metrics.attempted(channel.id, result);
    const attempt: AttemptRecord = {
      id: newUlid(attemptedAt.getTime()),
      webhookId: webhook.id,
      channelId: channel.id,
      attemptedAt,
      url: channel.webhookUrl,
      eventIds: JSON.stringify(events.map((event) => event.webhookEventId)),
      attemptNumber,
      isRedelivery,
      // The signature as sent: the detail view checks it against the body rebuilt from the
      // stored events (the body itself is not stored twice). The sender's own three headers:
      // nothing to cut or clean, unlike a bot's (stored-response.ts).
      requestHeaders: JSON.stringify(request.headers),
      ...resultColumns(result),
      counted: false,
    };
    traceAttempt(attempt);
    this.keep({
      ...outcomeAfter(webhook.id, result, attempt, {
        redelivery: channel.webhookRedelivery,
        schedule: this.settings.redeliverySchedule,
        manualRedeliveryFrom: manual,
      }),
      countable: channel.useWebhook && channel.errorStatisticsAggregation,
    });
  }

  /**
   * Hands an outcome to the recorder without holding the sending slot while it commits; stop()
   * and whenIdle() wait for the store to commit it.
   */
  private keep(outcome: WebhookOutcome): void {
    const lease = this.leased.get(outcome.webhookId);
    if (lease) lease.handedOver = Date.now();
    this.store
      .record(outcome)
      .catch((error) => {
        // When stopping, the store has said how many it could not write.
        if (this.running)
          this.log(`outcome of webhook ${outcome.webhookId} was not recorded`, error);
      })
      .finally(() => this.leased.delete(outcome.webhookId));
  }
}

/** What a worker knows of the lease on a webhook it holds. */
interface Lease {
  /** Until when the lease holds, at least (as of the claim or last renewal asked; epoch ms). */
  until: number;
  /** When its outcome was handed to the store to record. */
  handedOver?: number;
}

/** Adds `delta` to a per-channel count and returns the new count. */
function adjust(counts: Map<string, number>, key: string, delta: number): number {
  const value = (counts.get(key) ?? 0) + delta;
  if (value > 0) counts.set(key, value);
  else counts.delete(key);
  return value;
}
