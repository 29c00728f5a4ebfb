import "server-only";
import type { Db } from "../db/client";
import { UnauthenticatedError } from "../errors";
import { ACCESS_TOKEN_PATTERN, hashAccessToken } from "./access-token-credentials";

/** LINE's answer when the request carries no bearer token at all. */
export const AUTHORIZATION_REQUIRED_MESSAGE =
  "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'";

/** LINE's answer for a token it does not accept; it never says which check failed. */
export const AUTHENTICATION_FAILED_MESSAGE =
  "Authentication failed. Confirm that the access token in the authorization header is valid.";

/**
 * The channel a `Authorization: Bearer <token>` header belongs to. No header, or one of another
 * scheme, throws UnauthenticatedError with LINE's "header required" message; a malformed, unknown
 * or revoked token with LINE's "authentication failed".
 */
export async function authenticateChannel(db: Db, authorizationHeader: string | null) {
  const match = /^Bearer +(\S*) *$/i.exec(authorizationHeader?.trim() ?? "");
  if (!match) throw new UnauthenticatedError(AUTHORIZATION_REQUIRED_MESSAGE);
  const token = match[1] ?? "";
  if (!ACCESS_TOKEN_PATTERN.test(token)) throw authenticationFailed();
  const row = await db.channelAccessToken.findUnique({
    where: { tokenHash: hashAccessToken(token) },
    include: { channel: true },
  });
  if (!row || row.revokedAt !== null) throw authenticationFailed();
  return row.channel;
}

function authenticationFailed() {
  return new UnauthenticatedError(AUTHENTICATION_FAILED_MESSAGE);
}
