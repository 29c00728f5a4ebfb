import { db } from "../db/client";
import { resolveDatabaseConfig } from "../db/config";
import { migrate } from "../db/migrate";
import { seedDemo } from "../demo/seed-demo";
import { dispatcherEnabled, startDispatcher } from "../dispatch/dispatcher-instance";

/**
 * Server start-up: apply pending migrations (so a fresh machine needs no setup step), then,
 * when asked for by WEBHOOK_CONSOLE_SEED_DEMO=1 (`npm start` sets it), seed the demo data, and
 * start the dispatcher that sends stored webhooks.
 */
export async function bootServer(): Promise<void> {
  const config = resolveDatabaseConfig();
  const { applied } = await migrate(config);
  const where = config.provider === "sqlite" ? config.filePath : "PostgreSQL";
  console.log(
    `[webhook-console] database ${config.provider} (${where}): ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`,
  );
  if (process.env.WEBHOOK_CONSOLE_SEED_DEMO === "1") {
    const seeded = await seedDemo(db(), { demoBotUrl: process.env.DEMO_BOT_WEBHOOK_URL });
    if (seeded) {
      console.log(
        `[webhook-console] seeded demo provider ${seeded.providerId} with channel ${seeded.channelId}`,
      );
    }
  }
  if (dispatcherEnabled()) {
    await startDispatcher();
    console.log("[webhook-console] dispatcher started");
  }
}
