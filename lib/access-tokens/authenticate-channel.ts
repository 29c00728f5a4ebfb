import "server-only";
import type { Db } from "../db/client";
import { UnauthenticatedError } from "../errors";
import { ACCESS_TOKEN_PATTERN, hashAccessToken } from "./access-token-credentials";

/** LINE's answer for any token it does not accept; it never says which check failed. */
export const AUTHENTICATION_FAILED_MESSAGE =
  "Authentication failed. Confirm that the access token in the authorization header is valid.";

/**
 * The channel a `Authorization: Bearer <token>` header belongs to. A missing, malformed, unknown
 * or revoked token throws UnauthenticatedError with LINE's message.
 */
export async function authenticateChannel(db: Db, authorizationHeader: string | null) {
  const match = /^Bearer +(\S+) *$/i.exec(authorizationHeader ?? "");
  const token = match?.[1];
  if (!token || !ACCESS_TOKEN_PATTERN.test(token)) throw authenticationFailed();
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
