import { createHash, randomBytes } from "node:crypto";

/**
 * 128 CSPRNG bytes as standard base64: 172 characters of `A–Z a–z 0–9 + /` ending in `=`, the
 * length and alphabet of LINE's long-lived channel access tokens, so that bot code storing one
 * sees nothing unusual. Shown to the operator once.
 */
export function generateAccessToken(): string {
  return randomBytes(128).toString("base64");
}

/** What the database keeps instead of the token: its SHA-256, lowercase hex. */
export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The shapes of an issued token; anything else cannot be one, so it is refused unread. Tokens
 * issued before they took LINE's shape (43 base64url characters) keep working until reissued.
 */
export const ACCESS_TOKEN_PATTERN = /^(?:[A-Za-z0-9+/]{171}=|[A-Za-z0-9_-]{43})$/;
