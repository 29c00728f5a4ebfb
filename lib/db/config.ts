import path from "node:path";

/** Which database the console talks to, derived from `DATABASE_URL` alone. */
export type DatabaseConfig =
  | { provider: "sqlite"; filePath: string }
  | { provider: "postgres"; url: string };

export const DEFAULT_SQLITE_FILE = "data/console.db";

/**
 * `DATABASE_URL` unset → the embedded SQLite file `data/console.db`;
 * `file:<path>` → that SQLite file (relative paths resolve against the working directory);
 * `postgres://` or `postgresql://` → PostgreSQL.
 */
export function resolveDatabaseConfig(databaseUrl = process.env.DATABASE_URL): DatabaseConfig {
  const url = databaseUrl?.trim();
  if (!url) {
    return { provider: "sqlite", filePath: path.resolve(DEFAULT_SQLITE_FILE) };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { provider: "postgres", url };
  }
  if (url.startsWith("file:")) {
    const filePath = url.slice("file:".length);
    if (!filePath) throw new Error("DATABASE_URL: file: URL has no path");
    return { provider: "sqlite", filePath: path.resolve(filePath) };
  }
  throw new Error(
    "DATABASE_URL must be empty (embedded SQLite), a file: URL (SQLite) or a postgres:// URL",
  );
}
