// The leases behind claims (ADR 15): a worker renews those of the webhooks it still holds and
// hands back the ones it will not send. One statement each, whatever the number of webhooks.
import "server-only";
import { SqlParams, type SqlSession } from "../../db/sql";

/**
 * Extends the leases of these webhooks, if `workerId` still holds them: the ones it is sending,
 * has queued, or whose outcome it has yet to record; answers the ids extended. A webhook it no
 * longer tracks is left to run out, so that another worker takes it. A lease that has run out
 * already is not revived, even if no other worker has taken its webhook yet: from then on any
 * worker may, and two would serve its channel at once (a worker frozen past its leases, then
 * resumed). On PostgreSQL rows being
 * recorded right now are skipped, not waited for: their claim is ending, and waiting on the
 * recorder's locks in another order could deadlock with it.
 */
export async function renewLeases(
  db: SqlSession,
  workerId: string,
  ids: readonly string[],
  leaseUntil: Date,
  now: Date,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const p = new SqlParams(db.dialect);
  const until = p.time(leaseUntil);
  const held = `"claimToken" = ${p.value(workerId)} AND "status" = 'sending'
    AND "leaseUntil" >= ${p.time(now)} AND "id" ${p.oneOf(ids)}`;
  const renewed = await db.query<{ id: string }>(
    db.dialect === "postgres"
      ? `UPDATE "Webhook" SET "leaseUntil" = ${until}
         WHERE "id" IN (SELECT "id" FROM "Webhook" WHERE ${held} FOR UPDATE SKIP LOCKED)
         RETURNING "id"`
      : `UPDATE "Webhook" SET "leaseUntil" = ${until} WHERE ${held} RETURNING "id"`,
    p.list,
  );
  return renewed.map((row) => row.id);
}

/** Gives back webhooks `workerId` claimed but did not send (it is stopping): pending again. */
export async function releaseClaims(
  db: SqlSession,
  workerId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const p = new SqlParams(db.dialect);
  await db.query(
    `UPDATE "Webhook" SET "status" = 'pending', "claimToken" = NULL, "leaseUntil" = NULL
    WHERE "id" ${p.oneOf(ids)} AND "claimToken" = ${p.value(workerId)} AND "status" = 'sending'`,
    p.list,
  );
}

/** Webhooks due now or being sent, by any worker. */
export async function countDue(db: SqlSession, now: Date): Promise<number> {
  const p = new SqlParams(db.dialect);
  const [row] = await db.query<{ due: number | bigint | string }>(
    `SELECT COUNT(*) AS "due" FROM "Webhook"
    WHERE "status" IN ('pending', 'sending') AND "nextAttemptAt" <= ${p.time(now)}`,
    p.list,
  );
  return Number(row?.due ?? 0);
}
