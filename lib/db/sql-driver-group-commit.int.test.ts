// Transactions asked for at once on one SQLite driver connection share a commit (group commit),
// and each still stands or falls on its own.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { SqlConnection } from "./sql";
import { openSqlConnection } from "./sql-driver";

let dir: string;
let db: SqlConnection;

async function open(): Promise<SqlConnection> {
  dir = mkdtempSync(path.join(os.tmpdir(), "group-commit-"));
  db = openSqlConnection({ provider: "sqlite", filePath: path.join(dir, "test.db") });
  await db.query(`CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL UNIQUE)`);
  return db;
}

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (text: string) => (tx: Parameters<Parameters<SqlConnection["transaction"]>[0]>[0]) =>
  tx.query(`INSERT INTO "Note" ("text") VALUES (?) RETURNING "id"`, [text]);

const notes = async () =>
  (await db.query<{ text: string }>(`SELECT "text" FROM "Note" ORDER BY "id"`)).map((r) => r.text);

describe("group commit on a SQLite driver connection", () => {
  it("transactions asked for together commit once, each with its own result", async () => {
    await open();
    await db.transaction(insert("first")); // one alone: BEGIN, INSERT, COMMIT
    const before = db.statements;
    const results = await Promise.all(["a", "b", "c"].map((text) => db.transaction(insert(text))));
    expect(results.map((rows) => rows.length)).toEqual([1, 1, 1]);
    // BEGIN, then SAVEPOINT, INSERT, RELEASE for each, then one COMMIT.
    expect(db.statements - before).toBe(1 + 3 * 3 + 1);
    expect(await notes()).toEqual(["first", "a", "b", "c"]);
  });

  it("one that fails is undone alone; the others commit", async () => {
    await open();
    const outcomes = await Promise.allSettled([
      db.transaction(insert("kept")),
      db.transaction(async (tx) => {
        await insert("undone")(tx);
        await insert("kept")(tx); // UNIQUE: throws, and takes "undone" back with it
      }),
      db.transaction(insert("also kept")),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await notes()).toEqual(["kept", "also kept"]);
  });

  it("one alone that fails is rolled back whole, as before", async () => {
    await open();
    await expect(
      db.transaction(async (tx) => {
        await insert("x")(tx);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await notes()).toEqual([]);
    await db.transaction(insert("y"));
    expect(await notes()).toEqual(["y"]);
  });

  it("nothing resolves before the commit: a failed commit fails every one of the group", async () => {
    await open();
    // A deferred foreign key fails only at COMMIT, whichever transaction broke it.
    await db.query(`PRAGMA foreign_keys = ON`);
    await db.query(
      `CREATE TABLE "Child" ("id" INTEGER PRIMARY KEY, "noteId" INTEGER NOT NULL
        REFERENCES "Note" ("id") DEFERRABLE INITIALLY DEFERRED)`,
    );
    const outcomes = await Promise.allSettled([
      db.transaction(insert("a")),
      db.transaction((tx) => tx.query(`INSERT INTO "Child" ("noteId") VALUES (999)`)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect(await notes()).toEqual([]);
    await db.transaction(insert("after"));
    expect(await notes()).toEqual(["after"]);
  });
});
