// A PostgreSQL transaction of the SQL driver left idle (its process frozen between two of its
// statements) is ended by the server after IDLE_IN_TRANSACTION_MS, which releases its row locks:
// a frozen worker cannot keep a channel locked out of every other worker's claims.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../dev/testing/test-database";
import { IDLE_IN_TRANSACTION_MS, openSqlConnection } from "./sql-driver";

describe("the SQL driver on PostgreSQL", () => {
  const database = useTestDatabase("postgres");

  it("ends a transaction left idle, and its locks with it", { timeout: 30_000 }, async () => {
    const { config } = database();
    const frozen = openSqlConnection(config, { postgresPoolSize: 1 });
    const other = openSqlConnection(config, { postgresPoolSize: 1 });
    try {
      await other.query(`CREATE TABLE "Lockable" ("id" INTEGER PRIMARY KEY)`);
      await other.query(`INSERT INTO "Lockable" ("id") VALUES (1)`);
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const transaction = frozen.transaction(async (tx) => {
        await tx.query(`SELECT "id" FROM "Lockable" WHERE "id" = $1 FOR UPDATE`, [1]);
        await held; // frozen: no statement, the transaction open
        await tx.query(`SELECT 1`, []);
      });
      const lockedRows = () =>
        other.query<{ id: number }>(`SELECT "id" FROM "Lockable" FOR UPDATE SKIP LOCKED`, []);
      await expect.poll(async () => (await lockedRows()).length, { timeout: 2_000 }).toBe(0);
      const started = Date.now();
      await expect
        .poll(async () => (await lockedRows()).length, { timeout: IDLE_IN_TRANSACTION_MS * 3 })
        .toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_IN_TRANSACTION_MS - 2_000);
      release();
      // Resumed, the frozen transaction finds its session ended: it fails, nothing commits.
      await expect(transaction).rejects.toThrow();
    } finally {
      await frozen.close();
      await other.close();
    }
  });
});
