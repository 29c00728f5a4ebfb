import { createHash, randomBytes } from "node:crypto";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** 32 CSPRNG bytes, base64url: the invitation link's secret, shown once to the inviting Admin. */
export function generateInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
