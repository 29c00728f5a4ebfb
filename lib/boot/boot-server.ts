import { db } from "../db/client";
import { resolveDatabaseConfig } from "../db/config";
import { migrate } from "../db/migrate";
import { seedDemo } from "../demo/seed-demo";

/**
 * Server start-up: apply pending migrations (so a fresh machine needs no setup step), then,
 * when asked for by WEBHOOK_CONSOLE_SEED_DEMO=1 (`npm start` sets it), seed the demo data.
 */
export async function bootServer(): Promise<void> {
  const config = resolveDatabaseConfig();
  const { applied } = await migrate(config);
  const where = config.provider === "sqlite" ? config.filePath : "PostgreSQL";
  console.log(
    `[webhook-console] database ${config.provider} (${where}): ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`,
  );
  if (process.env.WEBHOOK_CONSOLE_SEED_DEMO === "1") {
    const seeded = await seedDemo(db());
    if (seeded) {
      console.log(
        `[webhook-console] seeded demo provider ${seeded.providerId} with channel ${seeded.channelId}`,
      );
    }
  }
}
