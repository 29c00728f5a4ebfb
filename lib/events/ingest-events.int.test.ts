// Storing events for sending on SQLite and PostgreSQL, through the driver as the events route
// does: all of a request's webhooks and their events' ids, or, when the channel does not send,
// none of either (on PostgreSQL one statement does both, ADR 24).
import { describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import { openSqlConnection } from "../db/sql-driver";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { NotFoundError } from "../errors";
import { createProvider } from "../providers/create-provider";
import { ingestWebhooks } from "./ingest-events";

const ACTOR = "tester@example.com";
const text = (i: number) => ({
  type: "message" as const,
  message: { type: "text" as const, text: `m${i}` },
});

describe.each(TEST_PROVIDERS)("ingesting events on %s", (provider) => {
  const database = useTestDatabase(provider);

  async function setUp(sending: boolean) {
    const { db, config } = database();
    const owner = await createProvider(db, { name: "Acme" }, ACTOR);
    const channel = await createChannel(db, owner.id, { name: "Bot" }, ACTOR);
    await updateChannel(
      db,
      channel.id,
      { webhookUrl: "https://bot.example.com/webhook", useWebhook: sending },
      ACTOR,
    );
    const sql = openSqlConnection(config);
    return { db, sql, channelId: channel.id };
  }

  it("stores every webhook and every event's id, in the order given", async () => {
    const { db, sql, channelId } = await setUp(true);
    try {
      const result = await ingestWebhooks(sql, channelId, [[text(0), text(1)], [text(2)]]);
      expect(result.queued).toBe(true);
      if (!result.queued) return;
      const stored = await db.webhook.findMany({ where: { channelId }, orderBy: { id: "asc" } });
      expect(stored.map((w) => w.id)).toEqual(result.webhookIds);
      const index = await db.webhookEvent.findMany({ orderBy: { webhookEventId: "asc" } });
      expect(index.map((e) => [e.webhookEventId, e.webhookId]).sort()).toEqual(
        result.webhookEventIds
          .flatMap((ids, i) => ids.map((id) => [id, result.webhookIds[i]]))
          .sort(),
      );
    } finally {
      await sql.close();
    }
  });

  it("stores nothing, not even the ids, while Use webhook is off, and says why", async () => {
    const { db, sql, channelId } = await setUp(false);
    try {
      const result = await ingestWebhooks(sql, channelId, [[text(0)], [text(1)]]);
      expect(result).toMatchObject({
        queued: false,
        message: expect.stringMatching(/Use webhook is off/),
      });
      expect(await db.webhook.count()).toBe(0);
      expect(await db.webhookEvent.count()).toBe(0);
    } finally {
      await sql.close();
    }
  });

  it("refuses an unknown channel with a 404's error and stores nothing", async () => {
    const { db, sql } = await setUp(true);
    try {
      await expect(ingestWebhooks(sql, "c-unknown", [[text(0)]])).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await db.webhookEvent.count()).toBe(0);
    } finally {
      await sql.close();
    }
  });
});
