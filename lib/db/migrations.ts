import "server-only";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseConfig } from "./config";

export interface Migration {
  /** Folder name, e.g. `20261127000000_init`; the order of names is the order of application. */
  name: string;
  sql: string;
  checksum: string;
}

export type Provider = DatabaseConfig["provider"];

/** Root of the committed migrations; `prisma/<provider>/migrations/<name>/migration.sql`. */
export function migrationsDir(provider: Provider): string {
  return path.resolve(process.env.WEBHOOK_CONSOLE_PRISMA_DIR ?? "prisma", provider, "migrations");
}

export function loadMigrations(provider: Provider): Migration[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export interface AppliedMigration {
  name: string;
  checksum: string;
}

/**
 * Which migrations still need to run. Refuses to go on when an applied migration was edited or
 * removed afterwards: the database would no longer match what the code expects.
 */
export function pendingMigrations(all: Migration[], applied: AppliedMigration[]): Migration[] {
  const known = new Map(all.map((m) => [m.name, m]));
  for (const done of applied) {
    const migration = known.get(done.name);
    if (!migration) {
      throw new Error(`Migration ${done.name} was applied to this database but is not in the code`);
    }
    if (migration.checksum !== done.checksum) {
      throw new Error(`Migration ${done.name} was edited after it was applied (checksum differs)`);
    }
  }
  const appliedNames = new Set(applied.map((m) => m.name));
  return all.filter((m) => !appliedNames.has(m.name));
}
