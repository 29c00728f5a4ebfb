// Rate limits live in the database so that every server process shares them: proven here with
// two clients (two connection pools, as two processes have) racing on one counter, on SQLite and
// PostgreSQL.
import { describe, expect, it } from "vitest";
import { createDbClient } from "../db/client";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { RateLimitedError } from "../errors";
import {
  consumeRateLimit,
  RATE_LIMIT_EXCEEDED_MESSAGE,
  type RateLimit,
} from "./consume-rate-limit";

const MINUTE: RateLimit = { name: "test", limit: 5, windowMs: 60_000 };
const at = (iso: string) => new Date(iso);

async function outcome(promise: Promise<void>): Promise<"ok" | RateLimitedError> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof RateLimitedError) return error;
    throw error;
  }
}

describe.each(TEST_PROVIDERS)("rate limits on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("allows `limit` requests per window and subject, then refuses with Retry-After", async () => {
    const { db } = database();
    const now = at("2026-11-27T10:00:15Z");
    for (let i = 0; i < MINUTE.limit; i++) {
      expect(await outcome(consumeRateLimit(db, MINUTE, "a", now))).toBe("ok");
    }
    const refused = await outcome(consumeRateLimit(db, MINUTE, "a", now));
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({
      message: RATE_LIMIT_EXCEEDED_MESSAGE,
      code: "rate_limited",
      // 45 s are left of the minute that started at 10:00:00.
      retryAfterSeconds: 45,
    });
    // Another subject has its own count; the next window starts afresh.
    expect(await outcome(consumeRateLimit(db, MINUTE, "b", now))).toBe("ok");
    expect(await outcome(consumeRateLimit(db, MINUTE, "a", at("2026-11-27T10:01:00Z")))).toBe("ok");
  });

  it("keeps only the current window of a key", async () => {
    const { db } = database();
    await consumeRateLimit(db, MINUTE, "a", at("2026-11-27T10:00:00Z"));
    await consumeRateLimit(db, MINUTE, "b", at("2026-11-27T10:00:00Z"));
    await consumeRateLimit(db, MINUTE, "a", at("2026-11-27T10:05:00Z"));
    const rows = await db.rateLimitCounter.findMany({ orderBy: { key: "asc" } });
    expect(rows.map((row) => [row.key, row.windowStart.toISOString(), row.count])).toEqual([
      ["test:a", "2026-11-27T10:05:00.000Z", 1],
      ["test:b", "2026-11-27T10:00:00.000Z", 1],
    ]);
  });

  it("loses no count when two processes race: exactly `limit` of 40 requests pass", async () => {
    const { db, config } = database();
    const other = createDbClient(config);
    try {
      const limit: RateLimit = { name: "race", limit: 17, windowMs: 60 * 60_000 };
      const now = new Date();
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          outcome(consumeRateLimit(i % 2 === 0 ? db : other, limit, "channel", now)),
        ),
      );
      expect(results.filter((result) => result === "ok")).toHaveLength(17);
      const [row] = await db.rateLimitCounter.findMany({ where: { key: "race:channel" } });
      expect(row?.count).toBe(40);
    } finally {
      await other.$disconnect();
    }
  });
});
