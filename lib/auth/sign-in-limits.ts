import "server-only";
import { APIError } from "better-auth/api";
import type { SqlRunner } from "../db/client";
import { RateLimitedError } from "../errors";
import { consumeRateLimit } from "../rate-limits/consume-rate-limit";
import { type Env, positiveIntSetting } from "../settings/read-env";

/** Sign-in attempts per account: 10 in 15 minutes, from any number of addresses. */
export const SIGN_IN_ACCOUNT_LIMIT = { name: "sign-in-account", limit: 10, windowMs: 15 * 60_000 };

export const TOO_MANY_SIGN_INS_MESSAGE = "Too many sign-in attempts. Try again later.";

/** SIGN_IN_LIMIT_PER_MINUTE: attempts per client address and minute (Better Auth's limiter). */
export function signInLimitPerMinuteFromEnv(env: Env = process.env): number {
  return positiveIntSetting(env, "SIGN_IN_LIMIT_PER_MINUTE", 10);
}

/** Counts a sign-in attempt for `email`; over the limit, Better Auth answers 429. */
export async function limitSignInPerAccount(db: SqlRunner, email: string): Promise<void> {
  try {
    await consumeRateLimit(db, SIGN_IN_ACCOUNT_LIMIT, email.trim().toLowerCase().slice(0, 254));
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { message: TOO_MANY_SIGN_INS_MESSAGE },
      { "retry-after": String(error.retryAfterSeconds ?? 60) },
    );
  }
}
