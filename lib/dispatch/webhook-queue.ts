// The dispatcher's hot path in plain, parameterised SQL that SQLite and PostgreSQL both accept.
// Through the Prisma client these statements cost 3-20 ms each (its query compiler dominates);
// as raw SQL they cost well under one, which is the difference between keeping up with a fast
// bot and not (see the dispatch benchmark). Where else raw SQL is used,
// and why: docs/adr/0007-raw-sql-on-the-dispatch-hot-path.md.
import "server-only";
import { type Db, Prisma, type SqlRunner } from "../db/client";
import type { AttemptRecord, WebhookStatus } from "./attempt-record";

export interface DueWebhook {
  id: string;
  channelId: string;
}

export interface ClaimedRow {
  id: string;
  channelId: string;
  events: string;
  attemptCount: number;
}

/** Pending webhooks whose time has come, oldest first, leaving out the given channels. */
export async function findDue(
  db: Db,
  { now, limit, skipChannels }: { now: Date; limit: number; skipChannels: string[] },
): Promise<DueWebhook[]> {
  const skip = skipChannels.length
    ? Prisma.sql`AND "channelId" NOT IN (${Prisma.join(skipChannels)})`
    : Prisma.empty;
  return db.$queryRaw<DueWebhook[]>`
    SELECT "id", "channelId" FROM "Webhook"
    WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} ${skip}
    ORDER BY "nextAttemptAt" LIMIT ${limit}`;
}

/**
 * Marks the given webhooks as being sent by this dispatcher. Only rows still pending are taken,
 * so two dispatchers can never both claim one.
 */
export async function claim(
  db: Db,
  { ids, claimToken, now }: { ids: string[]; claimToken: string; now: Date },
): Promise<ClaimedRow[]> {
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "Webhook" SET "status" = 'sending', "claimToken" = ${claimToken}, "updatedAt" = ${now}
    WHERE "id" IN (${Prisma.join(ids)}) AND "status" = 'pending'
    RETURNING "id", "channelId", "events", "attemptCount"`;
  return rows.map((row) => ({ ...row, attemptCount: Number(row.attemptCount) }));
}

export function insertAttempts(db: SqlRunner, attempts: AttemptRecord[]) {
  const values = attempts.map(
    (a) =>
      Prisma.sql`(${a.id}, ${a.webhookId}, ${a.channelId}, ${a.attemptedAt}, ${a.url}, ${a.eventIds}, ${a.attemptNumber}, ${a.isRedelivery}, ${a.success}, ${a.reason}, ${a.detail}, ${a.statusCode}, ${a.latencyMs}, ${a.protocol}, ${a.error}, ${a.counted})`,
  );
  return db.$executeRaw`
    INSERT INTO "DeliveryAttempt" ("id", "webhookId", "channelId", "attemptedAt", "url", "eventIds",
      "attemptNumber", "isRedelivery", "success", "reason", "detail", "statusCode", "latencyMs",
      "protocol", "error", "counted")
    VALUES ${Prisma.join(values)}`;
}

/** Sets the status of many webhooks at once, counting an attempt for each when `attempted`. */
export function setStatus(
  db: SqlRunner,
  {
    ids,
    status,
    attempted,
    now,
  }: { ids: string[]; status: WebhookStatus; attempted: boolean; now: Date },
) {
  const count = attempted ? Prisma.sql`, "attemptCount" = "attemptCount" + 1` : Prisma.empty;
  return db.$executeRaw`
    UPDATE "Webhook" SET "status" = ${status}, "claimToken" = NULL, "updatedAt" = ${now} ${count}
    WHERE "id" IN (${Prisma.join(ids)})`;
}

/** Which of these webhooks still exist (a deleted channel's are gone). */
export async function existingWebhookIds(db: SqlRunner, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Webhook" WHERE "id" IN (${Prisma.join([...new Set(ids)])})`;
  return new Set(rows.map((row) => row.id));
}
