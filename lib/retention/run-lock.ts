import "server-only";
import pg from "pg";
import type { DatabaseConfig } from "../db/config";

// Any constant works; it only has to be the same for every process sharing the database, and
// differ from the migration runner's (lib/db/migrate.ts).
const RETENTION_LOCK_KEY = 727_274_151;

/**
 * Runs `work` unless another process is running it, and answers null then. On PostgreSQL, where
 * the console and any number of workers share the database, a session advisory lock decides,
 * taken with pg_try_advisory_lock (never waited for) on a connection of its own: Prisma's pool
 * hands out a different connection per statement, and a session lock must be released on the one
 * that took it. The lock ends with that connection, so a process that dies mid-pass leaves none
 * behind; if the connection drops during the pass, `lost` aborts the work at the next batch
 * boundary, since another process may take the lock from then on. A SQLite file is served by
 * one process (workers need PostgreSQL): the work just runs.
 */
export async function whileHoldingRunLock<T>(
  database: DatabaseConfig,
  work: (lost: AbortSignal) => Promise<T>,
): Promise<T | null> {
  const lost = new AbortController();
  if (database.provider === "sqlite") return work(lost.signal);
  const client = new pg.Client({ connectionString: database.url });
  // Without a listener, a dropped connection's "error" would end the process.
  client.on("error", () => lost.abort());
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1) AS locked",
      [RETENTION_LOCK_KEY],
    );
    if (!rows[0]?.locked) return null;
    try {
      return await work(lost.signal);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [RETENTION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
