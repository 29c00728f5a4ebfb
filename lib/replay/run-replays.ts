// Running replay jobs, in every dispatcher process (issue 26). A job is held by one process at a
// time under a lease, as webhooks are (ADR 15); each tick queues its next batch again in one
// transaction that also moves its cursor, so a process killed mid-job leaves no webhook queued
// twice by it, and whoever takes the job over goes on from the cursor. Live traffic keeps
// priority: a batch is queued only while fewer than `maxDue` webhooks wait to be sent, so a live
// event has at most that many replayed webhooks ahead of it, however large the job.
import "server-only";
import { REPLAY_RUNNER_ACTOR } from "../audit/audit-actions";
import { recordAudit } from "../audit/record-audit";
import type { Db, ReplayJob } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import { SqlParams } from "../db/sql";
import { NOT_SENDING_MESSAGE } from "./replay-jobs";
import {
  parseStoredFilters,
  type ResentState,
  replayedWebhooksWhere,
  resentStates,
} from "./replay-selection";

export interface ReplayRunnerSettings {
  /** This process, in the jobs it holds (as in its webhook claims). */
  workerId: string;
  /** How long a hold on a job lasts unless renewed (each batch renews it). */
  leaseMs: number;
  /**
   * Batches are queued only while fewer webhooks than this are due or being sent: a live event
   * finds at most this many replayed webhooks ahead of it.
   */
  maxDue: number;
}

/** The most webhooks one batch queues, whatever the rate. */
const MAX_BATCH = 1000;

/** The lost hold on a job: its transaction rolls back, nothing of the batch is kept. */
class JobNotHeld extends Error {}

/**
 * One process's runner: call tick() every few hundred milliseconds. Keeps, per job it runs, how
 * many webhooks its rate allows it to queue now (a token bucket refilled at the job's rate).
 */
export class ReplayRunner {
  private readonly allowance = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly db: Db,
    private readonly settings: ReplayRunnerSettings,
    /** Called after a batch was queued: wakes the dispatcher. */
    private readonly onQueued: () => void = () => {},
  ) {}

  /** Runs a batch of each job this process may hold now; returns how many webhooks it queued. */
  async tick(now: Date = new Date()): Promise<number> {
    const jobs = await this.db.replayJob.findMany({
      where: { status: "running", ...this.claimable(now) },
      orderBy: { id: "asc" },
      take: 10,
    });
    if (jobs.length === 0) {
      this.allowance.clear();
      return 0;
    }
    let queued = 0;
    for (const job of jobs) {
      if (!(await this.hold(job, now))) continue;
      queued += await this.runBatch(job, now);
    }
    if (queued > 0) this.onQueued();
    return queued;
  }

  /** Jobs no process holds, or whose hold ran out, or this process's own. */
  private claimable(now: Date) {
    return {
      OR: [
        { leaseUntil: null },
        { leaseUntil: { lt: now } },
        { claimToken: this.settings.workerId },
      ],
    };
  }

  private async hold(job: ReplayJob, now: Date): Promise<boolean> {
    const { count } = await this.db.replayJob.updateMany({
      where: { id: job.id, status: "running", ...this.claimable(now) },
      data: {
        claimToken: this.settings.workerId,
        leaseUntil: new Date(now.getTime() + this.settings.leaseMs),
      },
    });
    return count === 1;
  }

  /** How many webhooks the job's rate allows now (at most a second's worth saved up). */
  private take(job: ReplayJob, now: number): number {
    // A job this process has not run yet may send one at once rather than after 1/rate seconds.
    const held = this.allowance.get(job.id) ?? { tokens: 1, at: now };
    const tokens = Math.min(
      job.ratePerSecond,
      held.tokens + ((now - held.at) / 1000) * job.ratePerSecond,
    );
    const whole = Math.floor(tokens);
    this.allowance.set(job.id, { tokens: tokens - whole, at: now });
    return whole;
  }

  /** Gives back what take() allowed and was not used. */
  private giveBack(jobId: string, unused: number): void {
    const held = this.allowance.get(jobId);
    if (held && unused > 0) held.tokens += unused;
  }

  private async runBatch(job: ReplayJob, now: Date): Promise<number> {
    const channel = await this.db.channel.findUnique({
      where: { id: job.channelId },
      select: { useWebhook: true, webhookUrl: true, providerId: true },
    });
    if (!channel) return 0;
    if (!channel.useWebhook || !channel.webhookUrl) {
      await this.finish(job, channel.providerId, "failed", now, NOT_SENDING_MESSAGE);
      return 0;
    }
    const allowed = this.take(job, now.getTime());
    const room = this.settings.maxDue - (await dueWebhooks(this.db, now, this.settings.maxDue));
    const size = Math.min(allowed, room, MAX_BATCH);
    if (size <= 0) {
      this.giveBack(job.id, allowed);
      return 0;
    }
    const states = resentStates(job.includeDelivered);
    const where = await replayedWebhooksWhere(
      this.db,
      job.channelId,
      parseStoredFilters(job.filter),
      states,
    );
    const batch = where
      ? await this.db.webhook.findMany({
          where: { AND: [where, afterCursor(job)] },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: size,
          select: { id: true, createdAt: true, status: true },
        })
      : [];
    this.giveBack(job.id, allowed - batch.length);
    if (batch.length === 0) {
      await this.finish(job, channel.providerId, "done", now);
      return 0;
    }
    try {
      return await this.queueBatch(job, batch, states, now);
    } catch (error) {
      if (error instanceof JobNotHeld) return 0;
      throw error;
    }
  }

  /**
   * Queues the batch again and moves the job's cursor past it, in one transaction: the
   * webhooks still in a state the job resends become pending (as "Redeliver now" makes them:
   * one attempt, `isRedelivery: true`, back to failed if it fails), the rest are passed over.
   */
  private queueBatch(
    job: ReplayJob,
    batch: { id: string; createdAt: Date; status: string }[],
    states: readonly ResentState[],
    now: Date,
  ): Promise<number> {
    return this.db.$transaction(async (tx) => {
      let queued = 0;
      for (const state of states) {
        const ids = batch.filter((webhook) => webhook.status === state).map(({ id }) => id);
        if (ids.length === 0) continue;
        const { count } = await tx.webhook.updateMany({
          where: { id: { in: ids }, status: state },
          data: {
            status: "pending",
            nextAttemptAt: now,
            manualRedeliveryFrom: state === "delivered" ? "failed" : state,
            replayJobId: job.id,
          },
        });
        queued += count;
      }
      const last = batch.at(-1) as (typeof batch)[number];
      const { count } = await tx.replayJob.updateMany({
        where: { id: job.id, status: "running", claimToken: this.settings.workerId },
        data: {
          cursorAt: last.createdAt,
          cursorId: last.id,
          queued: { increment: queued },
          skipped: { increment: batch.length - queued },
          leaseUntil: new Date(now.getTime() + this.settings.leaseMs),
        },
      });
      // Cancelled meanwhile, or held by another process after this one's hold ran out.
      if (count === 0) throw new JobNotHeld();
      return queued;
    });
  }

  private async finish(
    job: ReplayJob,
    providerId: string,
    status: "done" | "failed",
    now: Date,
    error: string | null = null,
  ): Promise<void> {
    this.allowance.delete(job.id);
    await this.db.$transaction(async (tx) => {
      const { count } = await tx.replayJob.updateMany({
        where: { id: job.id, status: "running", claimToken: this.settings.workerId },
        data: { status, error, finishedAt: now, claimToken: null, leaseUntil: null },
      });
      if (count === 0) return;
      const ended = await tx.replayJob.findUniqueOrThrow({ where: { id: job.id } });
      await recordAudit(tx, {
        providerId,
        channelId: job.channelId,
        actor: REPLAY_RUNNER_ACTOR,
        action: "replay.finished",
        detail: { jobId: job.id, outcome: status, queued: ended.queued, skipped: ended.skipped },
      });
    });
  }
}

/** Past the job's cursor in (createdAt, id) order: the channel's index walks it. */
function afterCursor(job: ReplayJob) {
  if (!job.cursorAt || !job.cursorId) return {};
  return {
    OR: [
      { createdAt: { gt: job.cursorAt } },
      { createdAt: job.cursorAt, id: { gt: job.cursorId } },
    ],
  };
}

/**
 * Webhooks due now or being sent (claimed, queued in a dispatcher or in flight), counted up to
 * `limit` only: two scans of the status index that stop there, so the count stays cheap under any
 * backlog.
 */
async function dueWebhooks(db: Db, now: Date, limit: number): Promise<number> {
  const sql = prismaSql(db);
  const p = new SqlParams(sql.dialect);
  const [row] = await sql.query<{ due: number | string | bigint }>(
    `SELECT COUNT(*) AS "due" FROM (
      SELECT * FROM (SELECT 1 AS "one" FROM "Webhook" WHERE "status" = 'sending'
        LIMIT ${p.value(limit)}) AS s
      UNION ALL
      SELECT * FROM (SELECT 1 AS "one" FROM "Webhook"
        WHERE "status" = 'pending' AND "nextAttemptAt" <= ${p.time(now)}
        LIMIT ${p.value(limit)}) AS d) AS w`,
    p.list,
  );
  return Number(row?.due ?? 0);
}
