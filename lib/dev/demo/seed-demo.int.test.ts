import { describe, expect, it } from "vitest";
import { prismaSql } from "../../db/prisma-sql";
import { getProvider } from "../../providers/get-provider";
import { listProviders } from "../../providers/list-providers";
import { TEST_CONSOLE_ADMIN } from "../testing/test-actors";
import { TEST_PROVIDERS, useTestDatabase } from "../testing/test-database";
import { DEMO_CHANNEL_NAME, DEMO_PROVIDER_NAME, seedDemo } from "./seed-demo";

describe.each(TEST_PROVIDERS)("seedDemo on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("creates one provider with one channel in an empty database", async () => {
    const { db } = database();
    const seeded = await seedDemo(db);
    if (!seeded) throw new Error("expected demo data to be seeded");

    const demo = await getProvider(db, seeded.providerId);
    expect(demo.name).toBe(DEMO_PROVIDER_NAME);
    expect(demo.channels).toEqual([
      expect.objectContaining({ id: seeded.channelId, name: DEMO_CHANNEL_NAME }),
    ]);
  });

  it("does nothing once a provider exists", async () => {
    const { db } = database();
    await seedDemo(db);
    expect(await seedDemo(db)).toBeNull();
    expect(await listProviders(prismaSql(db), TEST_CONSOLE_ADMIN)).toHaveLength(1);
  });
});
