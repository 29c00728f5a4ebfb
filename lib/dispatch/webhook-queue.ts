// The dispatcher's hot path in plain, parameterised SQL that SQLite and PostgreSQL both accept.
// Through the Prisma client these statements cost 3-20 ms each (its query compiler dominates);
// as raw SQL they cost well under one, which is the difference between keeping up with a fast
// bot and not (see the dispatch benchmark). Where else raw SQL is used,
// and why: docs/adr/0007-raw-sql-on-the-dispatch-hot-path.md.
import "server-only";
import { type Db, dialectOf, Prisma, type SqlRunner } from "../db/client";
import type { AttemptRecord, ManualRedeliveryFrom, WebhookStatus } from "./attempt-record";

export interface ClaimedRow {
  id: string;
  channelId: string;
  events: string;
  attemptCount: number;
  /** An operator's "Redeliver now": the status to return to if it fails (Webhook model). */
  manualRedeliveryFrom: ManualRedeliveryFrom | null;
}

export interface ClaimRequest {
  /** The claiming worker: its claims carry it, and only it records their outcomes. */
  workerId: string;
  now: Date;
  /** How long the claims hold unless renewed (renewLeases). */
  leaseMs: number;
  /** Rows to claim at most. */
  limit: number;
  /**
   * How many more rows of a channel this worker may hold (its own limit per channel, less what
   * it holds). A channel another worker holds rows of is not claimed at all: one worker serves a
   * channel at a time, so its per-channel limit holds across every worker.
   */
  roomFor: (channelId: string) => number;
  /** Channels not to claim for (this worker holds their share already). */
  skipChannels: string[];
}

/**
 * Whether a row picked by id is still claimable: pending and due, or "sending" under a lease that
 * ran out (its worker died). A CASE rather than an OR of the two: given an OR of conditions on the
 * indexed status, SQLite reads every row of both statuses through that index instead of the few
 * ids asked for (12 ms a claim with 20,000 pending, the dispatcher's bottleneck).
 */
const stillClaimable = (now: Date) => Prisma.sql`CASE "status"
    WHEN 'pending' THEN "nextAttemptAt" <= ${now}
    WHEN 'sending' THEN ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
    ELSE false END`;

/**
 * Claims due webhooks for `workerId`, oldest first, under a lease; any number of workers may
 * claim at once (ADR 15). A row is claimed only if it is still claimable when written, so two
 * workers never both hold one. A channel is served by one worker at a time: its rows are not
 * claimed while another worker holds some under a live lease, so the claiming worker's own
 * per-channel limit is the channel's limit across all workers. On PostgreSQL this runs in one
 * transaction: the candidate rows are locked with SKIP LOCKED (a row another worker is claiming
 * is passed over, not waited for), and so are their channels' rows (FOR NO KEY UPDATE, which
 * inserting events does not wait for), so two workers cannot take one channel at once. On
 * SQLite, which serves one dispatcher, the conditional UPDATE alone keeps a row from being
 * claimed twice.
 */
export async function claimDue(db: Db, request: ClaimRequest): Promise<ClaimedRow[]> {
  // SQLite serves one dispatcher (ADR 15) and one writer at a time: its statements need no
  // transaction around them, and an interactive one would wait on the recorder's for the lock.
  return dialectOf(db) === "postgres"
    ? db.$transaction((tx) => claimWith(tx, request, true))
    : claimWith(db, request, false);
}

async function claimWith(
  tx: SqlRunner,
  { workerId, now, leaseMs, limit, roomFor, skipChannels }: ClaimRequest,
  postgres: boolean,
): Promise<ClaimedRow[]> {
  const skip = skipChannels.length
    ? Prisma.sql`AND "channelId" NOT IN (${Prisma.join(skipChannels)})`
    : Prisma.empty;
  // Not this worker's own rows (one whose lease it failed to renew is still in its hands), and
  // not channels another worker serves: their rows are its to send.
  const eligible = Prisma.sql`${skip}
      AND ("claimToken" IS NULL OR "claimToken" <> ${workerId})
      AND "channelId" NOT IN (
        SELECT "channelId" FROM "Webhook"
        WHERE "status" = 'sending' AND "leaseUntil" >= ${now} AND "claimToken" <> ${workerId})`;
  const lock = postgres ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  // Two statements, not one with an OR of the two kinds: each walks the (status, nextAttemptAt)
  // index in order and stops at its LIMIT, where the OR had the database sort every due row.
  // Leases that ran out come first: their webhooks were due before any pending one.
  const wanted = limit * 2;
  const expired = await tx.$queryRaw<{ id: string; channelId: string }[]>`
    SELECT "id", "channelId" FROM "Webhook"
    WHERE "status" = 'sending' AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now}) ${eligible}
    ORDER BY "nextAttemptAt" LIMIT ${wanted} ${lock}`;
  const due =
    expired.length >= wanted
      ? expired
      : expired.concat(
          await tx.$queryRaw<{ id: string; channelId: string }[]>`
            SELECT "id", "channelId" FROM "Webhook"
            WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} ${eligible}
            ORDER BY "nextAttemptAt" LIMIT ${wanted - expired.length} ${lock}`,
        );
  if (due.length === 0) return [];
  let channelIds = [...new Set(due.map((row) => row.channelId))];
  if (postgres) {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Channel" WHERE "id" IN (${Prisma.join(channelIds)})
      FOR NO KEY UPDATE SKIP LOCKED`;
    channelIds = locked.map((row) => row.id);
    if (channelIds.length === 0) return [];
  }
  // Checked again now the channels are locked: another worker may have committed claims of one
  // since the candidates were read. (SQLite's one dispatcher has no one to race with.)
  const others = postgres
    ? await tx.$queryRaw<{ channelId: string }[]>`
        SELECT DISTINCT "channelId" FROM "Webhook"
        WHERE "channelId" IN (${Prisma.join(channelIds)})
          AND "status" = 'sending' AND "leaseUntil" >= ${now} AND "claimToken" <> ${workerId}`
    : [];
  const taken = new Set(others.map((row) => row.channelId));
  const room = new Map(
    channelIds.filter((id) => !taken.has(id)).map((id) => [id, roomFor(id)] as const),
  );
  const picked: string[] = [];
  for (const { id, channelId } of due) {
    if (picked.length >= limit) break;
    const left = room.get(channelId) ?? 0;
    if (left <= 0) continue;
    room.set(channelId, left - 1);
    picked.push(id);
  }
  if (picked.length === 0) return [];
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await tx.$queryRaw<ClaimedRow[]>`
    UPDATE "Webhook" SET "status" = 'sending', "claimToken" = ${workerId},
      "leaseUntil" = ${leaseUntil}, "updatedAt" = ${now}
    WHERE "id" IN (${Prisma.join(picked)}) AND ${stillClaimable(now)}
    RETURNING "id", "channelId", "events", "attemptCount", "manualRedeliveryFrom"`;
  return rows.map((row) => ({ ...row, attemptCount: Number(row.attemptCount) }));
}

/**
 * Extends the leases of every webhook `workerId` holds: it is alive. Returns how many. On
 * PostgreSQL rows being recorded right now are skipped, not waited for: their claim is ending,
 * and waiting on the recorder's locks in another order could deadlock with it.
 */
export function renewLeases(db: Db, workerId: string, leaseUntil: Date) {
  if (dialectOf(db) === "postgres") {
    return db.$executeRaw`
      UPDATE "Webhook" SET "leaseUntil" = ${leaseUntil}
      WHERE "id" IN (SELECT "id" FROM "Webhook"
        WHERE "claimToken" = ${workerId} AND "status" = 'sending'
        FOR UPDATE SKIP LOCKED)`;
  }
  return db.$executeRaw`
    UPDATE "Webhook" SET "leaseUntil" = ${leaseUntil}
    WHERE "claimToken" = ${workerId} AND "status" = 'sending'`;
}

/** Gives back webhooks `workerId` claimed but did not send (it is stopping): pending again. */
export function releaseClaims(db: SqlRunner, workerId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve(0);
  return db.$executeRaw`
    UPDATE "Webhook" SET "status" = 'pending', "claimToken" = NULL, "leaseUntil" = NULL
    WHERE "id" IN (${Prisma.join(ids)}) AND "claimToken" = ${workerId} AND "status" = 'sending'`;
}

export function insertAttempts(db: SqlRunner, attempts: AttemptRecord[]) {
  const values = attempts.map(
    (a) =>
      Prisma.sql`(${a.id}, ${a.webhookId}, ${a.channelId}, ${a.attemptedAt}, ${a.url}, ${a.eventIds}, ${a.attemptNumber}, ${a.isRedelivery}, ${a.success}, ${a.reason}, ${a.detail}, ${a.statusCode}, ${a.latencyMs}, ${a.protocol}, ${a.error}, ${a.counted}, ${a.requestHeaders}, ${a.responseHeaders}, ${a.responseExcerpt}, ${a.responseTruncated}, ${a.dnsMs}, ${a.connectMs}, ${a.tlsMs}, ${a.responseMs})`,
  );
  return db.$executeRaw`
    INSERT INTO "DeliveryAttempt" ("id", "webhookId", "channelId", "attemptedAt", "url", "eventIds",
      "attemptNumber", "isRedelivery", "success", "reason", "detail", "statusCode", "latencyMs",
      "protocol", "error", "counted", "requestHeaders", "responseHeaders", "responseExcerpt",
      "responseTruncated", "dnsMs", "connectMs", "tlsMs", "responseMs")
    VALUES ${Prisma.join(values)}`;
}

/**
 * Sets the status of many webhooks at once, counting an attempt for each when `attempted`, and
 * ends their claims (and any "Redeliver now" they were sent for); with `nextAttemptAt`, also when
 * they are due again (a redelivery). Only
 * webhooks `workerId` still holds change: one whose lease ran out and another worker took is
 * that worker's to record.
 */
export function setStatus(
  db: SqlRunner,
  {
    ids,
    status,
    attempted,
    nextAttemptAt,
    now,
    workerId,
  }: {
    ids: string[];
    status: WebhookStatus;
    attempted: boolean;
    nextAttemptAt?: Date;
    now: Date;
    workerId: string;
  },
) {
  const count = attempted ? Prisma.sql`, "attemptCount" = "attemptCount" + 1` : Prisma.empty;
  const due = nextAttemptAt ? Prisma.sql`, "nextAttemptAt" = ${nextAttemptAt}` : Prisma.empty;
  return db.$executeRaw`
    UPDATE "Webhook" SET "status" = ${status}, "claimToken" = NULL, "leaseUntil" = NULL,
      "manualRedeliveryFrom" = NULL, "updatedAt" = ${now} ${count} ${due}
    WHERE "id" IN (${Prisma.join(ids)}) AND "claimToken" = ${workerId}`;
}

/** Which of these webhooks still exist (a deleted channel's are gone). */
export async function existingWebhookIds(db: SqlRunner, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Webhook" WHERE "id" IN (${Prisma.join([...new Set(ids)])})`;
  return new Set(rows.map((row) => row.id));
}
