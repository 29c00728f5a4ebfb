import type { Db } from "../db/client";
import type { StoredEvent } from "../events/complete-event";
import { newUlid } from "../ids/new-ulid";
import { type AttemptRecord, AttemptRecorder, type WebhookOutcome } from "./attempt-recorder";
import { ConnectionPool } from "./connection-pool";
import type { DispatchSettings } from "./dispatch-settings";
import { sendOptionsFrom } from "./dispatch-settings";
import { type SendOptions, type SendResult, sendWebhook } from "./send-webhook";
import { buildWebhookRequest } from "./webhook-request";

type Send = typeof sendWebhook;

export interface DispatcherOptions {
  db: Db;
  settings: DispatchSettings;
  /** Replaceable for the benchmark's baseline; defaults to the real sender. */
  send?: Send;
  log?: (message: string, error?: unknown) => void;
}

type ClaimedWebhook = Awaited<ReturnType<Dispatcher["claim"]>>[number];

/**
 * Sends stored webhooks. Runs in the server process: it claims due webhooks, sends each with
 * bounded concurrency (globally and per channel, so one slow bot cannot hold every slot), and
 * records every attempt. One dispatcher per database (docs/adr/0005-dispatcher.md).
 */
export class Dispatcher {
  private readonly db: Db;
  private readonly settings: DispatchSettings;
  private readonly send: Send;
  private readonly sendOptions: SendOptions;
  private readonly pool: ConnectionPool;
  private readonly recorder: AttemptRecorder;
  private readonly log: (message: string, error?: unknown) => void;
  /** Claimed webhooks waiting for a free slot, oldest first. */
  private readonly queue: ClaimedWebhook[] = [];
  /** Per channel: webhooks queued or in flight. */
  private readonly heldByChannel = new Map<string, number>();
  private readonly inFlightByChannel = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private wakeRequested = false;

  constructor(options: DispatcherOptions) {
    this.db = options.db;
    this.settings = options.settings;
    this.send = options.send ?? sendWebhook;
    this.pool = new ConnectionPool(sendOptionsFrom(options.settings));
    this.sendOptions = { ...sendOptionsFrom(options.settings), pool: this.pool };
    this.recorder = new AttemptRecorder(options.db);
    this.log =
      options.log ?? ((message, error) => console.error(`[dispatcher] ${message}`, error ?? ""));
  }

  /** Picks up where a previous process stopped: webhooks it was sending are sent again. */
  async start(): Promise<void> {
    if (this.running) return;
    await this.db.webhook.updateMany({
      where: { status: "sending" },
      data: { status: "pending", claimToken: null },
    });
    this.running = true;
    this.loopDone = this.loop();
  }

  /** New work was stored: look for it now rather than at the next poll. */
  notify(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** Stops claiming, waits for attempts in flight, commits their records, releases the rest. */
  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loopDone;
    const unsent = this.queue.splice(0).map((webhook) => webhook.id);
    await Promise.allSettled([...this.inFlight]);
    await this.recorder.flush();
    this.pool.close();
    if (unsent.length) {
      await this.db.webhook.updateMany({
        where: { id: { in: unsent }, status: "sending" },
        data: { status: "pending", claimToken: null },
      });
    }
  }

  /** Resolves when nothing is due, in flight or unrecorded (tests and benchmarks wait on it). */
  async whenIdle(pollMs = 20): Promise<void> {
    for (;;) {
      if (this.inFlight.size === 0 && this.queue.length === 0 && this.recorder.pending === 0) {
        await this.recorder.flush();
        const due = await this.db.webhook.count({
          where: { status: { in: ["pending", "sending"] }, nextAttemptAt: { lte: new Date() } },
        });
        if (due === 0 && this.inFlight.size === 0 && this.queue.length === 0) return;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  // Claims run ahead of sending: up to twice the concurrency is held (queued or in flight), so a
  // finished attempt starts the next one at once instead of waiting for a database round trip.
  private get prefetchLimit(): number {
    return this.settings.concurrency * 2;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let claimedAll = false;
      try {
        const room = this.prefetchLimit - this.queue.length - this.inFlight.size;
        if (room > 0) {
          const claimed = await this.claim(room);
          this.queue.push(...claimed);
          this.pump();
          claimedAll = claimed.length === room;
        }
      } catch (error) {
        this.log("could not claim webhooks", error);
      }
      if (claimedAll && this.running) continue;
      await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    if (this.wakeRequested || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.settings.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  private async claim(limit: number) {
    const channelLimit = this.settings.channelConcurrency * 2;
    const full = [...this.heldByChannel]
      .filter(([, count]) => count >= channelLimit)
      .map(([channelId]) => channelId);
    const due = await this.db.webhook.findMany({
      where: {
        status: "pending",
        nextAttemptAt: { lte: new Date() },
        ...(full.length ? { channelId: { notIn: full } } : {}),
      },
      orderBy: { nextAttemptAt: "asc" },
      take: limit * 2,
      select: { id: true, channelId: true },
    });
    // Respect each channel's share within this round too.
    const room = new Map<string, number>();
    const picked: string[] = [];
    for (const { id, channelId } of due) {
      if (picked.length >= limit) break;
      const left = room.get(channelId) ?? channelLimit - (this.heldByChannel.get(channelId) ?? 0);
      if (left <= 0) continue;
      room.set(channelId, left - 1);
      picked.push(id);
    }
    if (picked.length === 0) return [];
    const claimToken = newUlid();
    await this.db.webhook.updateMany({
      where: { id: { in: picked }, status: "pending" },
      data: { status: "sending", claimToken },
    });
    const claimed = await this.db.webhook.findMany({
      where: { claimToken, status: "sending" },
      include: { channel: true },
      orderBy: { nextAttemptAt: "asc" },
    });
    for (const { channelId } of claimed) adjust(this.heldByChannel, channelId, +1);
    return claimed;
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
      .catch((error) => this.log(`attempt for webhook ${webhook.id} was not recorded`, error))
      .finally(() => {
        this.inFlight.delete(attempt);
        adjust(this.inFlightByChannel, channelId, -1);
        adjust(this.heldByChannel, channelId, -1);
        this.pump();
        if (this.queue.length + this.inFlight.size < this.settings.concurrency) this.notify();
      });
    this.inFlight.add(attempt);
  }

  private async attempt(webhook: ClaimedWebhook): Promise<void> {
    const { channel } = webhook;
    // Settings may have changed since the events were accepted; LINE sends nothing then.
    if (!channel.useWebhook || !channel.webhookUrl) {
      this.keep({ webhookId: webhook.id, status: "cancelled" });
      return;
    }
    const events = JSON.parse(webhook.events) as StoredEvent[];
    const attemptNumber = webhook.attemptCount + 1;
    const isRedelivery = attemptNumber > 1;
    const request = buildWebhookRequest({
      channelSecret: channel.channelSecret,
      destination: channel.botUserId,
      events,
      isRedelivery,
    });
    const attemptedAt = new Date();
    const result = await this.send(channel.webhookUrl, request, this.sendOptions);
    const attempt: AttemptRecord = {
      id: newUlid(attemptedAt.getTime()),
      webhookId: webhook.id,
      channelId: channel.id,
      attemptedAt,
      url: channel.webhookUrl,
      eventIds: JSON.stringify(events.map((event) => event.webhookEventId)),
      attemptNumber,
      isRedelivery,
      ...resultColumns(result),
    };
    this.keep(outcomeAfter(webhook.id, result, attempt));
  }

  /**
   * Hands an outcome to the recorder without holding the sending slot while it commits; stop()
   * and whenIdle() wait for the recorder.
   */
  private keep(outcome: WebhookOutcome): void {
    this.recorder
      .record(outcome)
      .catch((error) =>
        this.log(`outcome of webhook ${outcome.webhookId} was not recorded`, error),
      );
  }
}

function adjust(counts: Map<string, number>, key: string, delta: number): void {
  const value = (counts.get(key) ?? 0) + delta;
  if (value > 0) counts.set(key, value);
  else counts.delete(key);
}

function resultColumns(result: SendResult) {
  return {
    success: result.ok,
    reason: result.ok ? null : result.reason,
    detail: result.ok ? null : result.detail,
    statusCode: result.status,
    latencyMs: result.latencyMs,
    protocol: result.protocol,
    error: result.ok ? null : result.error,
  };
}

/** Delivered on success; a failure is final (redelivery, when on, schedules it again). */
function outcomeAfter(
  webhookId: string,
  result: SendResult,
  attempt: AttemptRecord,
): WebhookOutcome {
  return { webhookId, status: result.ok ? "delivered" : "failed", attempt };
}
