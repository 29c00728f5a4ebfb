// Development-time tooling: turns a change of prisma/models.prisma into a committed migration.
// `prisma migrate dev` does not work offline with driver adapters, so the SQL comes from
// `prisma migrate diff` between two datamodels: the snapshot stored with the newest migration and
// the current schema (docs/adr/0002-own-migration-runner.md).
import "server-only";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrationsDir, type Provider } from "./migrations";

export const PROVIDERS: Provider[] = ["sqlite", "postgres"];
export const SNAPSHOT_FILE = "schema.prisma";

/** The current schema of a provider as one file: its datasource block followed by the models. */
export function currentDatamodel(provider: Provider): string {
  const schemaDir = path.resolve("prisma", provider, "schema");
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => readFileSync(path.join(schemaDir, file), "utf8"))
    .join("\n");
}

/** The datamodel snapshot saved with the newest migration, or null before the first one. */
export function latestSnapshot(provider: Provider): string | null {
  const dir = migrationsDir(provider);
  if (!existsSync(dir)) return null;
  const latest = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .at(-1);
  if (!latest) return null;
  return readFileSync(path.join(dir, latest, SNAPSHOT_FILE), "utf8");
}

/** SQL that takes a database from `from` (null: empty) to `to`; "" when nothing changes. */
export function diffSql(from: string | null, to: string): string {
  const work = mkdtempSync(path.join(os.tmpdir(), "webhook-console-diff-"));
  try {
    const toFile = path.join(work, "to.prisma");
    writeFileSync(toFile, to);
    const fromArgs = ["--from-empty"];
    if (from !== null) {
      const fromFile = path.join(work, "from.prisma");
      writeFileSync(fromFile, from);
      fromArgs.splice(0, 1, "--from-schema-datamodel", fromFile);
    }
    const output = execFileSync(
      path.resolve("node_modules/.bin/prisma"),
      [
        "migrate",
        "diff",
        // The CLI insists on opening its driver adapter even for a pure diff; PostgreSQL's would
        // need a running server, so both providers diff through the in-memory SQLite adapter.
        // The SQL dialect follows the datamodel's provider, not the adapter's.
        "--config",
        path.resolve("prisma", "sqlite", "prisma.config.ts"),
        ...fromArgs,
        "--to-schema-datamodel",
        toFile,
        "--script",
      ],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, DATABASE_URL: ":memory:" },
      },
    );
    return isEmptyMigration(output) ? "" : output;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function isEmptyMigration(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}
