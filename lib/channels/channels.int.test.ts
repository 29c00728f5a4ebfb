import { describe, expect, it } from "vitest";
import { prismaSql } from "../db/prisma-sql";
import { turnUseWebhookOffDuring } from "../dev/testing/concurrent-write";
import { TEST_PROVIDERS, type TestDatabase, useTestDatabase } from "../dev/testing/test-database";
import { ConflictError, NotFoundError } from "../errors";
import { createProvider } from "../providers/create-provider";
import { openChannelSecret } from "./channel-secret";
import { createChannel } from "./create-channel";
import { getChannel, getChannelSecret, getChannelWithProvider } from "./get-channel";
import { reissueChannelSecret } from "./reissue-channel-secret";
import { updateChannel } from "./update-channel";

const NUMERIC_ID = /^[1-9][0-9]{9}$/;
const CHANNEL_SECRET = /^[0-9a-f]{32}$/;
const SEALED = /^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/;
const BOT_USER_ID = /^U[0-9a-f]{32}$/;

async function newChannel({ db }: TestDatabase, name = "Echo bot") {
  const provider = await createProvider(db, { name: "Acme" }, "tester@example.com");
  return createChannel(db, provider.id, { name }, "tester@example.com");
}

/** The stored row, secret sealed: what the next request would read. */
async function storedRow({ db }: TestDatabase, id: string) {
  return db.channel.findUniqueOrThrow({ where: { id } });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

describe.each(TEST_PROVIDERS)("channels on %s", (provider) => {
  const database = useTestDatabase(provider);

  describe("createChannel", () => {
    it("creates a channel with fresh credentials and webhook settings off", async () => {
      const { db } = database();
      const owner = await createProvider(db, { name: "Acme" }, "tester@example.com");

      const channel = await createChannel(
        db,
        owner.id,
        { name: "Echo bot", description: "hi" },
        "tester@example.com",
      );

      expect(channel).toMatchObject({
        providerId: owner.id,
        name: "Echo bot",
        description: "hi",
        webhookUrl: null,
        useWebhook: false,
        webhookRedelivery: false,
        errorStatisticsAggregation: false,
      });
      expect(channel.id).toMatch(NUMERIC_ID);
      expect(channel.botUserId).toMatch(BOT_USER_ID);
      expect(channel).not.toHaveProperty("channelSecret");
      expect(Date.parse(channel.createdAt)).not.toBeNaN();
      const row = await storedRow(database(), channel.id);
      expect(row.channelSecret).toMatch(SEALED);
      expect(openChannelSecret(row)).toMatch(CHANNEL_SECRET);
    });

    it("defaults the description to empty", async () => {
      const channel = await newChannel(database());
      expect(channel.description).toBe("");
    });

    it("gives every channel its own id, secret and bot user id", async () => {
      const { db } = database();
      const owner = await createProvider(db, { name: "Acme" }, "tester@example.com");
      for (let i = 0; i < 10; i++)
        await createChannel(db, owner.id, { name: `Bot ${i}` }, "tester@example.com");
      const rows = await db.channel.findMany();
      expect(new Set(rows.map((r) => r.id)).size).toBe(10);
      expect(new Set(rows.map((r) => openChannelSecret(r))).size).toBe(10);
      expect(new Set(rows.map((r) => r.botUserId)).size).toBe(10);
    });

    it.each(["1000000000", "not-an-id"])(
      "throws NotFoundError for provider %j and creates nothing",
      async (providerId) => {
        const { db } = database();
        const error = await caught(
          createChannel(db, providerId, { name: "Bot" }, "tester@example.com"),
        );
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ resource: "Provider", id: providerId });
        expect(await db.channel.count()).toBe(0);
      },
    );
  });

  describe("getChannel and getChannelSecret", () => {
    it("reads back what was created", async () => {
      const created = await newChannel(database());
      expect(await getChannel(prismaSql(database().db), created.id)).toEqual(created);
    });

    it("reveals the stored secret only through getChannelSecret", async () => {
      const created = await newChannel(database());
      const { channelSecret } = await getChannelSecret(database().db, created.id);
      expect(channelSecret).toMatch(CHANNEL_SECRET);
      expect(channelSecret).toBe(openChannelSecret(await storedRow(database(), created.id)));
    });

    it("reads the channel with its provider's name", async () => {
      const { db } = database();
      const owner = await createProvider(db, { name: "Acme" }, "tester@example.com");
      const created = await createChannel(db, owner.id, { name: "Echo bot" }, "tester@example.com");
      expect(await getChannelWithProvider(db, created.id)).toEqual({
        channel: created,
        provider: { id: owner.id, name: "Acme" },
      });
    });

    it.each([
      ["an unknown id", "1000000000"],
      ["a malformed id", "12345"],
      ["an id with a leading zero", "0123456789"],
      ["an SQL-looking id", "1' OR '1'='1"],
    ])("throws NotFoundError for %s", async (_, id) => {
      await newChannel(database());
      const { db } = database();
      const reads = [
        () => getChannel(prismaSql(db), id),
        () => getChannelSecret(db, id),
        () => getChannelWithProvider(db, id),
      ];
      for (const read of reads) {
        const error = await caught(read());
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ resource: "Channel", id });
      }
    });
  });

  describe("updateChannel", () => {
    it("sets and clears the webhook URL", async () => {
      const created = await newChannel(database());
      const { db } = database();

      const set = await updateChannel(
        db,
        created.id,
        { webhookUrl: "https://bot.example/hook" },
        "tester@example.com",
      );
      expect(set.webhookUrl).toBe("https://bot.example/hook");
      expect((await storedRow(database(), created.id)).webhookUrl).toBe("https://bot.example/hook");

      const cleared = await updateChannel(
        db,
        created.id,
        { webhookUrl: null },
        "tester@example.com",
      );
      expect(cleared.webhookUrl).toBeNull();
      expect((await storedRow(database(), created.id)).webhookUrl).toBeNull();
    });

    it("changes only the settings it is given and moves updatedAt", async () => {
      const created = await newChannel(database());
      await new Promise((resolve) => setTimeout(resolve, 5));

      const updated = await updateChannel(
        database().db,
        created.id,
        {
          useWebhook: true,
          webhookRedelivery: true,
          name: "Renamed",
        },
        "tester@example.com",
      );

      expect(updated).toEqual({
        ...created,
        name: "Renamed",
        useWebhook: true,
        webhookRedelivery: true,
        updatedAt: updated.updatedAt,
      });
      expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
      expect(await getChannel(prismaSql(database().db), created.id)).toEqual(updated);
    });

    it("turns Use webhook off again", async () => {
      const created = await newChannel(database());
      await updateChannel(database().db, created.id, { useWebhook: true }, "tester@example.com");
      const updated = await updateChannel(
        database().db,
        created.id,
        { useWebhook: false },
        "tester@example.com",
      );
      expect(updated.useWebhook).toBe(false);
    });

    it("refuses to change aggregation while Use webhook is off, and writes nothing", async () => {
      const created = await newChannel(database());
      const before = await storedRow(database(), created.id);

      const error = await caught(
        updateChannel(
          database().db,
          created.id,
          {
            errorStatisticsAggregation: true,
            webhookUrl: "https://bot.example/hook",
            name: "Renamed",
          },
          "tester@example.com",
        ),
      );

      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ property: "errorStatisticsAggregation" });
      expect(await storedRow(database(), created.id)).toEqual(before);
    });

    it("allows turning Use webhook and aggregation on in one update", async () => {
      const created = await newChannel(database());
      const updated = await updateChannel(
        database().db,
        created.id,
        {
          useWebhook: true,
          errorStatisticsAggregation: true,
        },
        "tester@example.com",
      );
      expect(updated).toMatchObject({ useWebhook: true, errorStatisticsAggregation: true });
      expect(await storedRow(database(), created.id)).toMatchObject({
        useWebhook: true,
        errorStatisticsAggregation: true,
      });
    });

    it("allows changing aggregation while Use webhook is already on", async () => {
      const created = await newChannel(database());
      await updateChannel(database().db, created.id, { useWebhook: true }, "tester@example.com");
      const on = await updateChannel(
        database().db,
        created.id,
        {
          errorStatisticsAggregation: true,
        },
        "tester@example.com",
      );
      expect(on.errorStatisticsAggregation).toBe(true);
      const off = await updateChannel(
        database().db,
        created.id,
        {
          errorStatisticsAggregation: false,
        },
        "tester@example.com",
      );
      expect(off.errorStatisticsAggregation).toBe(false);
    });

    it("judges by the resulting state: aggregation cannot change in an update turning Use webhook off", async () => {
      const created = await newChannel(database());
      await updateChannel(
        database().db,
        created.id,
        {
          useWebhook: true,
          errorStatisticsAggregation: true,
        },
        "tester@example.com",
      );
      const before = await storedRow(database(), created.id);

      const error = await caught(
        updateChannel(
          database().db,
          created.id,
          {
            useWebhook: false,
            errorStatisticsAggregation: false,
          },
          "tester@example.com",
        ),
      );

      expect(error).toBeInstanceOf(ConflictError);
      expect(await storedRow(database(), created.id)).toEqual(before);
    });

    it("keeps aggregation when Use webhook is turned off, and accepts its unchanged value", async () => {
      const created = await newChannel(database());
      await updateChannel(
        database().db,
        created.id,
        {
          useWebhook: true,
          errorStatisticsAggregation: true,
        },
        "tester@example.com",
      );
      const off = await updateChannel(
        database().db,
        created.id,
        { useWebhook: false },
        "tester@example.com",
      );
      expect(off).toMatchObject({ useWebhook: false, errorStatisticsAggregation: true });

      // Sending the current value is no change, so it is not refused (forms send every field).
      const same = await updateChannel(
        database().db,
        created.id,
        {
          errorStatisticsAggregation: true,
          webhookRedelivery: true,
        },
        "tester@example.com",
      );
      expect(same).toMatchObject({ errorStatisticsAggregation: true, webhookRedelivery: true });
    });

    it("sees a concurrent Use webhook off before deciding about aggregation", async () => {
      const created = await newChannel(database());
      await updateChannel(database().db, created.id, { useWebhook: true }, "tester@example.com");

      const outcome = await turnUseWebhookOffDuring(database().config, created.id, () =>
        updateChannel(
          database().db,
          created.id,
          { errorStatisticsAggregation: true },
          "tester@example.com",
        ),
      );

      expect(outcome).toMatchObject({ status: "rejected" });
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      expect(await storedRow(database(), created.id)).toMatchObject({
        useWebhook: false,
        errorStatisticsAggregation: false,
      });
    });

    it.each(["1000000000", "abc"])("throws NotFoundError for channel %j", async (id) => {
      await newChannel(database());
      const error = await caught(
        updateChannel(database().db, id, { useWebhook: true }, "tester@example.com"),
      );
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ resource: "Channel", id });
    });
  });

  describe("reissueChannelSecret", () => {
    it("replaces the secret with a new one and returns it", async () => {
      const created = await newChannel(database());
      const before = await storedRow(database(), created.id);

      const { channelSecret } = await reissueChannelSecret(
        database().db,
        created.id,
        "tester@example.com",
      );

      expect(channelSecret).toMatch(CHANNEL_SECRET);
      expect(channelSecret).not.toBe(openChannelSecret(before));
      const after = await storedRow(database(), created.id);
      expect(after.channelSecret).toMatch(SEALED);
      expect(openChannelSecret(after)).toBe(channelSecret);
      expect({ ...after, channelSecret: "", updatedAt: null }).toEqual({
        ...before,
        channelSecret: "",
        updatedAt: null,
      });
    });

    it("leaves other channels' secrets alone", async () => {
      const { db } = database();
      const owner = await createProvider(db, { name: "Acme" }, "tester@example.com");
      const a = await createChannel(db, owner.id, { name: "A" }, "tester@example.com");
      const b = await createChannel(db, owner.id, { name: "B" }, "tester@example.com");
      const secretOfB = (await storedRow(database(), b.id)).channelSecret;

      await reissueChannelSecret(db, a.id, "tester@example.com");

      expect((await storedRow(database(), b.id)).channelSecret).toBe(secretOfB);
    });

    it.each(["1000000000", "abc"])("throws NotFoundError for channel %j", async (id) => {
      const error = await caught(reissueChannelSecret(database().db, id, "tester@example.com"));
      expect(error).toBeInstanceOf(NotFoundError);
    });
  });
});
