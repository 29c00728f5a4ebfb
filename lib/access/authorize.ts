// The one place that decides whether a caller may act on a provider or a channel (ADR 14).
// Route handlers get here through lib/http/handler.ts, from the access the route table declares;
// pages through lib/http/page-data.ts. A provider the caller does not belong to is answered
// exactly as one that does not exist, so ids cannot be probed.
import "server-only";
import { NUMERIC_ID_PATTERN } from "../channels/credentials";
import type { Db } from "../db/client";
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

/** The operator's role in the provider: Admin for console administrators, null for none. */
async function roleIn(db: Db, operator: OperatorActor, providerId: string) {
  if (operator.consoleAdmin) return "admin" as const;
  const membership = await db.providerMember.findUnique({
    where: { providerId_userId: { providerId, userId: operator.userId } },
    select: { role: true },
  });
  return membership && isProviderRole(membership.role) ? membership.role : null;
}

/** The caller's grant on a provider, or NotFoundError (unknown or not theirs) / ForbiddenError. */
export async function authorizeProvider(
  db: Db,
  actor: Actor,
  providerId: string,
  permission: Permission,
): Promise<Grant> {
  const provider = NUMERIC_ID_PATTERN.test(providerId)
    ? await db.provider.findUnique({ where: { id: providerId }, select: { id: true } })
    : null;
  const role = provider && actor.kind === "operator" ? await roleIn(db, actor, providerId) : null;
  if (!role) throw new NotFoundError("Provider", providerId);
  requirePermission(role, permission);
  return { actor, providerId, role };
}

/**
 * The caller's grant on a channel, or NotFoundError (unknown, not theirs, or another channel's
 * token) / ForbiddenError. A channel's access token acts as a Member of that one channel.
 */
export async function authorizeChannel(
  db: Db,
  actor: Actor,
  channelId: string,
  permission: Permission,
): Promise<Grant> {
  const channel = NUMERIC_ID_PATTERN.test(channelId)
    ? await db.channel.findUnique({ where: { id: channelId }, select: { providerId: true } })
    : null;
  let role: ProviderRole | null = null;
  if (channel && actor.kind === "operator") role = await roleIn(db, actor, channel.providerId);
  if (channel && actor.kind === "channel-token" && actor.channelId === channelId) role = "member";
  if (!channel || !role) throw new NotFoundError("Channel", channelId);
  requirePermission(role, permission);
  return { actor, providerId: channel.providerId, role };
}
