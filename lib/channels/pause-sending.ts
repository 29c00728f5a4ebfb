// The pause rule at work (issue 26): a channel whose bot has failed every attempt for the rule's
// minutes pauses. Its webhooks are kept as "paused" (out of the claim's index range, so a large
// backlog costs the claim nothing) and new events are stored the same way (ingest-events.ts),
// until an operator resumes it (resume-sending.ts). Run by every dispatcher process beside the
// notifier; a pause is one conditional UPDATE, so of several workers exactly one makes it.
import "server-only";
import { channelPaused } from "../alerts/alert-payloads";
import { PAUSE_RULE_ACTOR } from "../audit/audit-actions";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTransaction } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import { fromSqlTime, SqlParams, type SqlSession, sqlMinutesAfter } from "../db/sql";
import { ConflictError } from "../errors";
import { notify } from "../notifications/compose-notification";
import { pausedEmail } from "../notifications/notification-email";
import { toChannelView } from "./channel-view";
import { findChannelOrThrow } from "./find-channel";
import type { PauseReason } from "./pause-limits";

export { PAUSE_RULE_ACTOR };

/** How many of the last failures the paused email and the Messaging API tab show. */
export const LAST_ERRORS_SHOWN = 5;

export interface PauseSettings {
  /** With a mail server the email is queued to be sent; without, it stays in the outbox. */
  smtpConfigured: boolean;
  /** Where the email's links point. */
  consoleOrigin: string;
}

interface DueRow {
  id: string;
  minutes: number | string;
  attempts: number | string;
  failures: number | string;
  failingSince: unknown;
}

/**
 * The channels whose rule holds at `now`: among their per-minute delivery counts (bucket -1:
 * failures, others: successes) of the rule's last minutes and one more, since their last resume,
 * no success, at least `attempts` failures, and a failure in a minute that began `minutes` ago or
 * earlier (failing for the whole window, not only lately). One statement over the channels that
 * have a rule, by the rollups' primary key.
 */
export async function channelsDueToPause(sql: SqlSession, now: Date): Promise<PauseCandidate[]> {
  const p = new SqlParams(sql.dialect);
  // A new parameter at each use: SQLite's are positional, in the text's order.
  const nowSql = () => (sql.dialect === "postgres" ? `${p.time(now)}::timestamp(3)` : p.time(now));
  const minutes = `c."pauseAfterFailingMinutes"`;
  const rows = await sql.query<DueRow>(
    `SELECT c."id", ${minutes} AS "minutes", c."pauseAfterFailedAttempts" AS "attempts",
      SUM(CASE WHEN d."bucket" < 0 THEN d."count" ELSE 0 END) AS "failures",
      MIN(CASE WHEN d."bucket" < 0 THEN d."windowStart" END) AS "failingSince"
    FROM "Channel" c JOIN "DeliveryRollup" d ON d."channelId" = c."id"
    WHERE ${minutes} IS NOT NULL AND c."pausedAt" IS NULL
      AND c."useWebhook" = ${p.bool(true)}
      AND d."windowStart" >= ${sqlMinutesAfter(sql.dialect, nowSql(), `-(${minutes} + 1)`)}
      AND (c."resumedAt" IS NULL
        OR d."windowStart" >= ${sqlMinutesAfter(sql.dialect, `c."resumedAt"`, "-1")})
    GROUP BY c."id", ${minutes}, c."pauseAfterFailedAttempts"
    HAVING SUM(CASE WHEN d."bucket" >= 0 THEN d."count" ELSE 0 END) = 0
      AND SUM(CASE WHEN d."bucket" < 0 THEN d."count" ELSE 0 END) >= c."pauseAfterFailedAttempts"
      AND MIN(CASE WHEN d."bucket" < 0 THEN d."windowStart" END)
        <= ${sqlMinutesAfter(sql.dialect, nowSql(), `-${minutes}`)}`,
    p.list,
  );
  return rows.map((row) => ({
    channelId: row.id,
    reason: {
      failingSince: fromSqlTime(row.failingSince).toISOString(),
      failedAttempts: Number(row.failures),
      rule: { minutes: Number(row.minutes), attempts: Number(row.attempts) },
    },
  }));
}

export interface PauseCandidate {
  channelId: string;
  reason: PauseReason;
}

/** Pauses every channel whose rule holds; returns the ids of those this call paused. */
export async function pauseFailingChannels(
  db: Db,
  settings: PauseSettings,
  now: Date = new Date(),
): Promise<string[]> {
  const due = await channelsDueToPause(prismaSql(db), now);
  const paused: string[] = [];
  for (const candidate of due) {
    if (await pauseChannel(db, candidate, settings, now)) paused.push(candidate.channelId);
  }
  return paused;
}

/**
 * Pauses sending by an operator's hand (maintenance of the bot server, a bot sending garbage):
 * as the rule pauses it, without a reason or an email. ConflictError when it is paused already.
 */
export async function pauseSending(db: Db, channelId: string, actor: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const channel = await findChannelOrThrow(tx, channelId);
    if (!(await markPaused(tx, channelId, null, now))) {
      throw new ConflictError("paused", ALREADY_PAUSED_MESSAGE);
    }
    await recordAudit(tx, {
      providerId: channel.providerId,
      channelId,
      actor,
      action: "channel.paused",
    });
    return toChannelView(await findChannelOrThrow(tx, channelId));
  });
}

export const ALREADY_PAUSED_MESSAGE = "Sending is already paused for this channel";

/** The channel paused (unless it is already) and its pending webhooks kept; false if it was. */
async function markPaused(
  tx: DbTransaction,
  channelId: string,
  reason: PauseReason | null,
  now: Date,
): Promise<boolean> {
  const { count } = await tx.channel.updateMany({
    where: { id: channelId, pausedAt: null },
    data: { pausedAt: now, pausedBecause: reason === null ? null : JSON.stringify(reason) },
  });
  if (count === 0) return false;
  await tx.webhook.updateMany({
    where: { channelId, status: "pending" },
    data: { status: "paused" },
  });
  return true;
}

/**
 * Pauses one channel, in one transaction: the channel (only if not paused meanwhile), its
 * pending webhooks (kept as "paused"), the audit entry and, with Error notification on, the email.
 */
async function pauseChannel(
  db: Db,
  { channelId, reason }: PauseCandidate,
  settings: PauseSettings,
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await markPaused(tx, channelId, reason, now))) return false;
    const channel = await tx.channel.findUniqueOrThrow({ where: { id: channelId } });
    await recordAudit(tx, {
      providerId: channel.providerId,
      channelId,
      actor: PAUSE_RULE_ACTOR,
      action: "channel.paused",
      detail: {
        minutes: reason.rule.minutes,
        attempts: reason.rule.attempts,
        failedAttempts: reason.failedAttempts,
        failingSince: reason.failingSince,
      },
    });
    if (channel.errorNotification) {
      const pause = {
        since: now,
        failingSince: new Date(reason.failingSince),
        failedAttempts: reason.failedAttempts,
        minutes: reason.rule.minutes,
      };
      const errors = await lastErrors(tx, channelId);
      const origin = settings.consoleOrigin;
      const notice = {
        kind: "paused",
        email: pausedEmail(channel, pause, errors, origin),
        alert: channelPaused(channel, pause, errors, origin),
      } as const;
      await notify(tx, channel, notice, now, settings);
    }
    return true;
  });
}

/** The channel's last failed attempts, newest first. */
export async function lastErrors(db: Db | DbTransaction, channelId: string) {
  const attempts = await db.deliveryAttempt.findMany({
    where: { channelId, success: false },
    // Ids are ULIDs of the attempt's time: newest first by the (channelId, id) index.
    orderBy: { id: "desc" },
    take: LAST_ERRORS_SHOWN,
    select: { reason: true, detail: true, attemptedAt: true },
  });
  return attempts.map((a) => ({
    reason: a.reason ?? "unclassified",
    detail: a.detail ?? "",
    at: a.attemptedAt,
  }));
}
