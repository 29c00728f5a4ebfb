import "server-only";
import pg from "pg";

/**
 * A pg pool whose connections a server can end at any moment without ending the process: the
 * hot paths' (sql-driver.ts) and Prisma's (client.ts).
 *
 * pg emits "error" on a client when the server ends its session, and an unlistened "error" is
 * thrown. The pool listens while a client is idle and reports it as the pool's "error"; while
 * it is checked out, the caller must listen. But a server shutting down (pg_ctl stop -m fast, a
 * failover) can end a session in the same TCP segment as the ReadyForQuery that completes its
 * start-up, and pg then emits the error before the caller of `await pool.connect()` has run: a
 * listener added there comes too late (postgres-ended-at-connect.int.test.ts). So every client
 * gets a listener as the pool makes it, synchronously. Nothing is hidden by it: the session's
 * statements fail, and a client in error is dropped when released.
 */
export function createPgPool(options: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(options);
  pool.on("connect", (client) => client.on("error", () => {}));
  // An idle client whose session ended: the pool drops it; the next statement opens another.
  pool.on("error", () => {});
  return pool;
}
