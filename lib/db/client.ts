// The only module that creates Prisma clients. Both generated clients come from the same models
// (prisma/models.prisma); DATABASE_URL picks one at run time.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
import { type DatabaseConfig, resolveDatabaseConfig } from "./config";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { createPgPool } from "./pg-pool";
import { createPrivateSqliteFile } from "./sqlite-file";

export type { Channel, Provider, ReplayJob } from "./generated/sqlite/client";
// Tagged-template helpers for parameterised raw SQL (Prisma.sql, Prisma.join); the same runtime
// serves both generated clients.
export { Prisma } from "./generated/sqlite/client";

/** The application's database handle. Typed by the SQLite client; see createDbClient. */
export type Db = SqliteClient;
/** The handle inside `db.$transaction(async (tx) => ...)`. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Anything that runs raw SQL: the client or a transaction. */
export type SqlRunner = Pick<Db | DbTransaction, "$executeRaw" | "$queryRaw">;

/** The part of Prisma's SQLite adapter this module reaches into (adapter-better-sqlite3 7.x). */
interface SqliteAdapter {
  readonly provider: "sqlite";
  readonly adapterName: string;
  client: Database.Database;
  queryRaw(query: unknown): Promise<unknown>;
  executeRaw(query: unknown): Promise<number>;
  startTransaction(isolationLevel?: string): Promise<unknown>;
  /** Throws the error as the adapter's own kind (what Prisma reports it as). */
  onError(error: unknown): never;
}

/**
 * Prisma's SQLite adapter, with transactions that hold up when the database cannot write.
 *
 * - They take the write lock when they begin (BEGIN IMMEDIATE), not at their first write as the
 *   adapter does (a plain BEGIN). With several connections to one file (the console and its
 *   dispatcher process, each with its own), a transaction that has read and then writes after
 *   another connection committed fails at once with SQLITE_BUSY, since its snapshot is stale and
 *   waiting cannot help; one that holds the lock from the start waits its turn (busy_timeout).
 * - Their lock on the connection is always released. The adapter's is not when BEGIN fails
 *   (SQLITE_BUSY past the timeout, SQLITE_FULL), and every later transaction then waited for it
 *   forever: after one failed write the console hung until restarted.
 * - A transaction a failed COMMIT left open (SQLITE_FULL: SQLite may keep it) is rolled back when
 *   its transaction ends, so the next one starts clean and the file's write lock is let go; once
 *   space returns, writes work again without a restart.
 */
class ResilientSqliteTransactions extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = (await super.connect()) as unknown as SqliteAdapter;
    const { client } = adapter;
    let turn: Promise<void> = Promise.resolve();
    adapter.startTransaction = async () => {
      let release = () => {};
      const previous = turn;
      turn = new Promise((resolve) => {
        release = resolve;
      });
      await previous;
      let ended = false;
      const end = async () => {
        if (ended) return;
        ended = true;
        try {
          if (client.inTransaction) client.exec("ROLLBACK");
        } finally {
          release();
        }
      };
      try {
        if (client.inTransaction) client.exec("ROLLBACK");
        client.prepare("BEGIN IMMEDIATE").run();
      } catch (error) {
        await end();
        adapter.onError(error);
      }
      // Prisma sends COMMIT or ROLLBACK as a query, then calls commit() or rollback(); after a
      // failed COMMIT it may call neither. So the transaction ends with that query, whatever it
      // answers; anything sent for it after that must not reach the connection, which another
      // transaction may be using by then.
      const closing = (query: unknown) =>
        /^\s*(COMMIT|ROLLBACK)\b/i.test((query as { sql?: string }).sql ?? "");
      const run = async <T>(query: unknown, send: (query: unknown) => Promise<T>, none: T) => {
        if (ended) {
          if (closing(query)) return none;
          throw new Error("this transaction has already ended");
        }
        if (!closing(query)) return send(query);
        try {
          return await send(query);
        } finally {
          await end();
        }
      };
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (query: unknown) =>
          run(query, (q) => adapter.queryRaw(q), { columnNames: [], columnTypes: [], rows: [] }),
        executeRaw: (query: unknown) => run(query, (q) => adapter.executeRaw(q), 0),
        commit: end,
        rollback: end,
      };
    };
    return adapter as unknown as Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
  }
}

const dialects = new WeakMap<object, DatabaseConfig["provider"]>();

/**
 * Which database a client talks to, for the few statements that differ (row locks on
 * PostgreSQL: lib/dispatch/queue/claim-due.ts).
 */
export function dialectOf(client: Db): DatabaseConfig["provider"] {
  return dialects.get(client) ?? "sqlite";
}

export function createDbClient(config: DatabaseConfig = resolveDatabaseConfig()): Db {
  if (config.provider === "postgres") {
    // Prisma's pool is made here rather than by the adapter, so that it survives a server ending
    // sessions as they open (pg-pool.ts); the adapter ends it when the client disconnects.
    const adapter = new PrismaPg(
      createPgPool({ connectionString: config.url, allowExitOnIdle: true }),
      { disposeExternalPool: true },
    );
    // Both clients are generated from the same models, so they have the same API; only their
    // nominal types differ (each carries its own provider name), hence the cast.
    const client = new PostgresClient({ adapter }) as unknown as Db;
    dialects.set(client, "postgres");
    return client;
  }
  createPrivateSqliteFile(config.filePath);
  // The console and its dispatcher process share the file: wait for locks, not fail.
  const adapter = new ResilientSqliteTransactions({
    url: `file:${config.filePath}`,
    timeout: 10_000,
  });
  const client = new SqliteClient({ adapter });
  dialects.set(client, "sqlite");
  return client;
}

// One client per process, kept on globalThis so that Next's dev-mode reloads do not open a new
// connection pool on every edit.
const processWide = globalThis as typeof globalThis & { webhookConsoleDb?: Db };

export function db(): Db {
  processWide.webhookConsoleDb ??= createDbClient();
  return processWide.webhookConsoleDb;
}
