// The statements that record a batch of outcomes: the second half of the dispatcher's hot path
// (docs/adr/0022-hot-paths-on-the-driver.md). Each table gets one statement per batch, so a batch
// of 200 outcomes costs the statements of a batch of one; work added per attempt belongs inside
// these statements, not beside them (hot-path-statements.int.test.ts counts them).
import "server-only";
import { SqlParams, type SqlSession, sqlBool, sqlColumns, sqlTime } from "../../db/sql";
import { dueDeltas, recordNotificationsDue } from "../../notifications/notifications-due";
import { upsertDeliveryRollups } from "../../statistics/delivery-rollups";
import { rollupDeltas, upsertRollups } from "../../statistics/error-rollups";
import type { AttemptRecord, WebhookOutcome } from "./attempt-record";

/** What the recorder decides per channel, for a channel that has Use webhook on. */
export interface WebhookChannelFlags {
  /** Error statistics aggregation: its failures count in the error statistics. */
  aggregating: boolean;
  /** Error notification: its failures and stopped redeliveries are emailed (ADR 20). */
  notifying: boolean;
}

/**
 * Writes one batch of outcomes in the caller's transaction: the attempts, the webhooks' new
 * states, the error rollups, the latency histograms and the notification dues, each in one
 * statement (two for the error rollups: minutes, then hours), after one read of the channels'
 * settings.
 */
export async function writeOutcomes(
  tx: SqlSession,
  workerId: string,
  outcomes: readonly WebhookOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  const attempts = outcomes.flatMap((outcome) => (outcome.attempt ? [outcome.attempt] : []));
  // Every decision below depends on Use webhook being on now, in this transaction.
  const using = await channelsUsingWebhook(tx, [...new Set(attempts.map((a) => a.channelId))]);
  decideCounting(outcomes, using);
  await setStatuses(tx, workerId, outcomes, new Date());
  // A channel deleted while its webhooks were being sent took them with it: their attempts have
  // nothing left to belong to and are not inserted, nor counted below.
  const inserted = await insertAttempts(tx, attempts);
  const kept = attempts.filter((attempt) => inserted.has(attempt.id));
  const counted = kept.filter((attempt) => attempt.counted);
  await upsertRollups(
    tx,
    rollupDeltas(
      counted.map((a) => ({
        channelId: a.channelId,
        attemptedAt: a.attemptedAt,
        reason: a.reason ?? "unclassified",
        detail: a.detail ?? "Unclassified webhook dispatch error",
      })),
    ),
  );
  // Success rate and latency: every attempt of a channel with Use webhook on (ADR 19).
  await upsertDeliveryRollups(
    tx,
    kept.filter((attempt) => using.has(attempt.channelId)),
  );
  // Error notification: what the next emails will report, stored with what it reports (ADR 20).
  await recordNotificationsDue(
    tx,
    dueDeltas(
      outcomes.filter(
        (o) => o.attempt && inserted.has(o.attempt.id) && using.get(o.attempt.channelId)?.notifying,
      ),
    ),
  );
}

/**
 * Of these channels, those that have Use webhook on now, in the caller's transaction, with the
 * settings that apply only then: one query serves every decision per batch. On PostgreSQL the
 * rows are locked FOR KEY SHARE, so a channel cannot be deleted before the rollups written for it
 * commit (editing its settings does not wait).
 */
export async function channelsUsingWebhook(
  db: SqlSession,
  channelIds: readonly string[],
): Promise<Map<string, WebhookChannelFlags>> {
  if (channelIds.length === 0) return new Map();
  const p = new SqlParams(db.dialect);
  const rows = await db.query<{
    id: string;
    errorStatisticsAggregation: boolean | number;
    errorNotification: boolean | number;
  }>(
    `SELECT "id", "errorStatisticsAggregation", "errorNotification" FROM "Channel"
    WHERE "id" ${p.oneOf(channelIds)} AND "useWebhook" = ${p.bool(true)}
    ${db.dialect === "postgres" ? `ORDER BY "id" FOR KEY SHARE` : ""}`,
    p.list,
  );
  // SQLite answers booleans as 0 and 1.
  return new Map(
    rows.map((row) => [
      row.id,
      {
        aggregating: Boolean(row.errorStatisticsAggregation),
        notifying: Boolean(row.errorNotification),
      },
    ]),
  );
}

/**
 * Error statistics count an attempt only if, when it was made, the channel had Use webhook and
 * Error statistics aggregation on: on at claim time (`countable`) and still on now, inside the
 * transaction that writes it. Turning aggregation on therefore never counts attempts already
 * under way, and turning it off stops counting at once.
 */
function decideCounting(
  outcomes: readonly WebhookOutcome[],
  using: ReadonlyMap<string, WebhookChannelFlags>,
): void {
  for (const { attempt, countable } of outcomes) {
    if (attempt && !attempt.success && countable) {
      attempt.counted = using.get(attempt.channelId)?.aggregating ?? false;
    }
  }
}

const STATUS_COLUMNS = sqlColumns({
  id: "text",
  status: "text",
  attempted: "int",
  nextAttemptAt: "timestamp(3)",
});

/**
 * Sets each webhook's new status, counting an attempt for those attempted, and ends their claims
 * (and any "Redeliver now" they were sent for); a redelivery also gets when it is due again. Only
 * webhooks `workerId` still holds change: one whose lease ran out and another worker took is
 * that worker's to record.
 */
export async function setStatuses(
  tx: SqlSession,
  workerId: string,
  outcomes: readonly WebhookOutcome[],
  now: Date,
): Promise<void> {
  const { dialect } = tx;
  const p = new SqlParams(dialect);
  await tx.query(
    `UPDATE "Webhook" SET "status" = v."status", "claimToken" = NULL, "leaseUntil" = NULL,
      "manualRedeliveryFrom" = NULL, "updatedAt" = ${p.time(now)},
      "attemptCount" = "Webhook"."attemptCount" + v."attempted",
      "nextAttemptAt" = COALESCE(v."nextAttemptAt", "Webhook"."nextAttemptAt")
    FROM ${p.rows(
      STATUS_COLUMNS,
      outcomes.map((o) => [
        o.webhookId,
        o.status,
        o.attempt ? 1 : 0,
        o.nextAttemptAt ? sqlTime(dialect, o.nextAttemptAt) : null,
      ]),
    )}
    WHERE "Webhook"."id" = v."id" AND "Webhook"."claimToken" = ${p.value(workerId)}`,
    p.list,
  );
}

const ATTEMPT_COLUMNS = sqlColumns({
  id: "text",
  webhookId: "text",
  channelId: "text",
  attemptedAt: "timestamp(3)",
  url: "text",
  eventIds: "text",
  attemptNumber: "int",
  isRedelivery: "bool",
  success: "bool",
  reason: "text",
  detail: "text",
  statusCode: "int",
  latencyMs: "int",
  protocol: "text",
  error: "text",
  counted: "bool",
  requestHeaders: "text",
  responseHeaders: "text",
  responseExcerpt: "text",
  responseTruncated: "bool",
  dnsMs: "int",
  connectMs: "int",
  tlsMs: "int",
  responseMs: "int",
});

/**
 * Inserts attempts whose webhook still exists, in one statement; returns the ids inserted. An
 * attempt already stored (a batch written again after its commit's answer was lost) is not
 * inserted again nor returned, so nothing below counts it twice. Tests and seed scripts write
 * attempts with it too.
 */
export async function insertAttempts(
  tx: SqlSession,
  attempts: readonly AttemptRecord[],
): Promise<Set<string>> {
  if (attempts.length === 0) return new Set();
  const { dialect } = tx;
  const p = new SqlParams(dialect);
  const names = ATTEMPT_COLUMNS.map((column) => `"${column.name}"`).join(", ");
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO "DeliveryAttempt" (${names})
    SELECT * FROM ${p.rows(
      ATTEMPT_COLUMNS,
      attempts.map((a) => [
        a.id,
        a.webhookId,
        a.channelId,
        sqlTime(dialect, a.attemptedAt),
        a.url,
        a.eventIds,
        a.attemptNumber,
        sqlBool(dialect, a.isRedelivery),
        sqlBool(dialect, a.success),
        a.reason,
        a.detail,
        a.statusCode,
        a.latencyMs,
        a.protocol,
        a.error,
        sqlBool(dialect, a.counted),
        a.requestHeaders,
        a.responseHeaders,
        a.responseExcerpt,
        sqlBool(dialect, a.responseTruncated),
        a.dnsMs,
        a.connectMs,
        a.tlsMs,
        a.responseMs,
      ]),
    )}
    WHERE EXISTS (SELECT 1 FROM "Webhook" WHERE "Webhook"."id" = v."webhookId")
    ON CONFLICT ("id") DO NOTHING
    RETURNING "id"`,
    p.list,
  );
  return new Set(rows.map((row) => row.id));
}
