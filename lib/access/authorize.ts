// The one place that decides whether a caller may act on a provider or a channel (ADR 14).
// Route handlers get here through lib/http/handler.ts, from the access the route table declares;
// pages through lib/http/page-data.ts. A provider the caller does not belong to is answered
// exactly as one that does not exist, so ids cannot be probed.
import "server-only";
import { NUMERIC_ID_PATTERN } from "../channels/credentials";
import { SqlParams, type SqlSession } from "../db/sql";
import { ForbiddenError, NotFoundError } from "../errors";
import {
  isProviderRole,
  type Permission,
  type ProviderRole,
  ROLE_LABELS,
  roleCan,
} from "../shared/provider-roles";
import type { Actor, Grant, OperatorActor } from "./actor";

const REFUSALS: Readonly<Record<Permission, string>> = {
  read: "see this",
  configure: "change channel settings or send webhooks",
  manage: "do this: it needs the Admin role",
};

/** Throws ForbiddenError unless `role` grants `permission`. */
export function requirePermission(role: ProviderRole, permission: Permission): void {
  if (!roleCan(role, permission)) {
    throw new ForbiddenError(
      `Your role in this provider (${ROLE_LABELS[role]}) cannot ${REFUSALS[permission]}`,
    );
  }
}

interface AccessRow {
  providerId: string;
  /** The operator's membership role, null when none. */
  role: string | null;
}

/**
 * The provider (of the channel, for a channel) and the operator's role in it, in one statement
 * on the request's driver connection (ADR 23); none when the id is unknown.
 */
async function accessRow(
  sql: SqlSession,
  table: "Provider" | "Channel",
  id: string,
  userId: string,
): Promise<AccessRow | undefined> {
  if (!NUMERIC_ID_PATTERN.test(id)) return undefined;
  const p = new SqlParams(sql.dialect);
  const provider = table === "Provider" ? `t."id"` : `t."providerId"`;
  const [row] = await sql.query<AccessRow>(
    `SELECT ${provider} AS "providerId", m."role" AS "role" FROM "${table}" t
      LEFT JOIN "ProviderMember" m ON m."providerId" = ${provider} AND m."userId" = ${p.value(userId)}
      WHERE t."id" = ${p.value(id)}`,
    p.list,
  );
  return row;
}

/** The operator's role: Admin for console administrators, null for none. */
function roleOf(operator: OperatorActor, row: AccessRow): ProviderRole | null {
  if (operator.consoleAdmin) return "admin";
  return row.role !== null && isProviderRole(row.role) ? row.role : null;
}

/** The caller's grant on a provider, or NotFoundError (unknown or not theirs) / ForbiddenError. */
export async function authorizeProvider(
  sql: SqlSession,
  actor: Actor,
  providerId: string,
  permission: Permission,
): Promise<Grant> {
  const row =
    actor.kind === "operator"
      ? await accessRow(sql, "Provider", providerId, actor.userId)
      : undefined;
  const role = row && actor.kind === "operator" ? roleOf(actor, row) : null;
  if (!role) throw new NotFoundError("Provider", providerId);
  requirePermission(role, permission);
  return { actor, providerId, role };
}

/**
 * The caller's grant on a channel, or NotFoundError (unknown, not theirs, or another channel's
 * token) / ForbiddenError. A channel's access token acts as a Member of that one channel; it was
 * checked against the database when the request was identified, so it costs no statement here.
 */
export async function authorizeChannel(
  sql: SqlSession,
  actor: Actor,
  channelId: string,
  permission: Permission,
): Promise<Grant> {
  if (actor.kind === "channel-token") {
    if (actor.channelId !== channelId) throw new NotFoundError("Channel", channelId);
    requirePermission("member", permission);
    return { actor, providerId: actor.providerId, role: "member" };
  }
  const row = await accessRow(sql, "Channel", channelId, actor.userId);
  const role = row ? roleOf(actor, row) : null;
  if (!row || !role) throw new NotFoundError("Channel", channelId);
  requirePermission(role, permission);
  return { actor, providerId: row.providerId, role };
}
