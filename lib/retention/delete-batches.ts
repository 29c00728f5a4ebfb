// One batch of each kind of deletion: a single DELETE of at most `limit` rows, the oldest first,
// found through an index (no statement here scans a table; retention.int.test.ts checks the
// plans), committed on its own. Parameterised SQL; the two databases differ only in how a
// selected row is addressed.
import "server-only";
import { Prisma } from "../db/client";
import type { WebhookStatus } from "../dispatch/queue/attempt-record";
import { smallestUlidAt } from "../ids/new-ulid";
import type { RetentionCutoffs } from "../shared/retention-windows";

/** States a webhook never leaves: nothing will send it or record an attempt for it again. */
export const FINISHED_STATUSES = [
  "delivered",
  "failed",
  "given_up",
  "cancelled",
] as const satisfies readonly WebhookStatus[];

type Dialect = "sqlite" | "postgres";

/**
 * Deletes the rows `rows` selects (FROM, WHERE, ORDER BY, LIMIT) by their physical row handle,
 * the fastest way either database finds a row: PostgreSQL's ctid (a TID scan; with a list of
 * keys instead, its planner may hash-join the whole table), SQLite's rowid (the table's own
 * B-tree).
 */
function deleteSelected(dialect: Dialect, table: string, rows: Prisma.Sql) {
  const name = Prisma.raw(`"${table}"`);
  return dialect === "postgres"
    ? Prisma.sql`DELETE FROM ${name} WHERE "ctid" = ANY(ARRAY(SELECT "ctid" ${rows}))`
    : Prisma.sql`DELETE FROM ${name} WHERE "rowid" IN (SELECT "rowid" ${rows})`;
}

/**
 * Rows made before `cutoff` whose primary key is a ULID made from the time they were made, so
 * the primary key's index finds them by age: no index on the time column has to be kept up (the
 * attempts are the dispatcher's busiest table). The time column is checked too, so a row whose
 * id says otherwise is kept rather than deleted early. `only` narrows the rows further.
 */
const madeBefore =
  (table: string, madeAt: string, only: Prisma.Sql = Prisma.empty) =>
  (dialect: Dialect, cutoff: Date, limit: number) =>
    deleteSelected(
      dialect,
      table,
      Prisma.sql`FROM ${Prisma.raw(`"${table}"`)}
        WHERE "id" < ${smallestUlidAt(cutoff.getTime())} AND ${Prisma.raw(`"${madeAt}"`)} < ${cutoff}
          ${only}
        ORDER BY "id" LIMIT ${limit}`,
    );

/** Delivery attempts (their ULID is made from `attemptedAt`, lib/dispatch/dispatcher.ts). */
const attempts = madeBefore("DeliveryAttempt", "attemptedAt");

/**
 * Finished webhooks last changed before `cutoff` that have no attempt left (their attempts go
 * first). Found through the (status, nextAttemptAt) index: a finished webhook's next attempt
 * time is not after its last change (its last attempt was due then), except a redelivery
 * cancelled while it waited, which goes once that time is past the cutoff too.
 */
const webhooks = (dialect: Dialect, cutoff: Date, limit: number) =>
  deleteSelected(
    dialect,
    "Webhook",
    Prisma.sql`FROM "Webhook"
      WHERE "status" IN (${Prisma.join(FINISHED_STATUSES)})
        AND "nextAttemptAt" < ${cutoff} AND "updatedAt" < ${cutoff}
        AND NOT EXISTS (
          SELECT 1 FROM "DeliveryAttempt" WHERE "DeliveryAttempt"."webhookId" = "Webhook"."id")
      LIMIT ${limit}`,
  );

/**
 * Statistics rows of a time slot (a minute, hour or day) that started before `cutoff`, oldest
 * first, through the table's index on that column. Every rollup tier is deleted this way:
 * - ErrorRollup / DeliveryRollup by `windowStart`, with the per-minute cutoff;
 * - ErrorRollupHour / DeliveryRollupHour by `hourStart`, with the hourly one;
 * - DeliveryRollupDay by `dayStart`, with the hourly one too: the statistics read a UTC+9 day
 *   that straddles that cutoff from its hours, never from its day row.
 */
const startedBefore =
  (table: string, column: string) => (dialect: Dialect, cutoff: Date, limit: number) => {
    const start = Prisma.raw(`"${column}"`);
    return deleteSelected(
      dialect,
      table,
      Prisma.sql`FROM ${Prisma.raw(`"${table}"`)} WHERE ${start} < ${cutoff}
        ORDER BY ${start} LIMIT ${limit}`,
    );
  };

/** Error notification emails done with: sent, failed or kept in the outbox (not those to send). */
const notifications = madeBefore(
  "Notification",
  "createdAt",
  Prisma.sql`AND "status" IN ('sent', 'failed', 'outbox')`,
);

export type RetentionKind =
  | "attempts"
  | "notifications"
  | "webhooks"
  | "minuteRollups"
  | "hourRollups"
  | "deliveryMinuteRollups"
  | "deliveryHourRollups"
  | "deliveryDayRollups";

/**
 * What a pass deletes, in this order: attempts before the webhooks they belong to (a webhook
 * goes only once it has none left), then each statistics tier by its own window. The success
 * rate and latency tiers share the error statistics' windows (per-minute, hourly), so both kinds
 * of statistics reach back equally far; their daily tier goes with the hourly one.
 */
export const DELETIONS: readonly {
  kind: RetentionKind;
  cutoff: (cutoffs: RetentionCutoffs) => Date;
  /** The DELETE of one batch: at most `limit` rows, the oldest first. */
  batch: (dialect: Dialect, cutoff: Date, limit: number) => Prisma.Sql;
}[] = [
  { kind: "attempts", cutoff: (c) => c.attempts, batch: attempts },
  { kind: "webhooks", cutoff: (c) => c.attempts, batch: webhooks },
  // The outbox reports the attempts: it is kept as long as they are.
  { kind: "notifications", cutoff: (c) => c.attempts, batch: notifications },
  {
    kind: "minuteRollups",
    cutoff: (c) => c.minuteRollups,
    batch: startedBefore("ErrorRollup", "windowStart"),
  },
  {
    kind: "hourRollups",
    cutoff: (c) => c.hourRollups,
    batch: startedBefore("ErrorRollupHour", "hourStart"),
  },
  {
    kind: "deliveryMinuteRollups",
    cutoff: (c) => c.minuteRollups,
    batch: startedBefore("DeliveryRollup", "windowStart"),
  },
  {
    kind: "deliveryHourRollups",
    cutoff: (c) => c.hourRollups,
    batch: startedBefore("DeliveryRollupHour", "hourStart"),
  },
  {
    kind: "deliveryDayRollups",
    cutoff: (c) => c.hourRollups,
    batch: startedBefore("DeliveryRollupDay", "dayStart"),
  },
];
