// The hot paths' statements (sql.ts) through a Prisma client or transaction, for the code that
// shares them outside the server's driver connections: tests and scripts that work through a
// Prisma client (writing rollups or attempts the way the recorder does, storing events or checking
// access the way the route handlers do).
import "server-only";
import { type Db, type DbTransaction, dialectOf } from "./client";
import type { Dialect, SqlConnection, SqlSession } from "./sql";

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

/**
 * `client` as a SqlConnection: its transactions are Prisma's interactive ones. Closing it leaves
 * the client open (it is the caller's).
 */
export function prismaSqlConnection(client: Db): SqlConnection {
  const dialect = dialectOf(client);
  let statements = 0;
  const counted = (session: SqlSession): SqlSession => ({
    dialect,
    query: (sql, params) => {
      statements++;
      return session.query(sql, params);
    },
  });
  return {
    ...counted(prismaSql(client, dialect)),
    get statements() {
      return statements;
    },
    transaction: (work) => client.$transaction((tx) => work(counted(prismaSql(tx, dialect)))),
    close: async () => {},
  };
}
