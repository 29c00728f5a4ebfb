import "server-only";
import path from "node:path";
import { InvalidSettingError } from "../settings/read-env";

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
    if (!filePath) throw new InvalidSettingError("DATABASE_URL", "a file: URL with a path", url);
    return { provider: "sqlite", filePath: path.resolve(filePath) };
  }
  throw new InvalidSettingError(
    "DATABASE_URL",
    "empty (embedded SQLite), a file: URL (SQLite) or a postgres:// URL",
    // A URL may hold a password: show only its scheme.
    url.includes("://") ? `${url.split("://")[0]}://…` : url,
  );
}
