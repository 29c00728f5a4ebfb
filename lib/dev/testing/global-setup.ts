// Global setup of the `integration` project: one PostgreSQL server for the whole run, handed to
// the tests as `inject("postgresUrl")`. TEST_POSTGRES_URL points the tests at an existing server
// instead (its user needs CREATEDB: every test database is created and dropped on it).
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabaseTemplates } from "./database-templates";
import { startPostgresServer } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server; see lib/dev/testing/test-database.ts. */
    postgresUrl: string;
    /** The migrated SQLite file each test database is a copy of. */
    sqliteTemplate: string;
    /** The migrated PostgreSQL database each test database is created from. */
    postgresTemplate: string;
  }
}

/** Migrates the run's two template databases and hands them to the tests; their teardown. */
async function provideTemplates(project: TestProject, adminUrl: string) {
  const templates = await createDatabaseTemplates(adminUrl);
  project.provide("sqliteTemplate", templates.sqliteFile);
  project.provide("postgresTemplate", templates.postgresName);
  return () => templates.drop();
}

export default async function setup(project: TestProject) {
  const existing = process.env.TEST_POSTGRES_URL?.trim();
  if (existing) {
    await checkServer(existing);
    project.provide("postgresUrl", existing);
    return provideTemplates(project, existing);
  }
  const server = await startPostgresServer();
  // Teardown does not run when the process is killed by a signal; stop the server then too.
  const stopOnSignal = (signal: NodeJS.Signals) => {
    server.stop();
    // Without other listeners, Node would not end on this signal any more: re-raise it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  process.once("exit", server.stop);
  project.provide("postgresUrl", server.url);
  const dropTemplates = await provideTemplates(project, server.url);
  return async () => {
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
    process.off("exit", server.stop);
    await dropTemplates().catch(() => {});
    server.stop();
  };
}

/** Fails the run once, clearly, instead of every PostgreSQL test with the same error. */
async function checkServer(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(`TEST_POSTGRES_URL: cannot use ${url}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => {});
  }
}
