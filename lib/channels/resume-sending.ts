// Resuming a paused channel (issue 26): its kept webhooks are sent again, oldest first, at a
// bounded rate, with live events in between. Nothing is sent in a burst: each kept webhook is
// given its own due time, 1/rate apart from now on, in one statement; a live event is due the
// moment it arrives, so the claim (oldest due first) takes it between them.
import "server-only";
import { channelResumed } from "../alerts/alert-payloads";
import { recordAudit } from "../audit/record-audit";
import { type Db, type DbTransaction, dialectOf } from "../db/client";
import { type Dialect, SqlParams, sqlMillisecondsAfter } from "../db/sql";
import { ConflictError } from "../errors";
import { notify } from "../notifications/compose-notification";
import { resumedEmail } from "../notifications/notification-email";
import { toChannelView } from "./channel-view";
import { findChannelOrThrow } from "./find-channel";
import { DEFAULT_DRAIN_PER_SECOND } from "./pause-limits";
import type { ResumeInput } from "./pause-rule";
import type { PauseSettings } from "./pause-sending";

export const NOT_PAUSED_MESSAGE = "Sending is not paused for this channel";

/**
 * Resumes sending: the channel, its kept webhooks' due times, the audit entry and, with Error
 * notification on, the email, in one transaction. ConflictError when it is not paused.
 */
export async function resumeSending(
  db: Db,
  channelId: string,
  input: ResumeInput,
  actor: string,
  settings: PauseSettings,
  now: Date = new Date(),
) {
  const drainPerSecond = input.drainPerSecond ?? DEFAULT_DRAIN_PER_SECOND;
  const dialect = dialectOf(db);
  return db.$transaction(async (tx) => {
    const { count } = await tx.channel.updateMany({
      where: { id: channelId, pausedAt: { not: null } },
      data: { pausedAt: null, pausedBecause: null, resumedAt: now },
    });
    const channel = await findChannelOrThrow(tx, channelId);
    if (count === 0) throw new ConflictError("paused", NOT_PAUSED_MESSAGE);
    const backlog = await scheduleBacklog(tx, dialect, channelId, drainPerSecond, now);
    await recordAudit(tx, {
      providerId: channel.providerId,
      channelId,
      actor,
      action: "channel.resumed",
      detail: { backlog, drainPerSecond },
    });
    if (channel.errorNotification) {
      const resume = { at: now, by: actor, backlog, drainPerSecond };
      const notice = {
        kind: "resumed",
        email: resumedEmail(channel, resume, settings.consoleOrigin),
        alert: channelResumed(channel, resume, settings.consoleOrigin),
      } as const;
      await notify(tx, channel, notice, now, settings);
    }
    return { channel: toChannelView(channel), backlog, drainPerSecond };
  });
}

/**
 * Makes the channel's kept webhooks pending again, the n-th oldest due (n - 1) / rate seconds
 * from now; those still pending (stored in the instant of the pause, or a redelivery scheduled by
 * an attempt that was in flight then) take their place in the same order. Returns how many.
 */
async function scheduleBacklog(
  tx: DbTransaction,
  dialect: Dialect,
  channelId: string,
  drainPerSecond: number,
  now: Date,
): Promise<number> {
  const p = new SqlParams(dialect);
  const postgres = dialect === "postgres";
  const nowSql = postgres ? `${p.time(now)}::timestamp(3)` : p.time(now);
  const gap = p.value(1000 / drainPerSecond);
  const gapMs = postgres ? `${gap}::double precision` : gap;
  const dueAt = sqlMillisecondsAfter(dialect, nowSql, `(r."n" - 1) * ${gapMs}`);
  return tx.$executeRawUnsafe(
    `UPDATE "Webhook" SET "status" = 'pending', "nextAttemptAt" = ${dueAt}
    FROM (
      SELECT "id", ROW_NUMBER() OVER (ORDER BY "createdAt", "id") AS "n" FROM "Webhook"
      WHERE "channelId" = ${p.value(channelId)} AND "status" IN ('paused', 'pending')
    ) AS r
    WHERE "Webhook"."id" = r."id"`,
    ...p.list,
  );
}
