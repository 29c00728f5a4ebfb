import "server-only";
import type { SqlRunner } from "../db/client";
import { RateLimitedError } from "../errors";

/** A limit of `limit` requests per fixed window of `windowMs`, counted per subject. */
export interface RateLimit {
  /** Names the limited action in the counter's key, e.g. "webhook-test". */
  name: string;
  limit: number;
  windowMs: number;
}

/** LINE's answer when a limit is exceeded, on every API it limits. */
export const RATE_LIMIT_EXCEEDED_MESSAGE = "The API rate limit has been exceeded. Try again later.";

/**
 * Counts one request of `subject` (a channel id) against `rateLimit`, or throws RateLimitedError
 * with the seconds until the window ends. The counter lives in the database and is incremented
 * atomically (one INSERT … ON CONFLICT DO UPDATE … RETURNING, which SQLite and PostgreSQL both
 * run as a single statement), so concurrent requests in any number of server processes share
 * it and none is lost. Windows are fixed, aligned to multiples of windowMs since the epoch:
 * simpler than a sliding window, at the price of up to twice the limit across a boundary.
 * A refused request still counts, as on LINE: retrying early does not help.
 */
export async function consumeRateLimit(
  db: SqlRunner,
  rateLimit: RateLimit,
  subject: string,
  now = new Date(),
): Promise<void> {
  const key = `${rateLimit.name}:${subject}`;
  const windowStart = new Date(Math.floor(now.getTime() / rateLimit.windowMs) * rateLimit.windowMs);
  const [row] = await db.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  const count = Number(row?.count ?? 1);
  if (count === 1) {
    // The first request of a window: the key's earlier windows are of no more use.
    await db.$executeRaw`
      DELETE FROM "RateLimitCounter" WHERE "key" = ${key} AND "windowStart" < ${windowStart}`;
  }
  if (count > rateLimit.limit) {
    const windowEnd = windowStart.getTime() + rateLimit.windowMs;
    throw new RateLimitedError(
      RATE_LIMIT_EXCEEDED_MESSAGE,
      Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
    );
  }
}
