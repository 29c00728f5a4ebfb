// The hot path's statements (sql.ts) through a Prisma client or transaction, for the code that
// shares them outside the dispatcher: tests and seed scripts that write rollups or attempts the
// way the recorder does, inside a Prisma transaction of their own.
import "server-only";
import { type Db, type DbTransaction, dialectOf } from "./client";
import type { Dialect, SqlSession } from "./sql";

/**
 * `client` as a SqlSession. `dialect` is the client's (a transaction inherits it from the client
 * it came from, so pass it for one).
 */
export function prismaSql(client: Db | DbTransaction, dialect?: Dialect): SqlSession {
  return {
    dialect: dialect ?? dialectOf(client as Db),
    query: <Row>(sql: string, params: readonly unknown[] = []) =>
      client.$queryRawUnsafe<Row[]>(sql, ...params),
  };
}
