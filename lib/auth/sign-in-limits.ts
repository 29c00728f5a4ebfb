import "server-only";
import { APIError } from "better-auth/api";
import type { SqlRunner } from "../db/client";
import { RateLimitedError } from "../errors";
import { consumeRateLimit, type RateLimit } from "../rate-limits/consume-rate-limit";
import { type Env, positiveIntSetting } from "../settings/read-env";

// The sign-in limits, on top of Better Auth's per-address limit (SIGN_IN_LIMIT_PER_MINUTE, all
// accounts together). They keep guessing bounded without handing anyone a lock on an account
// that is not theirs:
// - per account and client address: guesses from one place are held back, and someone guessing
//   an operator's password elsewhere does not keep that operator out;
// - per account from every address together, a higher ceiling: guesses spread over many
//   addresses stay bounded;
// - a browser the operator has signed in from before (its known-device cookie,
//   lib/auth/known-device.ts) has a limit of its own instead: the ceiling others can reach does
//   not keep the owner out.
// Every email counts alike, known or not, so the answer says nothing about whether it exists.

/** Per account and client address: 10 attempts in 15 minutes. */
export const SIGN_IN_ACCOUNT_ADDRESS_LIMIT: RateLimit = {
  name: "sign-in-account-address",
  limit: 10,
  windowMs: 15 * 60_000,
};
/** Per account, from every address without its known-device cookie: 100 attempts an hour. */
export const SIGN_IN_ACCOUNT_CEILING: RateLimit = {
  name: "sign-in-account",
  limit: 100,
  windowMs: 60 * 60_000,
};
/** Per account on a browser it signed in from before: 10 attempts in 15 minutes. */
export const SIGN_IN_KNOWN_DEVICE_LIMIT: RateLimit = {
  name: "sign-in-device",
  limit: 10,
  windowMs: 15 * 60_000,
};

export const TOO_MANY_SIGN_INS_MESSAGE = "Too many sign-in attempts. Try again later.";

/** SIGN_IN_LIMIT_PER_MINUTE: attempts per client address and minute (Better Auth's limiter). */
export function signInLimitPerMinuteFromEnv(env: Env = process.env): number {
  return positiveIntSetting(env, "SIGN_IN_LIMIT_PER_MINUTE", 10);
}

export interface SignInAttempt {
  email: string;
  /** The client's address (lib/http/client-address.ts). */
  address: string;
  /** The id of this browser's known-device cookie for this account, if it has a valid one. */
  knownDevice: string | null;
}

/** Counts a sign-in attempt; over a limit, Better Auth answers 429 with Retry-After. */
export async function limitSignIn(db: SqlRunner, attempt: SignInAttempt): Promise<void> {
  const account = attempt.email.trim().toLowerCase().slice(0, 254);
  try {
    if (attempt.knownDevice) {
      await consumeRateLimit(db, SIGN_IN_KNOWN_DEVICE_LIMIT, `${account}|${attempt.knownDevice}`);
      return;
    }
    await consumeRateLimit(db, SIGN_IN_ACCOUNT_ADDRESS_LIMIT, `${account}|${attempt.address}`);
    await consumeRateLimit(db, SIGN_IN_ACCOUNT_CEILING, account);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { message: TOO_MANY_SIGN_INS_MESSAGE },
      { "retry-after": String(error.retryAfterSeconds ?? 60) },
    );
  }
}
