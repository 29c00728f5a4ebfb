// Claiming due webhooks: the first half of the dispatcher's hot path, in plain SQL on the driver
// (docs/adr/0022-hot-paths-on-the-driver.md; why raw SQL at all: ADR 7). A claim runs the same
// statements whether it takes one webhook or a hundred.
import "server-only";
import type { Channel } from "../../db/client";
import {
  fromSqlBool,
  fromSqlTime,
  type SqlConnection,
  SqlParams,
  type SqlSession,
} from "../../db/sql";
import type { ManualRedeliveryFrom } from "./attempt-record";

export interface ClaimedRow {
  id: string;
  channelId: string;
  events: string;
  attemptCount: number;
  /** An operator's "Redeliver now": the status to return to if it fails (Webhook model). */
  manualRedeliveryFrom: ManualRedeliveryFrom | null;
}

/** What sending needs of a channel, as read when its webhooks were claimed. */
export type DispatchChannel = Pick<
  Channel,
  | "id"
  | "kind"
  | "botUserId"
  | "channelSecret"
  | "nextChannelSecret"
  | "nextChannelSecretAt"
  | "webhookUrl"
  | "useWebhook"
  | "webhookRedelivery"
  | "errorStatisticsAggregation"
>;

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
  /**
   * Also take webhooks whose lease ran out (their worker died). Finding them walks every row
   * being sent, so a store asks for it about once a second rather than in every claim.
   */
  expired: boolean;
}

export interface Claim {
  rows: ClaimedRow[];
  /** The claimed rows' channels, read in the claim (their secrets still sealed). */
  channels: DispatchChannel[];
}

const CHANNEL_COLUMNS = `"id", "kind", "botUserId", "channelSecret", "nextChannelSecret",
  "nextChannelSecretAt", "webhookUrl", "useWebhook", "webhookRedelivery",
  "errorStatisticsAggregation"`;

/**
 * Claims due webhooks for `workerId`, oldest first, under a lease; any number of workers may
 * claim at once (ADR 15). A row is claimed only if it is still claimable when written, so two
 * workers never both hold one. A channel is served by one worker at a time: its rows are not
 * claimed while another worker holds some under a live lease, so the claiming worker's own
 * per-channel limit is the channel's limit across all workers.
 *
 * SQLite, which serves one dispatcher and one writer at a time, needs no transaction: three
 * statements (candidates, the conditional UPDATE that claims, the channels). PostgreSQL claims in
 * one transaction of four: candidates locked with SKIP LOCKED (a row another worker is claiming
 * is passed over, not waited for), their channels locked likewise (FOR NO KEY UPDATE, which
 * inserting events does not wait for) and read in the same statement, a check for claims other
 * workers committed meanwhile, and the UPDATE.
 */
export async function claimDue(db: SqlConnection, request: ClaimRequest): Promise<Claim> {
  if (db.dialect === "postgres") return db.transaction((tx) => claimWith(tx, request));
  return claimWith(db, request);
}

async function claimWith(tx: SqlSession, request: ClaimRequest): Promise<Claim> {
  const { workerId, now, leaseMs, limit, roomFor } = request;
  const postgres = tx.dialect === "postgres";
  const candidates = await selectCandidates(tx, request);
  if (candidates.length === 0) return { rows: [], channels: [] };
  let channelIds = [...new Set(candidates.map((row) => row.channelId))];
  let channels: DispatchChannel[] | undefined;
  const taken = new Set<string>();
  if (postgres) {
    const p = new SqlParams(tx.dialect);
    channels = await tx.query<DispatchChannel>(
      `SELECT ${CHANNEL_COLUMNS} FROM "Channel" WHERE "id" ${p.oneOf(channelIds)}
       ORDER BY "id" FOR NO KEY UPDATE SKIP LOCKED`,
      p.list,
    );
    channelIds = channels.map((channel) => channel.id);
    if (channelIds.length === 0) return { rows: [], channels: [] };
    // Checked again now the channels are locked, in a statement that sees what other workers
    // committed since the candidates were read.
    const q = new SqlParams(tx.dialect);
    const others = await tx.query<{ channelId: string }>(
      `SELECT DISTINCT "channelId" FROM "Webhook"
       WHERE "channelId" ${q.oneOf(channelIds)} AND "status" = 'sending'
         AND "leaseUntil" >= ${q.time(now)} AND "claimToken" <> ${q.value(workerId)}`,
      q.list,
    );
    for (const { channelId } of others) taken.add(channelId);
  }
  const room = new Map(
    channelIds.filter((id) => !taken.has(id)).map((id) => [id, roomFor(id)] as const),
  );
  const picked: string[] = [];
  for (const { id, channelId } of candidates) {
    if (picked.length >= limit) break;
    const left = room.get(channelId) ?? 0;
    if (left <= 0) continue;
    room.set(channelId, left - 1);
    picked.push(id);
  }
  if (picked.length === 0) return { rows: [], channels: [] };
  const p = new SqlParams(tx.dialect);
  const rows = await tx.query<ClaimedRow>(
    `UPDATE "Webhook" SET "status" = 'sending', "claimToken" = ${p.value(workerId)},
      "leaseUntil" = ${p.time(new Date(now.getTime() + leaseMs))}, "updatedAt" = ${p.time(now)}
    WHERE "id" ${p.oneOf(picked)} AND ${stillClaimable(p, now)}
    RETURNING "id", "channelId", "events", "attemptCount", "manualRedeliveryFrom"`,
    p.list,
  );
  if (!channels) {
    const q = new SqlParams(tx.dialect);
    const claimedChannels = [...new Set(rows.map((row) => row.channelId))];
    channels = await tx.query<DispatchChannel>(
      `SELECT ${CHANNEL_COLUMNS} FROM "Channel" WHERE "id" ${q.oneOf(claimedChannels)}`,
      q.list,
    );
  }
  return {
    rows: rows.map((row) => ({ ...row, attemptCount: Number(row.attemptCount) })),
    // SQLite answers booleans as 0 and 1, and times as text.
    channels: channels.map((channel) => ({
      ...channel,
      nextChannelSecretAt:
        channel.nextChannelSecretAt == null ? null : fromSqlTime(channel.nextChannelSecretAt),
      useWebhook: fromSqlBool(channel.useWebhook),
      webhookRedelivery: fromSqlBool(channel.webhookRedelivery),
      errorStatisticsAggregation: fromSqlBool(channel.errorStatisticsAggregation),
    })),
  };
}

/**
 * Due rows, oldest first: webhooks whose lease ran out (their worker died; they were due before
 * any pending one) when asked for, then pending ones. Limited scans in one statement, each
 * walking the `(status, nextAttemptAt)` index in order and stopping at its LIMIT, where an OR of
 * the two kinds had the database sort every due row. Not channels another worker serves ("busy",
 * read once per statement). This worker's own rows whose lease ran out are taken too: one it no
 * longer holds (it gave it back) is sent again, and one it still holds (its renewals failed) the
 * dispatcher recognises and does not send twice.
 */
function selectCandidates(
  tx: SqlSession,
  { workerId, now, limit, skipChannels, expired }: ClaimRequest,
): Promise<{ id: string; channelId: string }[]> {
  const postgres = tx.dialect === "postgres";
  const p = new SqlParams(tx.dialect);
  const wanted = limit * 2;
  // Parameters are numbered (PostgreSQL) or positional (SQLite) in the order they are made, so
  // the text is written in order, each part after the one before it.
  // Paused channels: their webhooks are kept as "paused", out of this scan; one that became
  // pending as the channel paused (an event stored, an attempt recorded in that instant) waits
  // here for the resume, which schedules it with the rest (lib/channels/resume-sending.ts).
  let text = `WITH "busy" AS MATERIALIZED (
      SELECT "channelId" FROM "Webhook"
      WHERE "status" = 'sending' AND "leaseUntil" >= ${p.time(now)}
        AND "claimToken" <> ${p.value(workerId)}
      UNION ALL SELECT "id" FROM "Channel" WHERE "pausedAt" IS NOT NULL)`;
  const eligible = () => `
      AND NOT ("channelId" ${p.oneOf(skipChannels)})
      AND "channelId" NOT IN (SELECT "channelId" FROM "busy")`;
  const lock = postgres ? "FOR UPDATE SKIP LOCKED" : "";
  const pending = () => `
      SELECT "id", "channelId", "nextAttemptAt" FROM "Webhook"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${p.time(now)} ${eligible()}
      ORDER BY "nextAttemptAt" LIMIT ${p.value(wanted)} ${lock}`;
  if (!expired) {
    text += `, "due" AS (${pending()}) SELECT "id", "channelId" FROM "due"`;
    return tx.query(text, p.list);
  }
  text += `, "expired" AS (
      SELECT "id", "channelId", "nextAttemptAt" FROM "Webhook"
      WHERE "status" = 'sending' AND ("leaseUntil" IS NULL OR "leaseUntil" < ${p.time(now)})
        ${eligible()}
      ORDER BY "nextAttemptAt" LIMIT ${p.value(wanted)} ${lock})`;
  text += `, "due" AS (${pending()})
    SELECT "id", "channelId" FROM (
      SELECT 0 AS "kind", * FROM "expired" UNION ALL SELECT 1 AS "kind", * FROM "due"
    ) AS c ORDER BY "kind", "nextAttemptAt" LIMIT ${p.value(wanted)}`;
  return tx.query(text, p.list);
}

/**
 * Whether a row picked by id is still claimable: pending and due, or "sending" under a lease that
 * ran out (its worker died). A CASE rather than an OR of the two: given an OR of conditions on the
 * indexed status, SQLite reads every row of both statuses through that index instead of the few
 * ids asked for (12 ms a claim with 20,000 pending, the dispatcher's bottleneck).
 */
function stillClaimable(p: SqlParams, now: Date): string {
  return `CASE "status"
    WHEN 'pending' THEN "nextAttemptAt" <= ${p.time(now)}
    WHEN 'sending' THEN ("leaseUntil" IS NULL OR "leaseUntil" < ${p.time(now)})
    ELSE false END`;
}
