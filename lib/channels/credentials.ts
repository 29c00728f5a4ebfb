import { randomBytes, randomInt } from "node:crypto";
import { isOperational } from "../shared/channel-kinds";

/** A 10-digit number with no leading zero, like LINE's provider and channel ids. */
export function generateNumericId(): string {
  return String(randomInt(1_000_000_000, 10_000_000_000));
}

export const NUMERIC_ID_PATTERN = /^[1-9][0-9]{9}$/;

/** 32 lowercase hex characters (128 bits) from the CSPRNG, like a LINE channel secret. */
export function generateChannelSecret(): string {
  return randomBytes(16).toString("hex");
}

/**
 * An operational webhook's signing secret, as Standard Webhooks write one: `whsec_` and 32 random
 * bytes in base64 (lib/dispatch/send/alert-request.ts).
 */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The secret a channel of `kind` signs with: LINE's channel secret, or a signing secret. */
export function generateSecretFor(kind: string): string {
  return isOperational(kind) ? generateSigningSecret() : generateChannelSecret();
}

/** `U` followed by 32 hex characters: the bot's user id, sent as the webhook `destination`. */
export function generateBotUserId(): string {
  return `U${randomBytes(16).toString("hex")}`;
}
