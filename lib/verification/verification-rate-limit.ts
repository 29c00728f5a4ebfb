import { type Env, positiveIntSetting } from "../settings/read-env";

/**
 * LINE allows 60 webhook verifications per channel per hour. Kept in memory: verification is an
 * interactive action on one server process, and a restart forgiving the count is harmless.
 */
export class VerificationRateLimit {
  private readonly recent = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs = 60 * 60 * 1000,
  ) {}

  /** Records an attempt for the channel; false when the channel is over its limit. */
  tryAcquire(channelId: string, now = Date.now()): boolean {
    const since = now - this.windowMs;
    const times = (this.recent.get(channelId) ?? []).filter((time) => time > since);
    if (times.length >= this.limit) {
      this.recent.set(channelId, times);
      return false;
    }
    times.push(now);
    this.recent.set(channelId, times);
    return true;
  }
}

const processWide = globalThis as typeof globalThis & {
  webhookVerificationLimit?: VerificationRateLimit;
};

/** Verifications per channel per hour: WEBHOOK_VERIFY_LIMIT_PER_HOUR, default 60 as LINE. */
export function verifyLimitPerHourFromEnv(env: Env = process.env): number {
  return positiveIntSetting(env, "WEBHOOK_VERIFY_LIMIT_PER_HOUR", 60);
}

/** The process's limiter. */
export function verificationRateLimit(): VerificationRateLimit {
  processWide.webhookVerificationLimit ??= new VerificationRateLimit(verifyLimitPerHourFromEnv());
  return processWide.webhookVerificationLimit;
}
