import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { fromSqlBool, fromSqlTime, SqlParams, type SqlSession } from "../db/sql";
import { NotFoundError } from "../errors";
import { openChannelSecret, openScheduledSecret } from "./channel-secret";
import { CHANNEL_VIEW_FIELDS, type ChannelView, toChannelView } from "./channel-view";
import { NUMERIC_ID_PATTERN } from "./credentials";
import { findChannelOrThrow } from "./find-channel";

/**
 * The channel as GET /api/channels/{id} shows it, or NotFoundError: one statement on the request's
 * driver connection, as the route is one of the hot reads (ADR 23).
 */
export async function getChannel(sql: SqlSession, channelId: string): Promise<ChannelView> {
  const p = new SqlParams(sql.dialect);
  const columns = CHANNEL_VIEW_FIELDS.map((field) => `"${field}"`).join(", ");
  const [row] = NUMERIC_ID_PATTERN.test(channelId)
    ? await sql.query<Record<(typeof CHANNEL_VIEW_FIELDS)[number], unknown>>(
        `SELECT ${columns} FROM "Channel" WHERE "id" = ${p.value(channelId)}`,
        p.list,
      )
    : [];
  if (!row) throw new NotFoundError("Channel", channelId);
  const text = (value: unknown) => (value === null ? null : String(value));
  return toChannelView({
    id: String(row.id),
    providerId: String(row.providerId),
    name: String(row.name),
    description: String(row.description),
    kind: String(row.kind),
    alertTypes: text(row.alertTypes),
    botUserId: String(row.botUserId),
    webhookUrl: text(row.webhookUrl),
    useWebhook: fromSqlBool(row.useWebhook),
    webhookRedelivery: fromSqlBool(row.webhookRedelivery),
    errorStatisticsAggregation: fromSqlBool(row.errorStatisticsAggregation),
    notificationEmail: text(row.notificationEmail),
    errorNotification: fromSqlBool(row.errorNotification),
    pauseAfterFailingMinutes:
      row.pauseAfterFailingMinutes === null ? null : Number(row.pauseAfterFailingMinutes),
    pauseAfterFailedAttempts: Number(row.pauseAfterFailedAttempts),
    pausedAt: row.pausedAt === null ? null : fromSqlTime(row.pausedAt),
    pausedBecause: text(row.pausedBecause),
    createdAt: fromSqlTime(row.createdAt),
    updatedAt: fromSqlTime(row.updatedAt),
  });
}

/** The channel secret, for the console's own code (tests, the demo bot). */
export async function getChannelSecret(db: Db, channelId: string) {
  const channel = await findChannelOrThrow(db, channelId);
  return { channelSecret: openChannelSecret(channel) };
}

/**
 * The channel secret, for the Basic settings tab's reveal button, with a reissued one waiting for
 * its time (`scheduled`, null if none); each reveal is logged.
 */
export async function revealChannelSecret(db: Db, channelId: string, actor: string) {
  const channel = await findChannelOrThrow(db, channelId);
  const channelSecret = openChannelSecret(channel);
  const scheduled = openScheduledSecret(channel);
  await recordAudit(db, {
    providerId: channel.providerId,
    channelId,
    actor,
    action: "channel_secret.revealed",
  });
  return { channelSecret, scheduled };
}

/** The channel with its provider's name, for the breadcrumb of the channel pages. */
export async function getChannelWithProvider(db: Db, channelId: string) {
  const channel = await findChannelOrThrow(db, channelId);
  const provider = await db.provider.findUniqueOrThrow({
    where: { id: channel.providerId },
    select: { id: true, name: true },
  });
  return { channel: toChannelView(channel), provider };
}
