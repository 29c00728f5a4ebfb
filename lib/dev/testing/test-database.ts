// Fresh databases for integration tests, one kind per provider: a new SQLite file in a temporary
// directory, or a new database (CREATE DATABASE) on the test PostgreSQL server. Each comes with a
// cleanup that disconnects and deletes it, so tests never share state.
import "server-only";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { createDbClient, type Db } from "../../db/client";
import type { DatabaseConfig } from "../../db/config";
import { migrate } from "../../db/migrate";
import { PROVIDERS } from "../../db/migration-authoring";
import type { Provider } from "../../db/migrations";

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

/** A database with every committed migration applied, and a Prisma client connected to it. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(provider);
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
    await migrate(empty.config);
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

function createEmptySqliteDatabase(): EmptyDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), "webhook-console-test-"));
  return {
    config: { provider: "sqlite", filePath: path.join(dir, "test.db") },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let databaseCounter = 0;

async function createEmptyPostgresDatabase(): Promise<EmptyDatabase> {
  const adminUrl = inject("postgresUrl");
  // Unique across test files (one process each, possibly at once) and across runs against a
  // shared TEST_POSTGRES_URL server; only [a-z0-9_], so it needs no quoting rules beyond "".
  const name = `test_${process.pid}_${Date.now().toString(36)}_${++databaseCounter}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    config: { provider: "postgres", url: url.toString() },
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE ends connections a failed test may have leaked, so the drop cannot hang.
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
