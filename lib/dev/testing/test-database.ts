// Fresh databases for integration tests, one kind per provider: a new SQLite file in a temporary
// directory, or a new database (CREATE DATABASE) on the test PostgreSQL server. A migrated one is
// a clone of the run's template (lib/dev/testing/database-templates.ts). Each comes with a cleanup
// that disconnects and deletes it, so tests never share state.
import "server-only";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { createDbClient, type Db } from "../../db/client";
import type { DatabaseConfig } from "../../db/config";
import { PROVIDERS } from "../../db/migration-authoring";
import type { Provider } from "../../db/migrations";
import { scratchDir } from "./scratch-dir";

/** Every integration test runs on each database the console supports. */
export const TEST_PROVIDERS: Provider[] = PROVIDERS;

export interface EmptyDatabase {
  config: DatabaseConfig;
  /** Deletes the database. Idempotent. */
  drop(): Promise<void>;
}

export interface TestDatabase {
  provider: Provider;
  config: DatabaseConfig;
  db: Db;
  /** Disconnects the client and deletes the database. Idempotent. */
  cleanup(): Promise<void>;
}

/** An empty database (no tables at all) of the given kind. */
export async function createEmptyDatabase(provider: Provider): Promise<EmptyDatabase> {
  return provider === "postgres" ? createEmptyPostgresDatabase() : createEmptySqliteDatabase();
}

/**
 * A database with every committed migration applied, and a Prisma client connected to it: a clone
 * of the run's migrated template.
 */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  const empty =
    provider === "postgres"
      ? await createEmptyPostgresDatabase(inject("postgresTemplate"))
      : createEmptySqliteDatabase(inject("sqliteTemplate"));
  let db: Db | undefined;
  const cleanup = async () => {
    const client = db;
    db = undefined;
    try {
      await client?.$disconnect();
    } finally {
      await empty.drop();
    }
  };
  try {
    db = createDbClient(empty.config);
    return { provider, config: empty.config, db, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Registers hooks giving every test (scope "each", the default) or the enclosing describe block
 * (scope "all") its own migrated database; call the returned function inside a test to get it.
 */
export function useTestDatabase(
  provider: Provider,
  { scope = "each" }: { scope?: "each" | "all" } = {},
): () => TestDatabase {
  let current: TestDatabase | undefined;
  const setUp = async () => {
    current = await createTestDatabase(provider);
  };
  const tearDown = async () => {
    const database = current;
    current = undefined;
    await database?.cleanup();
  };
  if (scope === "all") {
    beforeAll(setUp);
    afterAll(tearDown);
  } else {
    beforeEach(setUp);
    afterEach(tearDown);
  }
  return () => {
    if (!current) throw new Error("useTestDatabase: no database outside a test");
    return current;
  };
}

/** A new SQLite file: empty, or a copy of `template`. */
function createEmptySqliteDatabase(template?: string): EmptyDatabase {
  const dir = mkdtempSync(path.join(scratchDir(), "webhook-console-test-"));
  const filePath = path.join(dir, "test.db");
  if (template) copyFileSync(template, filePath);
  return {
    config: { provider: "sqlite", filePath },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let databaseCounter = 0;

/** A new PostgreSQL database: empty, or a copy of `template`. */
async function createEmptyPostgresDatabase(template?: string): Promise<EmptyDatabase> {
  const adminUrl = inject("postgresUrl");
  // Unique across test files (one process each, possibly at once) and across runs against a
  // shared TEST_POSTGRES_URL server; only [a-z0-9_], so it needs no quoting rules beyond "".
  const name = `test_${process.pid}_${Date.now().toString(36)}_${++databaseCounter}`;
  // FILE_COPY copies the template's files: about 20 ms, where WAL_LOG (the default) logs every
  // page and takes half as long again.
  const from = template ? ` TEMPLATE "${template}" STRATEGY FILE_COPY` : "";
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"${from}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    config: { provider: "postgres", url: url.toString() },
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE ends connections a failed test may have leaked, so the drop cannot hang.
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

let admin: Promise<pg.Client> | undefined;

/**
 * One administrative connection per test process, kept open: a connection of its own for each
 * CREATE and DROP cost more than the statement. Its socket does not keep the process alive.
 */
async function adminQuery(url: string, sql: string): Promise<void> {
  admin ??= (async () => {
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {
      admin = undefined;
    });
    await client.connect();
    (client as unknown as { connection: { stream: { unref(): void } } }).connection.stream.unref();
    return client;
  })();
  const client = await admin.catch((error: unknown) => {
    admin = undefined;
    throw error;
  });
  await client.query(sql);
}
