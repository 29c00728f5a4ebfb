// Who a session cookie belongs to, remembered for a few seconds, so that a signed-in request does
// not read the session and its user from the database every time (two Prisma queries, most of a
// small read's cost: ADR 23).
//
// Revocation stays prompt. On this server it takes effect at once: the cache is emptied whenever
// Better Auth ends or changes a session or an account (sign-out, revoking sessions, a password
// change or reset, an account update or deletion: lib/auth/auth.ts), and a session read while
// that happened is not kept. A revocation this process does not see (another console process on
// the same PostgreSQL database, `npm run operator`) takes effect here within SESSION_CACHE_MS.
// Roles are not cached: a role change or a removal from a provider holds from the next request.
import "server-only";
import { createHash } from "node:crypto";

/** The most a revocation made elsewhere waits before this process sees it (docs/operators.md, "Sessions"). */
export const SESSION_CACHE_MS = 5_000;

/** Enough for every operator's browser several times over; the oldest go first beyond it. */
const MAX_ENTRIES = 10_000;

/** Better Auth's session cookie (auth.ts: cookiePrefix), with or without the `__Secure-` prefix. */
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?webhook-console\.session_token=([^;]*)/;

/**
 * The cache key of a request's session cookie (a hash, so the cache holds no usable token), or
 * null when the request carries none.
 */
export function sessionCacheKey(cookieHeader: string | null): string | null {
  const value = cookieHeader === null ? undefined : SESSION_COOKIE.exec(cookieHeader)?.[1];
  return value ? createHash("sha256").update(value).digest("base64url") : null;
}

interface Entry<T> {
  value: T;
  until: number;
}

export class SessionCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Counts the times the cache was emptied: a read that began before one is not kept. */
  private clears = 0;

  constructor(
    private readonly ttlMs = SESSION_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Marks the start of a database read whose result may be kept (`keep`). */
  begin(): number {
    return this.clears;
  }

  /**
   * Keeps `value` until the session expires or for the cache's time, whichever is sooner; not
   * when the cache was emptied since `begun` (a revocation raced the read).
   */
  keep(begun: number, key: string, value: T, sessionExpiresAt: Date): void {
    if (begun !== this.clears) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const until = Math.min(this.now() + this.ttlMs, sessionExpiresAt.getTime());
    this.entries.set(key, { value, until });
  }

  /** Forgets every session: after anything that can end or change one. */
  clear(): void {
    this.clears += 1;
    this.entries.clear();
  }
}

// One cache per process, on globalThis so that Next's dev-mode reloads and its separately bundled
// route modules share it (as lib/db/client.ts does for the Prisma client).
const processWide = globalThis as typeof globalThis & {
  webhookConsoleSessions?: SessionCache<unknown>;
};

/** The process's cache of signed-in operators. */
export function sessionCache<T>(): SessionCache<T> {
  processWide.webhookConsoleSessions ??= new SessionCache();
  return processWide.webhookConsoleSessions as SessionCache<T>;
}
