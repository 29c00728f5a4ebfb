import "server-only";
import { fromSqlBool, type SqlConnection, SqlParams, type SqlSession, sqlColumns } from "../db/sql";
import { ConflictError, NotFoundError } from "../errors";
import { newMonotonicUlid } from "../ids/new-ulid";
import { isOperational } from "../shared/channel-kinds";
import { completeEvent } from "./complete-event";
import type { EventInput } from "./event-input";

export type IngestResult =
  | {
      queued: true;
      /** One per webhook, in the order given. */
      webhookIds: string[];
      /** Per webhook, its events' ids, in the order given. */
      webhookEventIds: string[][];
    }
  | { queued: false; webhookEventIds: string[][]; message: string };

const WEBHOOK_COLUMNS = sqlColumns({ id: "text", events: "text" });
const EVENT_INDEX_COLUMNS = sqlColumns({ webhookEventId: "text", webhookId: "text" });

/**
 * Stores webhooks for a channel, each the given events completed as the LINE platform completes
 * them, before answering, so a restart loses nothing: all of them or, on any error, none. Like
 * LINE, nothing is stored while Use webhook is off or no webhook URL is set. An operational
 * webhook takes no LINE events (ConflictError): it is sent alerts (lib/alerts/).
 *
 * Set-based, on the driver (ADR 23): one transaction of two statements however many webhooks
 * (on PostgreSQL one statement, ADR 24), the channel's settings checked in the first (nothing is
 * read before). A channel whose sending is paused gets them as "paused": kept, not sent until it
 * is resumed (lib/channels/pause-sending.ts). Ids are monotonic, so
 * webhooks stored together are sent in the order given.
 */
export async function ingestWebhooks(
  sql: SqlConnection,
  channelId: string,
  webhooks: readonly (readonly EventInput[])[],
  now = Date.now(),
): Promise<IngestResult> {
  const completed = webhooks.map((events) => ({
    id: newMonotonicUlid(now),
    events: events.map((event) => completeEvent(channelId, event, now)),
  }));
  const webhookEventIds = completed.map(({ events }) => events.map((e) => e.webhookEventId));
  const stored =
    sql.dialect === "postgres"
      ? (await insertWebhooksWithIndex(sql, channelId, completed, now)) > 0
      : await sql.transaction(async (tx) => {
          const ids = await insertWebhooks(tx, channelId, completed, now);
          if (ids.length === 0) return false;
          await insertEventIndex(tx, completed);
          return true;
        });
  if (!stored) return { queued: false, webhookEventIds, message: await whyNotSent(sql, channelId) };
  return { queued: true, webhookIds: completed.map(({ id }) => id), webhookEventIds };
}

type CompletedWebhook = { id: string; events: readonly { webhookEventId: string }[] };

/** The webhooks, when the channel exists and sends; the ids stored (none, or all). */
async function insertWebhooks(
  tx: SqlSession,
  channelId: string,
  webhooks: readonly CompletedWebhook[],
  now: number,
): Promise<string[]> {
  const p = new SqlParams(tx.dialect);
  const rowsReturned = await tx.query<{ id: string }>(
    `${insertWebhooksText(p, channelId, webhooks, now)} RETURNING "id"`,
    p.list,
  );
  return rowsReturned.map(({ id }) => id);
}

/** The INSERT of the webhooks, its parameters collected into `p` in the order it is written. */
function insertWebhooksText(
  p: SqlParams,
  channelId: string,
  webhooks: readonly CompletedWebhook[],
  now: number,
): string {
  // In a SELECT list, PostgreSQL would take the parameter for text, not the column's type.
  const time = () => {
    const placeholder = p.time(new Date(now));
    return p.dialect === "postgres" ? `${placeholder}::timestamp(3)` : placeholder;
  };
  const rows = webhooks.map(({ id, events }) => [id, JSON.stringify(events)]);
  return `INSERT INTO "Webhook" ("id", "channelId", "events", "status", "attemptCount",
        "nextAttemptAt", "createdAt", "updatedAt")
      SELECT v."id", c."id", v."events",
        CASE WHEN c."pausedAt" IS NULL THEN 'pending' ELSE 'paused' END, 0,
        ${time()}, ${time()}, ${time()}
      FROM ${p.rows(WEBHOOK_COLUMNS, rows)} JOIN "Channel" c ON c."id" = ${p.value(channelId)}
      WHERE c."useWebhook" = ${p.bool(true)} AND c."webhookUrl" IS NOT NULL
        AND c."webhookUrl" <> '' AND c."kind" = 'line'`;
}

/**
 * PostgreSQL: the webhooks and their events' ids in one statement (data-modifying WITH), which
 * is all or nothing by itself: one round trip where a transaction takes four. The ids go in only
 * for webhooks stored (none when the channel does not send). Returns how many were stored.
 */
async function insertWebhooksWithIndex(
  sql: SqlSession,
  channelId: string,
  webhooks: readonly CompletedWebhook[],
  now: number,
): Promise<number> {
  const p = new SqlParams(sql.dialect);
  const [row] = await sql.query<{ stored: number | string }>(
    `WITH "stored" AS (${insertWebhooksText(p, channelId, webhooks, now)} RETURNING "id"),
      "indexed" AS (${insertEventIndexText(p, webhooks)}
        WHERE v."webhookId" IN (SELECT "id" FROM "stored"))
    SELECT COUNT(*) AS "stored" FROM "stored"`,
    p.list,
  );
  return Number(row?.stored ?? 0);
}

/** Every event's id, so that a webhook can be found by any of them (the Deliveries search). */
async function insertEventIndex(
  tx: SqlSession,
  webhooks: readonly CompletedWebhook[],
): Promise<void> {
  const p = new SqlParams(tx.dialect);
  await tx.query(insertEventIndexText(p, webhooks), p.list);
}

/** The INSERT of every event's id, its rows aliased `v`, parameters collected into `p`. */
function insertEventIndexText(p: SqlParams, webhooks: readonly CompletedWebhook[]): string {
  const rows = webhooks.flatMap(({ id, events }) => events.map((e) => [e.webhookEventId, id]));
  return `INSERT INTO "WebhookEvent" ("webhookEventId", "webhookId")
      SELECT v."webhookEventId", v."webhookId" FROM ${p.rows(EVENT_INDEX_COLUMNS, rows)}`;
}

export const OPERATIONAL_TAKES_NO_EVENTS =
  "This is an operational webhook: it is sent the console's own alerts, not LINE events";

/** Why nothing was stored: the channel does not send, or does not exist (NotFoundError). */
async function whyNotSent(sql: SqlSession, channelId: string): Promise<string> {
  const p = new SqlParams(sql.dialect);
  const [channel] = await sql.query<{
    kind: string;
    useWebhook: unknown;
    webhookUrl: string | null;
  }>(
    `SELECT "kind", "useWebhook", "webhookUrl" FROM "Channel" WHERE "id" = ${p.value(channelId)}`,
    p.list,
  );
  if (!channel) throw new NotFoundError("Channel", channelId);
  if (isOperational(channel.kind)) throw new ConflictError("kind", OPERATIONAL_TAKES_NO_EVENTS);
  if (!fromSqlBool(channel.useWebhook)) {
    return "Use webhook is off for this channel, so the events were not sent.";
  }
  return "No webhook URL is set for this channel, so the events were not sent.";
}
