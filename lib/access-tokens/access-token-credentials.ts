import { createHash, randomBytes } from "node:crypto";

/** 32 CSPRNG bytes as base64url: 43 characters, shown to the operator once. */
export function generateAccessToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token: its SHA-256, lowercase hex. */
export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The shape of an issued token; anything else cannot be one, so it is refused unread. */
export const ACCESS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
