// The only module that opens database connections outside Prisma: the hot paths' own, on the
// driver (better-sqlite3, pg), where Prisma's per-statement cost would dominate: the dispatcher's
// (docs/adr/0022-hot-paths-on-the-driver.md) and the requests' (access, tokens, ingest:
// docs/adr/0023-requests-on-a-budget.md). Everything else goes through the Prisma client.
import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { type DatabaseConfig, resolveDatabaseConfig } from "./config";
import { createPgPool } from "./pg-pool";
import type { SqlConnection, SqlSession } from "./sql";
import { createPrivateSqliteFile } from "./sqlite-file";

/** How long a SQLite statement waits for another connection's write lock (as Prisma's client). */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** PostgreSQL connections of a dispatcher's hot-path connection: a claim and a recording can overlap. */
const POSTGRES_POOL_SIZE = 2;

/**
 * PostgreSQL connections of the requests' one (sql()): concurrent requests each hold one for a
 * round trip or a transaction, and two made sixteen requests queue (ADR 23). Prisma's own pool
 * beside it defaults to as many as the machine's cores times two, plus one.
 */
const REQUEST_POOL_SIZE = 8;

export function openSqlConnection(
  config: DatabaseConfig,
  { postgresPoolSize = POSTGRES_POOL_SIZE }: { postgresPoolSize?: number } = {},
): SqlConnection {
  return config.provider === "postgres"
    ? new PostgresConnection(config.url, postgresPoolSize)
    : new SqliteConnection(config.filePath);
}

// One connection per process for the requests' hot statements, on globalThis as the Prisma client
// is (lib/db/client.ts). The dispatcher opens its own.
const processWide = globalThis as typeof globalThis & { webhookConsoleSql?: SqlConnection };

/** The process's driver connection to DATABASE_URL's database, for route handlers. */
export function sql(): SqlConnection {
  processWide.webhookConsoleSql ??= openSqlConnection(resolveDatabaseConfig(), {
    postgresPoolSize: REQUEST_POOL_SIZE,
  });
  return processWide.webhookConsoleSql;
}

interface WaitingTransaction {
  work: (tx: SqlSession) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Prepared statements a SQLite connection keeps. A set of rows is a VALUES list on SQLite, one
 * text per number of rows (sql.ts), so the texts of bulk ingest alone could reach two thousand
 * (1 to 1,000 events): past this many, the statement used least recently is dropped.
 */
const SQLITE_PREPARED_KEPT = 256;

/**
 * One better-sqlite3 connection. Its calls are synchronous, so a statement costs what SQLite
 * costs; the promise interface only lets the same code run on PostgreSQL. Callers share the
 * connection, so work is queued: a statement or transaction starts once the one before ended,
 * and nothing runs inside another caller's transaction.
 */
class SqliteConnection implements SqlConnection {
  readonly dialect = "sqlite" as const;
  private readonly database: Database.Database;
  private readonly prepared = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Transactions asked for and not yet begun: the next group to commit together. */
  private readonly waitingTransactions: WaitingTransaction[] = [];
  /** What a transaction's work runs its statements through. */
  private readonly session: SqlSession = {
    dialect: "sqlite",
    query: async <Row>(sql: string, params: readonly unknown[] = []) => this.run<Row>(sql, params),
  };
  statements = 0;

  constructor(filePath: string) {
    createPrivateSqliteFile(filePath);
    this.database = new Database(filePath, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  }

  private run<Row>(sql: string, params: readonly unknown[]): Row[] {
    this.statements++;
    let statement = this.prepared.get(sql);
    if (statement) {
      // Most recently used last: the Map's order is the eviction order.
      this.prepared.delete(sql);
    } else {
      statement = this.database.prepare(sql);
      const oldest = this.prepared.size >= SQLITE_PREPARED_KEPT && this.prepared.keys().next();
      if (oldest && !oldest.done) this.prepared.delete(oldest.value);
    }
    this.prepared.set(sql, statement);
    // An array binds its items in order, as a spread would, without copying thousands of
    // arguments onto the stack (a flush of 256 attempts binds over 6,000).
    if (statement.reader) return statement.all(params) as Row[];
    statement.run(params);
    return [];
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.exclusive(async () => this.run<Row>(sql, params));
  }

  /**
   * Transactions asked for in the same turn of the event loop share one commit (group commit):
   * each commit writes every page it changed to the log, and concurrent requests change the same
   * pages (sixteen connections posting events: about ten a commit, ADR 24). Each keeps its
   * all-or-nothing: inside a shared transaction it runs under a savepoint of its own, undone alone
   * if it throws, and it resolves only once the whole commits.
   */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waitingTransactions.push({ work, resolve, reject } as WaitingTransaction);
      // Started on the event loop's next turn: the requests read in this one join it.
      if (this.waitingTransactions.length === 1) {
        setImmediate(() => void this.exclusive(() => this.runTransactions()));
      }
    });
  }

  /** Runs every transaction waiting now in one BEGIN … COMMIT. */
  private async runTransactions(): Promise<void> {
    const group = this.waitingTransactions.splice(0);
    const shared = group.length > 1;
    const settled: (() => void)[] = [];
    try {
      this.run("BEGIN IMMEDIATE", []);
      for (const { work, resolve, reject } of group) {
        // A failure that ended the transaction itself (a full disk) leaves nothing to share.
        if (!this.database.inTransaction) throw new Error("the transaction was rolled back");
        if (shared) this.run("SAVEPOINT shared", []);
        try {
          const value = await work(this.session);
          if (shared) this.run("RELEASE shared", []);
          settled.push(() => resolve(value));
        } catch (error) {
          if (!shared) throw error;
          if (this.database.inTransaction) {
            this.run("ROLLBACK TO shared", []);
            this.run("RELEASE shared", []);
          }
          settled.push(() => reject(error));
        }
      }
      this.run("COMMIT", []);
    } catch (error) {
      // A failed COMMIT (a full disk) may leave the transaction open: end it either way, so
      // the next caller starts clean and the write lock is released.
      if (this.database.inTransaction) this.database.exec("ROLLBACK");
      for (const { reject } of group) reject(error);
      return;
    }
    for (const settle of settled) settle();
  }

  async close(): Promise<void> {
    await this.queue;
    // Idempotent: a dispatcher stopped twice closes once.
    if (this.database.open) this.database.close();
  }
}

/** `timestamp(3)` holds UTC (as Prisma writes it): read it as UTC, not as local time. */
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** How long a transaction of this driver may sit idle before the server ends its session. */
export const IDLE_IN_TRANSACTION_MS = 5_000;

/**
 * A small pg pool. Each statement text is a named prepared statement, parsed
 * and planned once per connection.
 */
class PostgresConnection implements SqlConnection {
  readonly dialect = "postgres" as const;
  private readonly pool: pg.Pool;
  private readonly names = new Map<string, string>();
  statements = 0;

  constructor(url: string, poolSize: number) {
    this.pool = createPgPool({
      connectionString: url,
      max: poolSize,
      allowExitOnIdle: true,
      types,
      // Its transactions (a claim, a batch of outcomes, a burst of events) run statement after
      // statement and never wait on anything else. A process frozen inside one (stopped,
      // swapped out, paused in a debugger) would keep its row locks: the channel it was claiming
      // stays locked, and SKIP LOCKED passes it over in every other worker's claims for as long
      // as the freeze lasts. The server ends such a session instead, rolling the transaction back.
      options: `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`,
    });
  }

  private nameOf(sql: string): string {
    let name = this.names.get(sql);
    if (!name) {
      name = `hot_${this.names.size + 1}`;
      this.names.set(sql, name);
    }
    return name;
  }

  private async run<Row>(
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params: readonly unknown[],
  ): Promise<Row[]> {
    this.statements++;
    const result = await client.query({
      name: this.nameOf(sql),
      text: sql,
      values: params as unknown[],
    });
    return result.rows as Row[];
  }

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.run<Row>(this.pool, sql, params);
  }

  async transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: SqlSession = {
      dialect: "postgres",
      query: <Row>(sql: string, params: readonly unknown[] = []) =>
        this.run<Row>(client, sql, params),
    };
    let broken: Error | undefined;
    // The server may end the connection while it is checked out here (a restart): the client
    // then emits "error", which unlistened would end the process (or the dispatcher's database
    // thread). The statement under way fails by itself; the connection is not returned.
    const lost = (error: Error) => {
      broken = error;
    };
    client.on("error", lost);
    try {
      this.statements++;
      await client.query("BEGIN");
      const result = await work(tx);
      this.statements++;
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackFailed: Error) => {
        // The connection is in an unknown state: drop it rather than return it to the pool.
        broken = rollbackFailed;
      });
      throw error;
    } finally {
      client.removeListener("error", lost);
      client.release(broken);
    }
  }

  private closed: Promise<void> | null = null;

  close(): Promise<void> {
    // Idempotent: a dispatcher stopped twice closes once.
    this.closed ??= this.pool.end();
    return this.closed;
  }
}
