import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createEmptyDatabase,
  type EmptyDatabase,
  TEST_PROVIDERS,
} from "../dev/testing/test-database";
import { createDbClient } from "./client";
import type { DatabaseConfig } from "./config";
import { migrate } from "./migrate";
import { loadMigrations, type Provider } from "./migrations";

/** Runs one query against the database outside Prisma, as a second process would see it. */
async function query<Row>(config: DatabaseConfig, sql: string): Promise<Row[]> {
  if (config.provider === "sqlite") {
    const sqlite = new Database(config.filePath, { readonly: true });
    try {
      return sqlite.prepare(sql).all() as Row[];
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** Runs statements against the database outside Prisma (rows a client of an older schema wrote). */
async function execute(config: DatabaseConfig, statements: string[]): Promise<void> {
  if (config.provider === "sqlite") {
    const sqlite = new Database(config.filePath);
    try {
      for (const sql of statements) sqlite.exec(sql);
    } finally {
      sqlite.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

const tableNamesSql: Record<Provider, string> = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  postgres:
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
};

describe.each(TEST_PROVIDERS)("migrate on %s", (provider) => {
  let database: EmptyDatabase;
  beforeEach(async () => {
    database = await createEmptyDatabase(provider);
  });
  afterEach(async () => {
    await database.drop();
  });

  it("applies every committed migration to an empty database, in order", async () => {
    const committed = loadMigrations(provider).map((m) => m.name);
    expect(committed.length).toBeGreaterThan(0);

    const result = await migrate(database.config);

    expect(result).toEqual({ provider, applied: committed });
    const tables = await query<{ name: string }>(database.config, tableNamesSql[provider]);
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["Channel", "Provider", "_console_migrations"]),
    );
    const tracked = await query<{ name: string }>(
      database.config,
      `SELECT name FROM "_console_migrations" ORDER BY name`,
    );
    expect(tracked.map((t) => t.name)).toEqual(committed);
  });

  it("leaves a database the Prisma client can use", async () => {
    await migrate(database.config);
    const db = createDbClient(database.config);
    try {
      const provider = await db.provider.create({ data: { id: "1234567890", name: "Acme" } });
      await db.channel.create({
        data: {
          id: "2234567890",
          providerId: provider.id,
          name: "Bot",
          channelSecret: "0".repeat(32),
          botUserId: `U${"0".repeat(32)}`,
        },
      });
      // The foreign key cascades: deleting the provider deletes its channels.
      await db.provider.delete({ where: { id: provider.id } });
      expect(await db.channel.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("applies nothing when run again", async () => {
    await migrate(database.config);
    expect(await migrate(database.config)).toEqual({ provider, applied: [] });
  });

  it("applies each migration once when two processes start at the same time", async () => {
    const results = await Promise.all([migrate(database.config), migrate(database.config)]);
    const applied = results.flatMap((r) => r.applied);
    expect(applied.sort()).toEqual(loadMigrations(provider).map((m) => m.name));
  });

  describe("with a copy of the migrations", () => {
    let prismaDir: string;
    let migrationsDir: string;
    beforeEach(() => {
      prismaDir = mkdtempSync(path.join(os.tmpdir(), "webhook-console-migrations-"));
      migrationsDir = path.join(prismaDir, provider, "migrations");
      cpSync(path.resolve("prisma", provider, "migrations"), migrationsDir, { recursive: true });
      vi.stubEnv("WEBHOOK_CONSOLE_PRISMA_DIR", prismaDir);
    });
    afterEach(() => {
      vi.unstubAllEnvs();
      rmSync(prismaDir, { recursive: true, force: true });
    });

    function addMigration(name: string, sql: string) {
      mkdirSync(path.join(migrationsDir, name));
      writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
    }

    it("applies only a migration added since the last run", async () => {
      await migrate(database.config);
      addMigration("99990101000000_add_note", `CREATE TABLE "Note" ("id" TEXT NOT NULL);`);

      expect(await migrate(database.config)).toEqual({
        provider,
        applied: ["99990101000000_add_note"],
      });
      expect(await query(database.config, `SELECT * FROM "Note"`)).toEqual([]);
    });

    it("refuses a database whose applied migration was edited since", async () => {
      await migrate(database.config);
      const [first] = loadMigrations(provider);
      if (!first) throw new Error("no committed migration");
      writeFileSync(
        path.join(migrationsDir, first.name, "migration.sql"),
        `${first.sql}\n-- edit\n`,
      );

      await expect(migrate(database.config)).rejects.toThrow(
        `Migration ${first.name} was edited after it was applied`,
      );
    });

    it("refuses a database whose applied migration was removed since", async () => {
      addMigration("99990101000000_add_note", `CREATE TABLE "Note" ("id" TEXT NOT NULL);`);
      await migrate(database.config);
      rmSync(path.join(migrationsDir, "99990101000000_add_note"), { recursive: true });

      await expect(migrate(database.config)).rejects.toThrow(
        "Migration 99990101000000_add_note was applied to this database but is not in the code",
      );
    });

    it("applies nothing at all when one migration fails", async () => {
      addMigration(
        "99990101000000_broken",
        `CREATE TABLE "Note" ("id" TEXT NOT NULL);\nINSERT INTO "NoSuchTable" VALUES (1);`,
      );

      await expect(migrate(database.config)).rejects.toThrow(/NoSuchTable/);

      const tables = await query<{ name: string }>(database.config, tableNamesSql[provider]);
      const names = tables.map((t) => t.name);
      expect(names).not.toContain("Note");
      expect(names).not.toContain("Provider");
      // The failed run is not recorded, so fixing the migration and re-running works.
      addMigration("99990101000000_broken_fixed", "SELECT 1;");
      rmSync(path.join(migrationsDir, "99990101000000_broken"), { recursive: true });
      expect((await migrate(database.config)).applied).toContain("99990101000000_broken_fixed");
    });

    /**
     * Migrates to just before `name`, writes rows as a client of that schema would, then runs the
     * rest: the names of the migrations applied in the second run.
     */
    async function migrateAcross(name: string, statements: string[]): Promise<string[]> {
      const later = loadMigrations(provider)
        .map((m) => m.name)
        .filter((migration) => migration >= name);
      const aside = path.join(prismaDir, "aside");
      mkdirSync(aside);
      for (const migration of later) {
        cpSync(path.join(migrationsDir, migration), path.join(aside, migration), {
          recursive: true,
        });
        rmSync(path.join(migrationsDir, migration), { recursive: true });
      }
      await migrate(database.config);
      await execute(database.config, statements);
      for (const migration of later) {
        cpSync(path.join(aside, migration), path.join(migrationsDir, migration), {
          recursive: true,
        });
      }
      const { applied } = await migrate(database.config);
      expect(applied).toEqual(later);
      return applied;
    }

    it("adds up the days of hourly latency histograms stored before the daily tier existed", async () => {
      // Text as the SQLite client stores instants; PostgreSQL reads the same literal.
      const instant = (iso: string) =>
        provider === "sqlite" ? `'${iso.replace("Z", "+00:00")}'` : `'${iso}'`;
      await migrateAcross("20261127221150_delivery_day_rollups", [
        `INSERT INTO "Provider" ("id", "name") VALUES ('1000000000', 'P')`,
        `INSERT INTO "Channel" ("id", "providerId", "name", "channelSecret", "botUserId",
          "updatedAt") VALUES ('2000000000', '1000000000', 'C', 's', 'U1', CURRENT_TIMESTAMP)`,
        // 14:00 UTC is 23:00 in UTC+9 (the day of the 26th there); 15:00 UTC starts the 27th.
        `INSERT INTO "DeliveryRollupHour" ("channelId", "hourStart", "bucket", "count") VALUES
          ('2000000000', ${instant("2026-11-26T14:00:00.000Z")}, -1, 2),
          ('2000000000', ${instant("2026-11-26T14:00:00.000Z")}, 7, 3),
          ('2000000000', ${instant("2026-11-26T01:00:00.000Z")}, 7, 4),
          ('2000000000', ${instant("2026-11-26T15:00:00.000Z")}, 7, 5)`,
      ]);
      const client = createDbClient(database.config);
      try {
        const days = await client.deliveryRollupDay.findMany({
          orderBy: [{ dayStart: "asc" }, { bucket: "asc" }],
        });
        expect(days.map((d) => [d.dayStart.toISOString(), d.bucket, d.count])).toEqual([
          ["2026-11-25T15:00:00.000Z", -1, 2],
          ["2026-11-25T15:00:00.000Z", 7, 7],
          ["2026-11-26T15:00:00.000Z", 7, 5],
        ]);
      } finally {
        await client.$disconnect();
      }
    });

    it("indexes the events of webhooks stored before the event index existed", async () => {
      const events = (ids: string[]) =>
        JSON.stringify(ids.map((id) => ({ type: "message", webhookEventId: id })));
      await migrateAcross("20261127213214_webhook_event_index", [
        `INSERT INTO "Provider" ("id", "name") VALUES ('1000000000', 'P')`,
        `INSERT INTO "Channel" ("id", "providerId", "name", "channelSecret", "botUserId",
          "updatedAt") VALUES ('2000000000', '1000000000', 'C', 's', 'U1', CURRENT_TIMESTAMP)`,
        `INSERT INTO "Webhook" ("id", "channelId", "events", "status", "updatedAt") VALUES
          ('01JWEBHOOK0000000000000001', '2000000000', '${events(["01JEVENT000000000000000001", "01JEVENT000000000000000002"])}', 'delivered', CURRENT_TIMESTAMP),
          ('01JWEBHOOK0000000000000002', '2000000000', '${events(["01JEVENT000000000000000003"])}', 'pending', CURRENT_TIMESTAMP),
          ('01JWEBHOOK0000000000000003', '2000000000', '[]', 'failed', CURRENT_TIMESTAMP)`,
      ]);
      expect(
        await query(
          database.config,
          `SELECT "webhookEventId", "webhookId" FROM "WebhookEvent" ORDER BY "webhookEventId"`,
        ),
      ).toEqual([
        { webhookEventId: "01JEVENT000000000000000001", webhookId: "01JWEBHOOK0000000000000001" },
        { webhookEventId: "01JEVENT000000000000000002", webhookId: "01JWEBHOOK0000000000000001" },
        { webhookEventId: "01JEVENT000000000000000003", webhookId: "01JWEBHOOK0000000000000002" },
      ]);
    });
  });
});
