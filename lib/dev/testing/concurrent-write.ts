// Simulates another process (the dispatcher, a second console) writing a channel row at the same
// moment as the code under test: the other writer holds the row's lock until the code under test
// is waiting for it, then commits.
import { spawn } from "node:child_process";
import pg from "pg";
import type { DatabaseConfig } from "../../db/config";

/**
 * Sets "useWebhook" to false on a channel in a second connection whose transaction is still open
 * while `action` starts, and commits it once `action` has had to wait. Returns `action`'s outcome.
 */
export async function turnUseWebhookOffDuring<T>(
  config: DatabaseConfig,
  channelId: string,
  action: () => Promise<T>,
): Promise<PromiseSettledResult<T>> {
  return config.provider === "postgres"
    ? postgresWriterDuring(config.url, channelId, action)
    : sqliteWriterDuring(config.filePath, channelId, action);
}

async function postgresWriterDuring<T>(
  url: string,
  channelId: string,
  action: () => Promise<T>,
): Promise<PromiseSettledResult<T>> {
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  try {
    await other.query("BEGIN");
    await other.query(`UPDATE "Channel" SET "useWebhook" = false WHERE "id" = $1`, [channelId]);
    const outcome = settle(action());
    // Commit only once the action waits for our row lock, or (if it never takes one) has ended.
    let settled = false;
    void outcome.then(() => {
      settled = true;
    });
    for (let waited = 0; !settled && !(await someoneWaitsForALock(other)); waited += 10) {
      if (waited > 10_000) throw new Error("The action neither finished nor waited for the lock");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await other.query("COMMIT");
    return await outcome;
  } finally {
    await other.end();
  }
}

async function someoneWaitsForALock(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
     WHERE wait_event_type = 'Lock' AND datname = current_database()`,
  );
  return (rows[0]?.waiting ?? 0) > 0;
}

// better-sqlite3 blocks its thread while it waits for a lock, so the other writer has to be
// another process. SQLite cannot tell who waits: the writer commits after a fixed delay.
const SQLITE_WRITER = `
const Database = require("better-sqlite3");
const [, file, id, holdMs] = process.argv;
const db = new Database(file);
db.exec("BEGIN IMMEDIATE");
db.prepare('UPDATE "Channel" SET "useWebhook" = 0 WHERE "id" = ?').run(id);
process.stdout.write("locked\\n");
setTimeout(() => { db.exec("COMMIT"); db.close(); }, Number(holdMs));
`;

async function sqliteWriterDuring<T>(
  filePath: string,
  channelId: string,
  action: () => Promise<T>,
): Promise<PromiseSettledResult<T>> {
  const child = spawn(process.execPath, ["-e", SQLITE_WRITER, filePath, channelId, "300"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    exited.then(
      (code) => reject(new Error(`SQLite writer exited (${code}) before taking the lock`)),
      reject,
    );
  });
  const outcome = await settle(action());
  const code = await exited;
  if (code !== 0) throw new Error(`SQLite writer failed with exit code ${code}`);
  return outcome;
}

function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: "fulfilled", value }),
    (reason: unknown) => ({ status: "rejected", reason }),
  );
}
