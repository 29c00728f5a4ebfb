// A fingerprint of everything the e2e server's database holds, to prove that a refused request
// changed nothing. Read straight from the database (SQLite file or local PostgreSQL), not
// through the API, so that a write the API does not show is caught too.
import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

/**
 * Tables left out: the migration runner's own, and the rate limit counters, which a refused
 * request changes on purpose (LINE counts a refused call against the limit too).
 */
const NOT_FINGERPRINTED = new Set(["_console_migrations", "RateLimitCounter"]);

export interface DatabaseFingerprint {
  /**
   * A hash of every row, per table, as one string (`table:hash` lines): equal strings, equal
   * data; where two differ, the lines name the tables that changed.
   */
  take(): Promise<string>;
  close(): Promise<void>;
}

/**
 * `alsoSkip`: tables a refused request of the spec's own changes on purpose (the sign-in limits'
 * counters, for the authentication routes).
 */
export async function openDatabaseFingerprint(
  databaseUrl: string,
  alsoSkip: readonly string[] = [],
): Promise<DatabaseFingerprint> {
  const skipped = new Set([...NOT_FINGERPRINTED, ...alsoSkip]);
  return databaseUrl.startsWith("file:")
    ? sqliteFingerprint(path.resolve(databaseUrl.slice("file:".length)), skipped)
    : postgresFingerprint(databaseUrl, skipped);
}

function sqliteFingerprint(file: string, skipped: ReadonlySet<string>): DatabaseFingerprint {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  const tables = (
    database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  )
    .map((row) => row.name)
    .filter((name) => !skipped.has(name) && !name.startsWith("sqlite_"));
  return {
    async take() {
      const lines: string[] = [];
      for (const table of tables) {
        const hash = createHash("sha256");
        for (const row of database.prepare(`SELECT * FROM "${table}" ORDER BY 1`).iterate()) {
          hash.update(
            JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? `${value}` : value)),
          );
        }
        lines.push(`${table}:${hash.digest("hex").slice(0, 16)}`);
      }
      return lines.join("\n");
    },
    async close() {
      database.close();
    },
  };
}

async function postgresFingerprint(
  url: string,
  skipped: ReadonlySet<string>,
): Promise<DatabaseFingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  const tables = rows.map((row) => row.table_name).filter((name) => !skipped.has(name));
  return {
    async take() {
      const lines: string[] = [];
      for (const table of tables) {
        const result = await client.query<{ digest: string | null }>(
          `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest FROM "${table}" t`,
        );
        lines.push(`${table}:${result.rows[0]?.digest ?? ""}`);
      }
      return lines.join("\n");
    },
    close: () => client.end(),
  };
}
