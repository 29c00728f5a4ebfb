// Several processes write to one SQLite file, as the console and its dispatcher process do: every
// transaction commits, none fails with SQLITE_BUSY (client.ts, ImmediateTransactions).
import { fork } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../dev/testing/test-database";

const PROCESSES = 3;
const TRANSACTIONS = 150;

describe("SQLite shared by several processes", () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.cleanup();
  });

  it("commits every read-then-write transaction of three processes at once", async () => {
    database = await createTestDatabase("sqlite");
    const { config } = database;
    if (config.provider !== "sqlite") throw new Error("expected SQLite");
    const failures = await Promise.all(
      Array.from({ length: PROCESSES }, (_, n) => {
        const child = fork(
          "lib/dev/testing/sqlite-writer-process.mts",
          [String(TRANSACTIONS), `w${n}`],
          {
            execArgv: ["--conditions=react-server", "--import", "tsx"],
            env: { ...process.env, DATABASE_URL: `file:${config.filePath}` },
          },
        );
        return new Promise<number>((resolve, reject) => {
          child.once("message", (message: { failed: number }) => resolve(message.failed));
          child.once("exit", (code) =>
            reject(new Error(`writer exited (${code}) without a report`)),
          );
        });
      }),
    );
    expect(failures).toEqual(Array(PROCESSES).fill(0));
    expect(await database.db.provider.count()).toBe(PROCESSES * TRANSACTIONS);
  }, 60_000);
});
