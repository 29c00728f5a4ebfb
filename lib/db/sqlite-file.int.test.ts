// The SQLite file holds channel secrets and every webhook's content: created the way the server
// creates it (migrations at start-up, then the Prisma client), it and its companions must be
// readable by the console's own user alone.
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDbClient } from "./client";
import type { DatabaseConfig } from "./config";
import { migrate } from "./migrate";
import { createPrivateSqliteFile } from "./sqlite-file";

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe("a fresh SQLite database", () => {
  let root: string;
  let previousUmask: number;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "webhook-console-mode-"));
    // The usual umask, which would leave a file SQLite creates itself at 0644.
    previousUmask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(previousUmask);
    rmSync(root, { recursive: true, force: true });
  });

  it("is 0600 with its -wal and -shm, in a 0700 data directory, as the server creates it", async () => {
    const config: DatabaseConfig = {
      provider: "sqlite",
      filePath: path.join(root, "data", "console.db"),
    };
    await migrate(config);
    const db = createDbClient(config);
    try {
      // A write through the server's client, with the migration's WAL mode: -wal and -shm exist.
      await db.provider.create({ data: { id: "1234567890", name: "Mode check" } });
      expect(existsSync(`${config.filePath}-wal`)).toBe(true);
      expect(existsSync(`${config.filePath}-shm`)).toBe(true);
      expect(modeOf(config.filePath)).toBe("600");
      expect(modeOf(`${config.filePath}-wal`)).toBe("600");
      expect(modeOf(`${config.filePath}-shm`)).toBe("600");
      expect(modeOf(path.join(root, "data"))).toBe("700");
    } finally {
      await db.$disconnect();
    }
  });

  it("gives a rollback -journal the file's 0600 too", () => {
    const filePath = path.join(root, "journal.db");
    createPrivateSqliteFile(filePath);
    const sqlite = new Database(filePath);
    try {
      sqlite.pragma("journal_mode = DELETE");
      sqlite.exec("CREATE TABLE t (x INTEGER)");
      sqlite.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (1)");
      expect(existsSync(`${filePath}-journal`)).toBe(true);
      expect(modeOf(`${filePath}-journal`)).toBe("600");
      sqlite.exec("COMMIT");
    } finally {
      sqlite.close();
    }
  });

  it("leaves an existing file's permissions as its owner set them", async () => {
    const filePath = path.join(root, "shared.db");
    new Database(filePath).close();
    const before = modeOf(filePath);
    await migrate({ provider: "sqlite", filePath });
    expect(modeOf(filePath)).toBe(before);
  });
});
