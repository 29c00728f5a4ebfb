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

/** The process's limiter; WEBHOOK_VERIFY_LIMIT_PER_HOUR sets the limit (default 60, as LINE). */
export function verificationRateLimit(): VerificationRateLimit {
  const limit = Number(process.env.WEBHOOK_VERIFY_LIMIT_PER_HOUR ?? 60);
  processWide.webhookVerificationLimit ??= new VerificationRateLimit(
    Number.isInteger(limit) && limit > 0 ? limit : 60,
  );
  return processWide.webhookVerificationLimit;
}
