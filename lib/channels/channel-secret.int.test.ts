// Channel secrets at rest: what a raw read of the database shows, on SQLite and PostgreSQL.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretBoxError } from "../crypto/secret-box";
import { channelSecretKey } from "../crypto/secret-key";
import type { Db } from "../db/client";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { createProvider } from "../providers/create-provider";
import { sealLegacyChannelSecrets } from "./channel-secret";
import { createChannel } from "./create-channel";
import { getChannelSecret } from "./get-channel";
import { reissueChannelSecret } from "./reissue-channel-secret";

/** Every column of every Channel row, as text, read past Prisma's models. */
async function rawChannelTable(db: Db): Promise<string> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Channel"`;
  expect(rows.length).toBeGreaterThan(0);
  return rows
    .flatMap((row) => Object.values(row).map((value) => String(value).toLowerCase()))
    .join("\n");
}

async function rawSecret(db: Db, id: string): Promise<string> {
  const [row] = await db.$queryRaw<
    { channelSecret: string }[]
  >`SELECT "channelSecret" FROM "Channel" WHERE id = ${id}`;
  return row?.channelSecret ?? "";
}

describe.each(TEST_PROVIDERS)("channel secrets at rest on %s", (provider) => {
  const database = useTestDatabase(provider);

  async function newChannel(name = "Bot") {
    const { db } = database();
    const owner = await createProvider(db, { name: "Acme" }, "tester@example.com");
    return createChannel(db, owner.id, { name }, "tester@example.com");
  }

  it("never shows a secret to a raw read, after creation and after reissue", async () => {
    const { db } = database();
    const channel = await newChannel();
    const first = (await getChannelSecret(db, channel.id)).channelSecret;
    const second = (await reissueChannelSecret(db, channel.id, "tester@example.com")).channelSecret;
    expect(second).not.toBe(first);
    expect((await getChannelSecret(db, channel.id)).channelSecret).toBe(second);

    const table = await rawChannelTable(db);
    expect(table).not.toContain(first);
    expect(table).not.toContain(second);
    expect(await rawSecret(db, channel.id)).toMatch(/^v1:/);
  });

  it("seals legacy plaintext secrets once, keeping them, and reads them until then", async () => {
    const { db } = database();
    const legacy = await newChannel("Legacy");
    const current = await newChannel("Current");
    const plaintext = "0123456789abcdef0123456789abcdef";
    await db.$executeRaw`UPDATE "Channel" SET "channelSecret" = ${plaintext} WHERE id = ${legacy.id}`;
    const sealedBefore = await rawSecret(db, current.id);
    expect((await getChannelSecret(db, legacy.id)).channelSecret).toBe(plaintext);

    expect(await sealLegacyChannelSecrets(db, channelSecretKey())).toBe(1);

    const stored = await rawSecret(db, legacy.id);
    expect(stored).toMatch(/^v1:/);
    expect(await rawChannelTable(db)).not.toContain(plaintext);
    expect((await getChannelSecret(db, legacy.id)).channelSecret).toBe(plaintext);
    expect(await rawSecret(db, current.id)).toBe(sealedBefore);
    // Idempotent: a second start changes nothing.
    expect(await sealLegacyChannelSecrets(db, channelSecretKey())).toBe(0);
    expect(await rawSecret(db, legacy.id)).toBe(stored);
  });

  it("refuses another key, and a sealed value copied into another row", async () => {
    const { db } = database();
    const a = await newChannel("A");
    const b = await newChannel("B");
    await expect(sealLegacyChannelSecrets(db, randomBytes(32))).rejects.toThrow(SecretBoxError);
    const copied = await rawSecret(db, a.id);
    await db.$executeRaw`UPDATE "Channel" SET "channelSecret" = ${copied} WHERE id = ${b.id}`;
    await expect(getChannelSecret(db, b.id)).rejects.toThrow(SecretBoxError);
  });
});
