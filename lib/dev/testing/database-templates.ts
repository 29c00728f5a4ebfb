// One migrated database of each kind per test run, which every test database is cloned from: a
// copied SQLite file, or PostgreSQL's CREATE DATABASE … TEMPLATE. Applying every migration for
// each test took most of the integration suite's time; a clone gives the same schema (the
// migration runner's own table included) at a fraction of the cost: on PostgreSQL, 20 ms to
// copy the template where an empty database took 100 and its migrations 170. The migrations
// themselves are tested on empty databases (lib/db/migrate.int.test.ts).
import "server-only";
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../db/migrate";
import { scratchDir } from "./scratch-dir";

export interface DatabaseTemplates {
  /** The migrated SQLite file to copy. */
  sqliteFile: string;
  /** The migrated PostgreSQL database to create test databases from. */
  postgresName: string;
  drop(): Promise<void>;
}

export async function withPostgresAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Migrates one database of each kind; `adminUrl` is the test PostgreSQL server's. */
export async function createDatabaseTemplates(adminUrl: string): Promise<DatabaseTemplates> {
  const dir = mkdtempSync(path.join(scratchDir(), "webhook-console-template-"));
  const sqliteFile = path.join(dir, "template.db");
  // migrate() closes its connection, which folds the WAL into the file: the file alone is whole.
  await migrate({ provider: "sqlite", filePath: sqliteFile });
  const postgresName = `template_${process.pid}_${Date.now().toString(36)}`;
  await withPostgresAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${postgresName}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${postgresName}`;
  await migrate({ provider: "postgres", url: url.toString() });
  // No connection to it from now on, autovacuum's included: CREATE DATABASE waits for every
  // session on its template to end, and autovacuum, which visits new databases at once, made
  // each copy wait 200 ms for its worker.
  await withPostgresAdmin(adminUrl, (client) =>
    client.query(`ALTER DATABASE "${postgresName}" WITH ALLOW_CONNECTIONS false`),
  );
  return {
    sqliteFile,
    postgresName,
    async drop() {
      rmSync(dir, { recursive: true, force: true });
      await withPostgresAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${postgresName}" WITH (FORCE)`),
      );
    },
  };
}
