import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadMigrations, type Migration, migrationsDir, pendingMigrations } from "./migrations";

function migration(name: string, sql = `-- ${name}`): Migration {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

const first = migration("20260101000000_init");
const second = migration("20260201000000_add_webhooks");
const third = migration("20260301000000_add_statistics");
const applied = (...migrations: Migration[]) =>
  migrations.map(({ name, checksum }) => ({ name, checksum }));

describe("pendingMigrations", () => {
  it("returns every migration for an empty database", () => {
    expect(pendingMigrations([first, second], [])).toEqual([first, second]);
  });

  it("returns only the migrations not applied yet, in order", () => {
    expect(pendingMigrations([first, second, third], applied(first))).toEqual([second, third]);
  });

  it("returns nothing when all are applied", () => {
    expect(pendingMigrations([first, second], applied(first, second))).toEqual([]);
  });

  it("refuses a migration edited after it was applied", () => {
    const edited = { ...second, sql: `${second.sql}\n-- edited`, checksum: "0".repeat(64) };
    expect(() => pendingMigrations([first, edited, third], applied(first, second))).toThrow(
      "Migration 20260201000000_add_webhooks was edited after it was applied (checksum differs)",
    );
  });

  it("refuses a database with a migration the code does not have", () => {
    expect(() => pendingMigrations([first, third], applied(first, second))).toThrow(
      "Migration 20260201000000_add_webhooks was applied to this database but is not in the code",
    );
  });
});

describe("loadMigrations", () => {
  let prismaDir: string;
  beforeEach(() => {
    prismaDir = mkdtempSync(path.join(os.tmpdir(), "webhook-console-migrations-"));
    vi.stubEnv("WEBHOOK_CONSOLE_PRISMA_DIR", prismaDir);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(prismaDir, { recursive: true, force: true });
  });

  function write(name: string, sql: string) {
    const dir = path.join(prismaDir, "sqlite", "migrations", name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
  }

  it("reads migration folders in name order, with a SHA-256 checksum of the SQL", () => {
    write("20260201000000_second", "CREATE TABLE b (id INT);");
    write("20260101000000_first", "CREATE TABLE a (id INT);");
    writeFileSync(path.join(prismaDir, "sqlite", "migrations", "migration_lock.toml"), "x");

    expect(migrationsDir("sqlite")).toBe(path.join(prismaDir, "sqlite", "migrations"));
    expect(loadMigrations("sqlite")).toEqual([
      migration("20260101000000_first", "CREATE TABLE a (id INT);"),
      migration("20260201000000_second", "CREATE TABLE b (id INT);"),
    ]);
  });

  it("changes the checksum when the SQL changes", () => {
    write("20260101000000_first", "CREATE TABLE a (id INT);");
    const [before] = loadMigrations("sqlite");
    write("20260101000000_first", "CREATE TABLE a (id BIGINT);");
    const [after] = loadMigrations("sqlite");
    expect(after?.checksum).not.toBe(before?.checksum);
  });
});

describe("committed migrations", () => {
  it.each(["sqlite", "postgres"] as const)("exist for %s", (provider) => {
    const migrations = loadMigrations(provider);
    expect(migrations.length).toBeGreaterThan(0);
    for (const { name, sql } of migrations) {
      expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(sql.trim()).not.toBe("");
    }
  });
});
