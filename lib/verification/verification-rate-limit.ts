import type { RateLimit } from "../rate-limits/consume-rate-limit";
import { type Env, positiveIntSetting } from "../settings/read-env";

const HOUR_MS = 60 * 60 * 1000;

/** Verifications per channel per hour: WEBHOOK_VERIFY_LIMIT_PER_HOUR, default 60 as LINE. */
export function verifyLimitPerHourFromEnv(env: Env = process.env): number {
  return positiveIntSetting(env, "WEBHOOK_VERIFY_LIMIT_PER_HOUR", 60);
}

/**
 * LINE allows 60 webhook tests per channel per hour; the console's Verify button and
 * `POST /v2/bot/channel/webhook/test` share the count, as both are the same operation.
 */
export function verificationRateLimit(env: Env = process.env): RateLimit {
  return { name: "webhook-test", limit: verifyLimitPerHourFromEnv(env), windowMs: HOUR_MS };
}
