import "server-only";
import type { Db } from "../db/client";
import { SqlParams, type SqlSession } from "../db/sql";
import { UnauthenticatedError } from "../errors";
import { ACCESS_TOKEN_PATTERN, hashAccessToken } from "./access-token-credentials";

/** LINE's answer when the request carries no bearer token at all. */
export const AUTHORIZATION_REQUIRED_MESSAGE =
  "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'";

/** LINE's answer for a token it does not accept; it never says which check failed. */
export const AUTHENTICATION_FAILED_MESSAGE =
  "Authentication failed. Confirm that the access token in the authorization header is valid.";

/**
 * The hash of the token in an `Authorization: Bearer <token>` header. No header, or one of another
 * scheme, throws UnauthenticatedError with LINE's "header required" message; a malformed token
 * with LINE's "authentication failed", unread.
 */
function bearerTokenHash(authorizationHeader: string | null): string {
  const match = /^Bearer +(\S*) *$/i.exec(authorizationHeader?.trim() ?? "");
  if (!match) throw new UnauthenticatedError(AUTHORIZATION_REQUIRED_MESSAGE);
  const token = match[1] ?? "";
  if (!ACCESS_TOKEN_PATTERN.test(token)) throw authenticationFailed();
  return hashAccessToken(token);
}

/**
 * The channel a `Authorization: Bearer <token>` header belongs to, for the LINE-compatible API.
 * No header, or one of another scheme, throws UnauthenticatedError with LINE's "header required"
 * message; a malformed, unknown or revoked token with LINE's "authentication failed". An earlier
 * token kept working by a reissue's grace period is accepted until its revokedAt.
 */
export async function authenticateChannel(
  db: Db,
  authorizationHeader: string | null,
  now = new Date(),
) {
  const row = await db.channelAccessToken.findUnique({
    where: { tokenHash: bearerTokenHash(authorizationHeader) },
    include: { channel: true },
  });
  if (!row || !worksAt(row.revokedAt, now)) throw authenticationFailed();
  return row.channel;
}

/** A token works until its revokedAt (null: until a reissue); after a reissue with a grace period it is in the future. */
function worksAt(revokedAt: Date | null, now: Date): boolean {
  return revokedAt === null || revokedAt > now;
}

/**
 * The channel (and its provider) a bearer token acts for, as authenticateChannel refuses, in one
 * statement on the request's driver connection: the console's own routes that take a token
 * (POST …/events), which need no more of the channel to authorize (ADR 23).
 */
export async function authenticateChannelToken(
  sql: SqlSession,
  authorizationHeader: string | null,
  now = new Date(),
): Promise<{ channelId: string; providerId: string }> {
  const p = new SqlParams(sql.dialect);
  const [row] = await sql.query<{ channelId: string; providerId: string }>(
    `SELECT t."channelId" AS "channelId", c."providerId" AS "providerId"
      FROM "ChannelAccessToken" t JOIN "Channel" c ON c."id" = t."channelId"
      WHERE t."tokenHash" = ${p.value(bearerTokenHash(authorizationHeader))}
        AND (t."revokedAt" IS NULL OR t."revokedAt" > ${p.time(now)})`,
    p.list,
  );
  if (!row) throw authenticationFailed();
  return row;
}

function authenticationFailed() {
  return new UnauthenticatedError(AUTHENTICATION_FAILED_MESSAGE);
}
