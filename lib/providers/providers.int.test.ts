import { describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { prismaSql } from "../db/prisma-sql";
import { TEST_CONSOLE_ADMIN } from "../dev/testing/test-actors";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { NotFoundError } from "../errors";
import { createProvider } from "./create-provider";
import { getProvider } from "./get-provider";
import { listProviders } from "./list-providers";

describe.each(TEST_PROVIDERS)("providers on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("creates a provider with a 10-digit id", async () => {
    const { db } = database();
    const created = await createProvider(db, { name: "Acme" }, "tester@example.com");

    expect(created.id).toMatch(/^[1-9][0-9]{9}$/);
    expect(created.name).toBe("Acme");
    // The answer is the provider view: its time as an ISO string, as the API sends it.
    const stored = await db.provider.findUniqueOrThrow({ where: { id: created.id } });
    expect(created).toEqual({
      id: stored.id,
      name: "Acme",
      createdAt: stored.createdAt.toISOString(),
    });
  });

  it("gives every provider its own id", async () => {
    const { db } = database();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++)
      ids.add((await createProvider(db, { name: `P${i}` }, "tester@example.com")).id);
    expect(ids.size).toBe(20);
  });

  it("lists providers oldest first, with their channel counts", async () => {
    const { db } = database();
    expect(await listProviders(prismaSql(db), TEST_CONSOLE_ADMIN)).toEqual([]);
    const first = await createProvider(db, { name: "First" }, "tester@example.com");
    // createdAt has millisecond precision: make sure the order is decided by it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await createProvider(db, { name: "Second" }, "tester@example.com");
    await createChannel(db, second.id, { name: "A" }, "tester@example.com");
    await createChannel(db, second.id, { name: "B" }, "tester@example.com");

    expect(await listProviders(prismaSql(db), TEST_CONSOLE_ADMIN)).toEqual([
      { ...first, channelCount: 0, role: "admin" },
      { ...second, channelCount: 2, role: "admin" },
    ]);
  });

  it("gets a provider with its channels, oldest first, without their secrets", async () => {
    const { db } = database();
    const created = await createProvider(db, { name: "Acme" }, "tester@example.com");
    const a = await createChannel(db, created.id, { name: "A" }, "tester@example.com");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = await createChannel(
      db,
      created.id,
      { name: "B", description: "second" },
      "tester@example.com",
    );

    const found = await getProvider(db, created.id);

    expect(found).toEqual({ ...created, channels: [a, b] });
    for (const channel of found.channels) expect(channel).not.toHaveProperty("channelSecret");
  });

  it.each([
    ["an unknown id", "1000000000"],
    ["a malformed id", "abc"],
    ["an id with a leading zero", "0123456789"],
    ["an empty id", ""],
  ])("throws NotFoundError for %s", async (_, id) => {
    const { db } = database();
    await createProvider(db, { name: "Acme" }, "tester@example.com");
    const error = await getProvider(db, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ resource: "Provider", id });
  });
});
