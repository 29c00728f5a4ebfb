import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { type DatabaseConfig, resolveDatabaseConfig } from "./config";
import { type AppliedMigration, loadMigrations, pendingMigrations } from "./migrations";
import { createPrivateSqliteFile } from "./sqlite-file";

// Why not `prisma migrate deploy`: it is broken on PostgreSQL through adapter-pg 6.19
// (prisma/orm#27403) and needs no less than this. See docs/adr/0002-own-migration-runner.md.
const TRACKING_TABLE = "_console_migrations";
// Any constant works; it only has to be the same for every process migrating this database.
const POSTGRES_LOCK_KEY = 727_274_150;

export interface MigrateResult {
  provider: DatabaseConfig["provider"];
  applied: string[];
}

/** Applies every committed migration not yet applied, all in one transaction: all or nothing. */
export async function migrate(config = resolveDatabaseConfig()): Promise<MigrateResult> {
  return config.provider === "postgres"
    ? migratePostgres(config.url)
    : migrateSqlite(config.filePath);
}

function migrateSqlite(filePath: string): MigrateResult {
  createPrivateSqliteFile(filePath);
  const sqlite = new Database(filePath);
  try {
    // WAL lets the console read while the dispatcher writes; it is stored in the file.
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS "${TRACKING_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const applied: string[] = [];
    // IMMEDIATE takes the write lock up front, so two processes starting at once apply each
    // migration once: the second waits, then sees it applied.
    const run = sqlite.transaction(() => {
      const done = sqlite
        .prepare(`SELECT name, checksum FROM "${TRACKING_TABLE}"`)
        .all() as AppliedMigration[];
      for (const migration of pendingMigrations(loadMigrations("sqlite"), done)) {
        sqlite.exec(migration.sql);
        sqlite
          .prepare(`INSERT INTO "${TRACKING_TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`)
          .run(migration.name, migration.checksum, new Date().toISOString());
        applied.push(migration.name);
      }
    });
    sqlite.pragma("busy_timeout = 10000");
    run.immediate();
    return { provider: "sqlite", applied };
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Serialises concurrent starts; released with the transaction.
    await client.query("SELECT pg_advisory_xact_lock($1)", [POSTGRES_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${TRACKING_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<AppliedMigration>(
      `SELECT name, checksum FROM "${TRACKING_TABLE}"`,
    );
    const applied: string[] = [];
    for (const migration of pendingMigrations(loadMigrations("postgres"), rows)) {
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO "${TRACKING_TABLE}" (name, checksum, applied_at) VALUES ($1, $2, now())`,
        [migration.name, migration.checksum],
      );
      applied.push(migration.name);
    }
    await client.query("COMMIT");
    return { provider: "postgres", applied };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
