// Replay jobs as operators start, follow and cancel them (the routes under
// /api/channels/{id}/replays); the dispatcher processes run them (run-replays.ts).
import "server-only";
import { recordAudit } from "../audit/record-audit";
import { findChannelOrThrow } from "../channels/find-channel";
import type { Db, ReplayJob } from "../db/client";
import type { DeliveryFilters } from "../deliveries/list-deliveries";
import { ConflictError, NotFoundError } from "../errors";
import { newUlid } from "../ids/new-ulid";
import { DEFAULT_REPLAY_RATE } from "./replay-limits";
import {
  parseStoredFilters,
  replayedWebhooksWhere,
  resentStates,
  storedFilters,
} from "./replay-selection";

/** How many jobs the Deliveries tab lists, newest first. */
export const REPLAYS_LISTED = 20;

/** The dry run: how many webhooks a replay would send, by their state now. */
export async function previewReplay(
  db: Db,
  channelId: string,
  filters: DeliveryFilters,
  includeDelivered: boolean,
) {
  await findChannelOrThrow(db, channelId);
  return countReplayable(db, channelId, filters, includeDelivered);
}

/** The dry run's counts, for a channel known to exist. */
async function countReplayable(
  db: Db,
  channelId: string,
  filters: DeliveryFilters,
  includeDelivered: boolean,
) {
  // Delivered ones are counted either way, so the dialog can say how many the choice adds.
  const where = await replayedWebhooksWhere(db, channelId, filters, resentStates(true));
  const counts = { failed: 0, given_up: 0, delivered: 0 };
  if (where) {
    for (const row of await db.webhook.groupBy({ by: ["status"], where, _count: true })) {
      counts[row.status as keyof typeof counts] = row._count;
    }
  }
  const total = counts.failed + counts.given_up + (includeDelivered ? counts.delivered : 0);
  return { total, byState: counts };
}

export const NOTHING_TO_REPLAY_MESSAGE = "No webhook matches these filters: nothing to replay";
export const NOT_SENDING_MESSAGE =
  "Use webhook is off or no webhook URL is set: nothing can be sent";

/** Starts a job: counted now, run by the dispatcher processes from their next tick. */
export async function startReplay(
  db: Db,
  channelId: string,
  input: { filters: DeliveryFilters; includeDelivered: boolean; ratePerSecond?: number },
  actor: string,
) {
  const channel = await findChannelOrThrow(db, channelId);
  if (!channel.useWebhook || !channel.webhookUrl) {
    throw new ConflictError("channel", NOT_SENDING_MESSAGE);
  }
  const { total } = await countReplayable(db, channelId, input.filters, input.includeDelivered);
  if (total === 0) throw new ConflictError("filter", NOTHING_TO_REPLAY_MESSAGE);
  const ratePerSecond = input.ratePerSecond ?? DEFAULT_REPLAY_RATE;
  const job = await db.$transaction(async (tx) => {
    const created = await tx.replayJob.create({
      data: {
        id: newUlid(),
        channelId,
        filter: storedFilters(input.filters),
        includeDelivered: input.includeDelivered,
        ratePerSecond,
        status: "running",
        total,
        createdBy: actor,
      },
    });
    await recordAudit(tx, {
      providerId: channel.providerId,
      channelId,
      actor,
      action: "replay.started",
      detail: {
        jobId: created.id,
        count: total,
        filter: filterSummary(input.filters),
        includeDelivered: input.includeDelivered,
        ratePerSecond,
      },
    });
    return created;
  });
  return (await withProgress(db, [job]))[0] as ReplayView;
}

/** Stops a running job: what it queued already is sent; nothing more is. */
export async function cancelReplay(db: Db, channelId: string, jobId: string, actor: string) {
  const channel = await findChannelOrThrow(db, channelId);
  const { count } = await db.replayJob.updateMany({
    where: { id: jobId, channelId, status: "running" },
    data: { status: "cancelled", finishedAt: new Date(), claimToken: null, leaseUntil: null },
  });
  const job = await db.replayJob.findFirst({ where: { id: jobId, channelId } });
  if (!job) throw new NotFoundError("Replay", jobId);
  if (count === 0) throw new ConflictError("status", `The replay is ${job.status} already`);
  await recordAudit(db, {
    providerId: channel.providerId,
    channelId,
    actor,
    action: "replay.cancelled",
    detail: { jobId, queued: job.queued, count: job.total },
  });
  return (await withProgress(db, [job]))[0] as ReplayView;
}

export async function listReplays(db: Db, channelId: string) {
  await findChannelOrThrow(db, channelId);
  const jobs = await db.replayJob.findMany({
    where: { channelId },
    orderBy: { id: "desc" },
    take: REPLAYS_LISTED,
  });
  return { replays: await withProgress(db, jobs) };
}

/**
 * Each job with what became of the webhooks it queued: sent (attempted since) and failed. Read
 * from the webhooks it queued last (Webhook.replayJobId): one grouped count per job listed.
 */
async function withProgress(db: Db, jobs: ReplayJob[]) {
  return Promise.all(
    jobs.map(async (job) => {
      const states = await db.webhook.groupBy({
        by: ["status"],
        where: { replayJobId: job.id },
        _count: true,
      });
      const count = (...names: string[]) =>
        states.filter((row) => names.includes(row.status)).reduce((n, row) => n + row._count, 0);
      return {
        id: job.id,
        status: job.status as "running" | "done" | "cancelled" | "failed",
        error: job.error,
        filter: parseStoredFilters(job.filter),
        includeDelivered: job.includeDelivered,
        ratePerSecond: job.ratePerSecond,
        total: job.total,
        queued: job.queued,
        skipped: job.skipped,
        /** Attempted since they were queued, and of those, failed again. */
        sent: count("delivered", "failed", "given_up", "cancelled"),
        failed: count("failed", "given_up"),
        createdBy: job.createdBy,
        createdAt: job.createdAt.toISOString(),
        finishedAt: job.finishedAt?.toISOString() ?? null,
      };
    }),
  );
}

export type ReplayView = Awaited<ReturnType<typeof withProgress>>[number];

/** The filters in one line for the audit log (its details are scalars). */
function filterSummary(filters: DeliveryFilters): string {
  const parts = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${value instanceof Date ? value.toISOString() : value}`);
  return parts.length > 0 ? parts.join(" ") : "all";
}
