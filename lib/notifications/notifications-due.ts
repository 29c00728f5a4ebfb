// What error notification emails will report, written with the attempts they report (ADR 20):
// an email made later reads exactly what was recorded, whatever restarts in between.
import "server-only";
import { SqlParams, type SqlSession, sqlColumns, sqlTime } from "../db/sql";
import type { NotificationKind } from "./list-notifications";

/** One NotificationDue row's share of a batch of outcomes. */
export interface DueDelta {
  channelId: string;
  kind: NotificationKind;
  reason: string;
  detail: string;
  /** The webhook whose redelivery stopped; "" for errors (counted per reason and detail). */
  webhookId: string;
  count: number;
  firstAt: Date;
  lastAt: Date;
}

/**
 * What dueDeltas reads of one recorded outcome. The dispatcher's WebhookOutcome fits it; it is
 * spelled out here so that this folder does not import the dispatcher that calls it.
 */
export interface RecordedOutcome {
  attempt?: Pick<
    FailedAttempt,
    "channelId" | "webhookId" | "attemptedAt" | "success" | "reason" | "detail"
  >;
  /** Webhook redelivery used up its schedule on this attempt. */
  redeliveryStopped?: boolean;
}

interface FailedAttempt {
  channelId: string;
  webhookId: string;
  attemptedAt: Date;
  success: boolean;
  reason: string | null;
  detail: string | null;
}

const UNCLASSIFIED = { reason: "unclassified", detail: "Unclassified webhook dispatch error" };

/**
 * Folds the failed attempts into one delta per (channel, reason, detail), and each webhook whose
 * redelivery stopped into its own, sorted by key: every writer upserts in that order, so two
 * transactions adding to the same rows wait for each other instead of deadlocking on PostgreSQL.
 */
export function dueDeltas(outcomes: readonly RecordedOutcome[]): DueDelta[] {
  const deltas = new Map<string, DueDelta>();
  const add = (delta: DueDelta) => {
    const key = dueKey(delta);
    const known = deltas.get(key);
    if (!known) return void deltas.set(key, delta);
    known.count += delta.count;
    if (delta.firstAt < known.firstAt) known.firstAt = delta.firstAt;
    if (delta.lastAt > known.lastAt) known.lastAt = delta.lastAt;
  };
  for (const { attempt, redeliveryStopped } of outcomes) {
    if (!attempt || attempt.success) continue;
    const { reason, detail } =
      attempt.reason && attempt.detail
        ? { reason: attempt.reason, detail: attempt.detail }
        : UNCLASSIFIED;
    const at = attempt.attemptedAt;
    const base = {
      channelId: attempt.channelId,
      reason,
      detail,
      count: 1,
      firstAt: at,
      lastAt: at,
    };
    add({ ...base, kind: "error", webhookId: "" });
    if (redeliveryStopped) add({ ...base, kind: "given_up", webhookId: attempt.webhookId });
  }
  return [...deltas.values()].sort(byDueKey);
}

type DueKey = Pick<DueDelta, "channelId" | "kind" | "reason" | "detail" | "webhookId">;

function dueKey(d: DueKey): string {
  return JSON.stringify([d.channelId, d.kind, d.reason, d.detail, d.webhookId]);
}

/**
 * The one order in which rows are locked, by the recorder adding to them and by the notifier
 * taking them (compose-notification.ts): two transactions that lock the same rows in one order
 * wait for each other instead of deadlocking on PostgreSQL.
 */
export function byDueKey(a: DueKey, b: DueKey): number {
  const ka = dueKey(a);
  const kb = dueKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Adds the deltas to their rows, in one statement. Call it inside the transaction that writes the
 * attempts.
 */
export async function recordNotificationsDue(db: SqlSession, deltas: DueDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const { dialect } = db;
  const p = new SqlParams(dialect);
  const source = p.rows(
    sqlColumns({
      channelId: "text",
      kind: "text",
      reason: "text",
      detail: "text",
      webhookId: "text",
      count: "int",
      firstAt: "timestamp(3)",
      lastAt: "timestamp(3)",
    }),
    deltas.map((d) => [
      d.channelId,
      d.kind,
      d.reason,
      d.detail,
      d.webhookId,
      d.count,
      sqlTime(dialect, d.firstAt),
      sqlTime(dialect, d.lastAt),
    ]),
  );
  // CASE instead of LEAST/GREATEST: the one spelling SQLite and PostgreSQL share. WHERE true:
  // SQLite reads ON CONFLICT after a bare FROM as a join's ON.
  await db.query(
    `INSERT INTO "NotificationDue" ("channelId", "kind", "reason", "detail", "webhookId", "count",
      "firstAt", "lastAt")
    SELECT * FROM ${source} WHERE true
    ON CONFLICT ("channelId", "kind", "reason", "detail", "webhookId") DO UPDATE SET
      "count" = "NotificationDue"."count" + excluded."count",
      "firstAt" = CASE WHEN excluded."firstAt" < "NotificationDue"."firstAt"
        THEN excluded."firstAt" ELSE "NotificationDue"."firstAt" END,
      "lastAt" = CASE WHEN excluded."lastAt" > "NotificationDue"."lastAt"
        THEN excluded."lastAt" ELSE "NotificationDue"."lastAt" END`,
    p.list,
  );
}
